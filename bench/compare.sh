#!/usr/bin/env bash
# Compares two vntask binaries side by side, the way every speed-up in the history was
# measured: runs alternate (A B A B ...) over one corpus so load on the machine hits both
# alike, and the outputs must be byte-identical (a speed-up changes no record).
#
#   bench/compare.sh OLD NEW [CORPUS] [ROUNDS]      # wall and CPU seconds of each run
#   CALLGRIND=1 bench/compare.sh OLD NEW CORPUS     # instructions (valgrind), deterministic
#
# CORPUS defaults to bench/corpus-20M (generated with gen-corpus if missing). Use a small
# corpus (a few MB) with CALLGRIND=1: valgrind runs about 50 times slower. A run of a few MB
# also counts the one-time compilation of the patterns (about 0.5 G instructions), which
# does not matter on large batches.
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=${1:?usage: bench/compare.sh OLD NEW [CORPUS] [ROUNDS]}
NEW=${2:?usage: bench/compare.sh OLD NEW [CORPUS] [ROUNDS]}
CORPUS=${3:-bench/corpus-20M}
ROUNDS=${4:-2}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ ! -d "$CORPUS" ]; then
  cargo build --release --manifest-path bench/gen-corpus/Cargo.toml --target-dir target >&2
  target/release/gen-corpus --bytes 20M --seed 1 "$CORPUS" >&2
fi

run() { # LABEL BIN
  "$2" extract "$CORPUS" --quiet --allow-errors --jobs 1 -o "$WORK/$1.jsonl" --documents "$WORK/$1-docs.jsonl"
}

if [ "${CALLGRIND:-}" = 1 ]; then
  for label in old new; do
    bin=$OLD; [ $label = new ] && bin=$NEW
    valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.$label" "$bin" extract "$CORPUS" \
      --quiet --allow-errors --jobs 1 -o "$WORK/$label.jsonl" --documents "$WORK/$label-docs.jsonl" 2>&1 \
      | sed -n "s/.*Collected : \([0-9]*\).*/$label: \1 instructions/p"
  done
else
  for _ in $(seq "$ROUNDS"); do
    for label in old new; do
      bin=$OLD; [ $label = new ] && bin=$NEW
      /usr/bin/time -f "$label: %e s wall, %U s user, %M KB peak" bash -c "$(declare -f run); CORPUS='$CORPUS' WORK='$WORK' run $label '$bin'"
    done
  done
fi
cmp -s "$WORK/old.jsonl" "$WORK/new.jsonl" && cmp -s "$WORK/old-docs.jsonl" "$WORK/new-docs.jsonl" \
  && echo "outputs: identical" || { echo "outputs: DIFFER" >&2; exit 1; }
