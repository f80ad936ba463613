"""The Spark example, run once in local mode on seeds/, gives the CLI's task feed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO, SEEDS, canonical, read_jsonl

pytest.importorskip("pyspark")


def part_records(directory):
    records = []
    for part in sorted(directory.glob("part-*")):
        records.extend(read_jsonl(part))
    return records


def test_spark_job_gives_the_cli_feed(cli_feed, tmp_path):
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.fail("Spark needs Java 17 (scripts/setup/python.sh installs it)")
    out = tmp_path / "out"
    env = dict(os.environ)
    env.update(
        PYSPARK_PYTHON=sys.executable,  # the executors import vntask from this environment
        PYSPARK_DRIVER_PYTHON=sys.executable,
        SPARK_LOCAL_IP="127.0.0.1",  # stay on loopback
    )
    run = subprocess.run(
        [
            sys.executable,
            str(REPO / "examples" / "spark_extract.py"),
            "--master",
            "local[2]",
            "--partitions",
            "3",
            "--parquet",
            "--conf",
            "spark.ui.enabled=false",
            "--conf",
            f"spark.local.dir={tmp_path / 'spark-local'}",
            "--conf",
            "spark.driver.host=127.0.0.1",
            "--conf",
            "spark.driver.bindAddress=127.0.0.1",
            str(SEEDS),
            str(out),
        ],
        cwd=tmp_path,  # anything Spark leaves in its working directory stays in tmp_path
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-4000:]

    tasks = part_records(out / "tasks")
    assert sorted(r["id"] for r in tasks) == sorted(r["id"] for r in cli_feed)
    assert canonical(tasks) == canonical(cli_feed)
    assert all(r["doc"]["path"].endswith(".txt") for r in tasks)

    documents = part_records(out / "documents")
    seeds = sorted(p.stem for p in SEEDS.iterdir() if p.is_file())
    assert sorted(d["id"] for d in documents) == seeds
    assert {d["status"] for d in documents} == {"ok"}
    assert sum(d["tasks"] for d in documents) == len(cli_feed)

    parquet = list((out / "tasks.parquet").glob("part-*.parquet"))
    assert parquet, "--parquet writes the task table"
    assert all(p.stat().st_size > 0 for p in parquet)
