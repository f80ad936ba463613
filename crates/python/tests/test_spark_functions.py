"""The Spark example's per-partition code, without Spark: ids, nested paths, bad files."""

from __future__ import annotations

import importlib.util
import json

import vntask

from conftest import REPO, SEEDS

spec = importlib.util.spec_from_file_location(
    "spark_extract", REPO / "examples" / "spark_extract.py"
)
spark_extract = importlib.util.module_from_spec(spec)
spec.loader.exec_module(spark_extract)

ROOT = "file:/data/vanban"


def test_relative_id_is_the_clis_doc_id():
    relative_id = spark_extract.relative_id
    assert relative_id(f"{ROOT}/a.docx", ROOT) == ("a", "a.docx")
    assert relative_id(f"{ROOT}/2024/07/tb.123.txt", ROOT) == ("2024/07/tb.123", "tb.123.txt")
    assert relative_id(f"{ROOT}/README", ROOT) == ("README", "README")
    # A file outside the root (a glob input) keeps its own name.
    assert relative_id("hdfs://nn/other/x.md", ROOT) == ("x", "x.md")


def test_extract_partition_gives_one_document_row_per_file_and_the_tasks():
    seed = sorted(SEEDS.glob("*.txt"))[0]
    files = [
        (f"{ROOT}/sub/{seed.name}", seed.read_bytes()),
        (f"{ROOT}/empty.txt", b""),
        (f"{ROOT}/blob.txt", b"\x00\x01\x02"),
    ]
    rows = list(spark_extract.extract_partition(iter(files), ROOT, None))
    kinds = [kind for kind, _ in rows]
    documents = [json.loads(line) for kind, line in rows if kind == "document"]
    tasks = [json.loads(line) for kind, line in rows if kind == "task"]
    assert kinds.count("document") == 3
    assert [d["id"] for d in documents] == [f"sub/{seed.stem}", "empty", "blob"]
    assert [d["status"] for d in documents] == ["ok", "skipped", "error"]
    expected = vntask.extract_file(seed)
    assert [t["id"] for t in tasks] == [t["id"] for t in expected]
    assert {t["doc"]["id"] for t in tasks} == {f"sub/{seed.stem}"}
    assert {t["doc"]["path"] for t in tasks} == {f"{ROOT}/sub/{seed.name}"}
