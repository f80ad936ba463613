#!/usr/bin/env bash
# End-to-end benchmark of `vntask extract`, side by side with the tools a data team would
# otherwise use, measured in one run and printed as one table (Markdown).
#
#   bench/run.sh                      # 1 GB corpus in bench/corpus-1G (generated if missing)
#   BYTES=200M bench/run.sh           # a smaller corpus (bench/corpus-200M)
#   SLICE_MB=5 bench/run.sh           # underthesea over a 5 MB slice instead of 20 MB
#   PGO=1 bench/run.sh                # measure the profile-guided build of bench/pgo.sh
#
# Rows: `cat` (the reading floor), ripgrep counting the gazetteer's names (`rg -c -F -f`, the
# scanning reference), `vntask extract` with --jobs 1 and --jobs 2, and underthesea's
# word_tokenize over a slice (its rate scaled to the corpus). Each row's wall time and peak
# memory come from `/usr/bin/time -v`; the corpus is read once first so every row runs from
# the page cache. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BYTES=${BYTES:-1G}
SEED=${SEED:-1}
SLICE_MB=${SLICE_MB:-20}
CORPUS=${CORPUS:-bench/corpus-$BYTES}
WORK=${WORK:-target/bench}
mkdir -p "$WORK"

need_apt() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "== installing $2" >&2
  (apt-get update -qq && apt-get install -y -qq "$2") >/dev/null
}
need_apt rg ripgrep
[ -x /usr/bin/time ] || need_apt /usr/bin/time time

echo "== building (release)" >&2
cargo build --release --locked --bin vntask >&2
VNTASK=$ROOT/target/release/vntask
if [ "${PGO:-}" = 1 ]; then
  echo "== building with profile-guided optimisation (bench/pgo.sh)" >&2
  VNTASK=$(bash bench/pgo.sh)
fi
cargo build --release --manifest-path bench/gen-corpus/Cargo.toml --target-dir target >&2
GEN=$ROOT/target/release/gen-corpus

if [ ! -e "$CORPUS/.complete" ]; then
  echo "== generating $BYTES corpus in $CORPUS (seed $SEED)" >&2
  rm -rf "$CORPUS"
  "$GEN" --bytes "$BYTES" --seed "$SEED" "$CORPUS"
  touch "$CORPUS/.complete"
fi
CORPUS_BYTES=$(find "$CORPUS" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {printf "%d\n", s}')
CORPUS_DOCS=$(find "$CORPUS" -type f -name '*.txt' | wc -l)

# The gazetteer's names and aliases, one a line, for ripgrep.
NAMES=$WORK/names.txt
grep -v '^#' crates/extractor/data/agencies.tsv \
  | awk -F'\t' '{print $3; n=split($4, a, /[;|]/); for (i=1;i<=n;i++) print a[i]}' \
  | sed 's/^ *//; s/ *$//' | awk 'length($0) > 2' | sort -u > "$NAMES"

# measure NAME CMD...: wall seconds and peak RSS (MB) of one run, appended to $WORK/rows.
: > "$WORK/rows"
measure() {
  local name=$1; shift
  local log=$WORK/time-$name.log
  /usr/bin/time -v -o "$log" "$@" > "$WORK/out-$name" 2> "$WORK/err-$name" || {
    local rc=$?
    # rg exits 1 when nothing matched; anything else is a failure of the benchmark.
    if [ "$name" != rg ] || [ $rc -ne 1 ]; then
      echo "bench: $name failed ($rc):" >&2; cat "$WORK/err-$name" >&2; exit 1
    fi
  }
  local wall rss cpu
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$log")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  echo "$name $wall $rss $cpu" >> "$WORK/rows"
}

echo "== warming the page cache" >&2
find "$CORPUS" -type f -name '*.txt' -print0 | xargs -0 cat > /dev/null

echo "== measuring" >&2
measure cat sh -c "find '$CORPUS' -type f -name '*.txt' -print0 | xargs -0 cat"
measure rg rg -c -F -f "$NAMES" "$CORPUS"
# Both runs write their tasks to a file (as a user's run would, with its periodic syncs), and
# must write the same bytes.
measure jobs1 "$VNTASK" extract "$CORPUS" --quiet --allow-errors --jobs 1 -o "$WORK/tasks-jobs1.jsonl"
measure jobs2 "$VNTASK" extract "$CORPUS" --quiet --allow-errors --jobs 2 -o "$WORK/tasks.jsonl"
cmp -s "$WORK/tasks-jobs1.jsonl" "$WORK/tasks.jsonl" || { echo "bench: --jobs 1 and --jobs 2 outputs differ" >&2; exit 1; }
rm -f "$WORK/tasks-jobs1.jsonl"
TASKS=$(wc -l < "$WORK/tasks.jsonl")

# underthesea over the first SLICE_MB of the corpus, in its own venv.
VENV=$WORK/venv
if [ ! -x "$VENV/bin/python" ]; then
  echo "== installing underthesea" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q underthesea >&2
fi
SLICE=$WORK/slice.txt
# (`head` closes the pipe early: cat's SIGPIPE is expected.)
(find "$CORPUS" -type f -name '*.txt' | sort | xargs cat 2>/dev/null | head -c "$((SLICE_MB * 1000000))" > "$SLICE") || true
[ -s "$SLICE" ] || { echo "bench: empty slice" >&2; exit 1; }
cat > "$WORK/uts.py" <<'PY'
import sys, time
from underthesea import word_tokenize
text = open(sys.argv[1], encoding="utf-8", errors="ignore").read()
lines = [l for l in text.splitlines() if l.strip()]
word_tokenize("khởi động")  # load the model outside the timing
start = time.perf_counter()
for line in lines:
    word_tokenize(line)
seconds = time.perf_counter() - start
print(f"{len(text.encode('utf-8'))} {seconds}")
PY
echo "== underthesea word_tokenize over $SLICE_MB MB (this is the slow one)" >&2
measure uts "$VENV/bin/python" "$WORK/uts.py" "$SLICE"
read -r UTS_BYTES UTS_SECONDS < "$WORK/out-uts"

python3 - "$WORK/rows" "$CORPUS_BYTES" "$CORPUS_DOCS" "$UTS_BYTES" "$UTS_SECONDS" "$TASKS" "$BYTES" "$NAMES" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    name, wall, rss, cpu = line.split()
    rows[name] = (float(wall), int(rss), float(cpu))
corpus, docs = int(sys.argv[2]), int(sys.argv[3])
uts_bytes, uts_seconds, tasks, label = int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
mb = corpus / 1e6
def rate(seconds, nbytes=corpus):
    return nbytes / 1e6 / max(seconds, 1e-9)
j1, j2, rg, cat = rows["jobs1"][0], rows["jobs2"][0], rows["rg"][0], rows["cat"][0]
uts_rate = rate(uts_seconds, uts_bytes)
print(f"Corpus: {docs} documents, {mb:.0f} MB (gen-corpus --bytes {label}); {tasks} tasks extracted.\n")
print("| what | wall s | CPU s | MB/s | docs/s | peak RSS (MB) | vs vntask --jobs 2 |")
print("|---|---:|---:|---:|---:|---:|---:|")
def row(name, label, ratio):
    seconds, rss, cpu = rows[name]
    print(f"| {label} | {seconds:.2f} | {cpu:.2f} | {rate(seconds):,.1f} | {docs / seconds:,.0f} | {rss} | {ratio} |")
row("cat", "`cat` (reading floor)", f"{j2 / cat:.1f}x its time")
names = sum(1 for _ in open(sys.argv[8]))
row("rg", f"ripgrep `rg -c -F -f` ({names} names)", f"{j2 / rg:.1f}x its time")
row("jobs1", "**vntask extract --jobs 1**", f"{j1 / j2:.2f}x its time")
row("jobs2", "**vntask extract --jobs 2**", "1.0")
scaled = corpus / 1e6 / uts_rate
print(f"| underthesea word_tokenize ({uts_bytes / 1e6:.0f} MB slice, scaled) | {scaled:,.0f} | - | {uts_rate:.2f} | - | {rows['uts'][1]} | {rate(j2) / uts_rate:,.0f}x slower |")
print()
print(f"Load average during the run: {open('/proc/loadavg').read().split()[0]} on {__import__('os').cpu_count()} cores "
      "(wall times on a busy machine overstate; CPU s is the work done).")
print(f"--jobs 2 / --jobs 1 throughput: {j1 / j2:.2f}x; vntask --jobs 2 time / ripgrep time: {j2 / rg:.1f}x; "
      f"vntask / underthesea throughput: {rate(j2) / uts_rate:,.0f}x")
PY
