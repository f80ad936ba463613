#!/usr/bin/env bash
# The quality bar: extraction scored against the gold of the seeds and of the project's own
# fixture documents. Fails (exit 1) when F1 drops under the bar (issue 7).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -q --locked
bin=target/debug/vntask
echo "-- seeds (fixtures/gold)"
"$bin" eval --gold fixtures/gold --docs seeds --min-f1 0.92
echo "-- own fixture documents (fixtures/docs-gold)"
"$bin" eval --gold fixtures/docs-gold --docs fixtures/docs --min-f1 0.85
