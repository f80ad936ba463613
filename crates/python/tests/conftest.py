"""Shared fixtures: the repository, the CLI binary and the CLI's feed over seeds/."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SEEDS = REPO / "seeds"


def cli_binary() -> Path:
    """`$VNTASK_BIN`, else the debug binary (built with cargo when missing)."""
    if os.environ.get("VNTASK_BIN"):
        return Path(os.environ["VNTASK_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    binary = target / "debug" / "vntask"
    if not binary.exists():
        subprocess.run(["cargo", "build", "-q", "--bin", "vntask"], cwd=REPO, check=True)
    return binary


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def without_path(record: dict) -> dict:
    """A task record with `doc.path` removed (the one field allowed to differ)."""
    record = dict(record)
    record["doc"] = {k: v for k, v in record["doc"].items() if k != "path"}
    return record


def canonical(records: list[dict]) -> list[str]:
    return sorted(json.dumps(without_path(r), sort_keys=True, ensure_ascii=False) for r in records)


@pytest.fixture(scope="session")
def vntask_bin() -> Path:
    return cli_binary()


@pytest.fixture(scope="session")
def cli_feed(tmp_path_factory, vntask_bin) -> list[dict]:
    """Task records of `vntask extract seeds`."""
    out = tmp_path_factory.mktemp("cli") / "tasks.jsonl"
    subprocess.run(
        [str(vntask_bin), "extract", "seeds", "--quiet", "-o", str(out)], cwd=REPO, check=True
    )
    feed = read_jsonl(out)
    assert feed, "the seeds give tasks"
    return feed
