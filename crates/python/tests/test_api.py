"""The Python API: same records as the CLI, errors, documents without tasks, the stubs."""

from __future__ import annotations

import ast
import datetime
import json
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import vntask

from conftest import REPO, SEEDS, canonical, read_jsonl

# A report sentence with no assignment: a document that gives no task.
NO_TASK_TEXT = (
    "Trong 6 tháng đầu năm, tình hình kinh tế - xã hội tiếp tục chuyển biến tích cực; "
    "tăng trưởng đạt 6,4%.\n"
)
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def test_version_is_the_document_records_version():
    assert vntask.version() == vntask.__version__
    _, document = vntask.extract_document(b"x", "x.txt")
    assert document["vntask_version"] == vntask.version()


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_extract_file_gives_the_cli_records(path, cli_feed):
    mine = vntask.extract_file(path)
    theirs = [r for r in cli_feed if r["doc"]["id"] == path.stem]
    assert theirs, "the CLI gives tasks for every seed"
    assert [r["id"] for r in mine] == [r["id"] for r in theirs]
    assert canonical(mine) == canonical(theirs)
    assert all(r["doc"]["path"] == str(path) for r in mine)


def test_extract_bytes_and_text_give_the_same_ids_as_the_file():
    path = SEED_FILES[0]
    data = path.read_bytes()
    from_file = [r["id"] for r in vntask.extract_file(path)]
    assert [r["id"] for r in vntask.extract_bytes(data, path.name)] == from_file
    # Task ids depend on the content only, not on doc_id or the input route.
    assert [r["id"] for r in vntask.extract(data.decode("utf-8"), doc_id="other")] == from_file


def test_extract_document_returns_tasks_and_record():
    path = SEED_FILES[1]
    tasks, document = vntask.extract_document(path.read_bytes(), "dir/" + path.name, doc_id="d1")
    assert document["schema"] == "vntask.document/1"
    assert document["status"] == "ok"
    assert document["id"] == "d1"
    assert document["path"] == "dir/" + path.name
    assert document["tasks"] == len(tasks) > 0
    assert {t["doc"]["id"] for t in tasks} == {"d1"}


def test_extract_equals_the_stdin_jsonl_protocol_exactly(vntask_bin, tmp_path):
    text = SEED_FILES[2].read_text(encoding="utf-8")
    request = json.dumps({"id": "req-1", "text": text, "reference_date": "2024-07-19"})
    documents = tmp_path / "documents.jsonl"
    run = subprocess.run(
        [str(vntask_bin), "extract", "--stdin-jsonl", "--quiet", "--documents", str(documents)],
        input=request + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    piped = [json.loads(line) for line in run.stdout.splitlines()]
    mine = vntask.extract(text, doc_id="req-1", reference_date="2024-07-19")
    assert mine == piped  # doc.path included: both are the id
    assert read_jsonl(documents)[0]["tasks"] == len(mine) > 0


def test_a_document_with_no_tasks_gives_an_empty_list():
    assert vntask.extract(NO_TASK_TEXT) == []
    tasks, document = vntask.extract_document(NO_TASK_TEXT.encode(), "report.txt")
    assert tasks == []
    assert document["status"] == "ok"
    assert document["tasks"] == 0


def test_empty_text_raises_extract_error_with_the_record():
    with pytest.raises(vntask.ExtractError) as caught:
        vntask.extract("", doc_id="empty")
    error = caught.value
    assert error.status == "skipped"
    assert error.reason == "empty"
    assert error.document["id"] == "empty"
    assert error.document["status"] == "skipped"
    assert "empty" in str(error)


def test_binary_bytes_raise_extract_error():
    with pytest.raises(vntask.ExtractError) as caught:
        vntask.extract_bytes(b"PK\x00\x00\x01binary", "blob.txt")
    assert caught.value.status == "error"
    assert caught.value.document["error"] == caught.value.reason != ""


def test_extract_document_never_raises_for_a_bad_document():
    tasks, document = vntask.extract_document(b"\x00\x00\x00", "blob.bin", doc_id="blob")
    assert tasks == []
    assert document["status"] in ("error", "skipped")
    assert document["error"]


def test_missing_file_raises_file_not_found_with_the_name(tmp_path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError) as caught:
        vntask.extract_file(missing)
    assert caught.value.filename == str(missing)


def test_reference_date_accepts_a_string_or_a_date_and_rejects_the_rest():
    text = "Giao Bộ Tài chính chủ trì, xây dựng Đề án, trình Chính phủ trong tháng 9.\n"
    as_text = vntask.extract_document(text.encode(), "t.txt", reference_date="2024-07-19")[1]
    as_date = vntask.extract_document(
        text.encode(), "t.txt", reference_date=datetime.date(2024, 7, 19)
    )[1]
    assert as_text == as_date
    assert as_text["reference_date"] == "2024-07-19"
    assert as_text["reference_date_source"] == "option"
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        vntask.extract(text, reference_date="19/07/2024")
    with pytest.raises(TypeError):
        vntask.extract(text, reference_date=20240719)


def test_threads_give_the_same_records_as_one_thread():
    data = [(p.read_bytes(), p.name) for p in SEED_FILES]
    serial = [vntask.extract_bytes(d, n) for d, n in data]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda item: vntask.extract_bytes(*item), data * 2))
    assert threaded == serial * 2


def test_stub_names_match_the_module():
    stub = ast.parse((REPO / "crates" / "python" / "vntask.pyi").read_text(encoding="utf-8"))
    declared = {
        node.name
        for node in stub.body
        if isinstance(node, (ast.FunctionDef, ast.ClassDef))
    }
    public = {
        name
        for name in dir(vntask)
        if not name.startswith("_") and callable(getattr(vntask, name))
    }
    assert declared == public
