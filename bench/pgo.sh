#!/usr/bin/env bash
# A profile-guided (PGO) release build of vntask: the same source and profile as
# `cargo build --release`, with LLVM told which branches and calls are hot.
#
#   bench/pgo.sh                 # prints the path of the optimised binary on stdout
#
# The profile is gathered from the documents bundled in the repository (seeds/ and
# fixtures/: the five seeds, the held-out fixture documents and the ingest fixtures in
# every format), never from the benchmark corpus, so what the benchmark measures is how
# the training generalises. Needs rustup's llvm-tools component (for llvm-profdata of the
# compiler's own LLVM version); the script installs it. Output is byte-identical to the
# plain release build (PGO changes code layout and inlining, not behaviour):
# `bench/compare.sh target/release/vntask target/pgo/release/vntask` checks it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DATA=$ROOT/target/pgo-data
rustup component add llvm-tools >&2
SYSROOT=$(rustc --print sysroot)
HOST=$(rustc -vV | sed -n 's/^host: //p')
PROFDATA=$SYSROOT/lib/rustlib/$HOST/bin/llvm-profdata
[ -x "$PROFDATA" ] || { echo "pgo: $PROFDATA not found" >&2; exit 1; }

echo "== instrumented build" >&2
rm -rf "$DATA"
RUSTFLAGS="-Cprofile-generate=$DATA" cargo build --release --locked --bin vntask \
  --target-dir target/pgo-gen >&2
echo "== training on seeds/ and fixtures/" >&2
for _ in 1 2 3 4 5; do
  target/pgo-gen/release/vntask extract seeds fixtures --quiet --allow-errors --jobs 1 \
    -o "$ROOT/target/pgo-tasks.jsonl" --documents "$ROOT/target/pgo-documents.jsonl" >&2
done
"$PROFDATA" merge -o "$ROOT/target/pgo.profdata" "$DATA"/*.profraw >&2
echo "== optimised build" >&2
RUSTFLAGS="-Cprofile-use=$ROOT/target/pgo.profdata" cargo build --release --locked --bin vntask \
  --target-dir target/pgo >&2
echo "$ROOT/target/pgo/release/vntask"
