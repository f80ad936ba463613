#!/usr/bin/env bash
# The whole test suite, as CI runs it (`.ci/run` calls this script).
# 1. scripts/setup/*.sh install what the tests need (idempotent; apt/pip by package name).
# 2. cargo test over the workspace.
# 3. scripts/test.d/*.sh: further test steps (quality bar, Python bindings and Spark).
# Any failing step stops the run with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."
for setup in scripts/setup/*.sh; do
  [ -e "$setup" ] || continue
  echo "== setup: $setup"
  bash "$setup"
done
steps=0
echo "== cargo test --workspace"
cargo test --workspace --locked
steps=$((steps + 1))
for step in scripts/test.d/*.sh; do
  [ -e "$step" ] || continue
  echo "== test step: $step"
  bash "$step"
  steps=$((steps + 1))
done
echo "steps: $steps passed, 0 failed"
