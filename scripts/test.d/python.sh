#!/usr/bin/env bash
# Python package and Spark job: build the wheel with maturin (crates/python is outside the
# root workspace), install it into the venv of scripts/setup/python.sh, run pytest
# (crates/python/tests: the API, and the Spark example in local mode against the CLI's feed).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
VENV="${VNTASK_PYVENV:-target/python-venv}"
ROOT_TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
PY_TARGET="$ROOT/target/python"

# The CLI whose feed the Python records must equal (already built by `cargo test`).
cargo build -q --locked --bin vntask
export VNTASK_BIN="$ROOT_TARGET/debug/vntask"

# Same versions as the root workspace for every shared dependency: start from its lock file
# (crates/python/Cargo.lock is not tracked; cargo adds PyO3 and drops the rest).
cp Cargo.lock crates/python/Cargo.lock
rm -rf "$PY_TARGET/wheels"
CARGO_TARGET_DIR="$PY_TARGET" "$VENV/bin/maturin" build --quiet \
  -m crates/python/Cargo.toml --out "$PY_TARGET/wheels"
wheels=("$PY_TARGET"/wheels/vntask-*.whl)
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "${wheels[0]}"

# Temporary files (Spark's included) live under target/ and are replaced on the next run.
"$VENV/bin/python" -m pytest crates/python/tests -q -p no:cacheprovider \
  --basetemp "$PY_TARGET/pytest"
