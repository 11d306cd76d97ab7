#!/usr/bin/env bash
# Times `sandtable export` of a cohort of flood-response transcripts (default 1,000; release build) to SQLite and to
# CSV, prints the peak memory of each, and answers one query with the sqlite3 client to show the database is usable.
# The transcripts are the debrief benchmark's (Benchmarks/cohort.sh), made once outside the timed part.
#
# Usage: Benchmarks/export-bench.sh [COUNT]
# Environment: SCRATCH_PATH (SwiftPM build folder, default .build), BENCH_DIR, JOBS (generation jobs, default 2).
set -euo pipefail
cd "$(dirname "$0")/.."

count="${1:-1000}"
scratch="${SCRATCH_PATH:-.build}"
dir="${BENCH_DIR:-${TMPDIR:-/tmp}/sandtable-debrief-bench}"
jobs="${JOBS:-2}"

echo "building release…" >&2
swift build -c release --product sandtable --scratch-path "$scratch" >&2
bin="$scratch/release/sandtable"

. Benchmarks/cohort.sh
make_cohort "$bin" "$dir" "$count" "$jobs"
mapfile -t files < <(find "$dir" -name '*.jsonl' | sort | head -n "$count")
echo "transcripts: ${#files[@]} ($(du -sh "$dir" | cut -f1) on disk); load: $(cut -d' ' -f1-3 /proc/loadavg)"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for format in sqlite csv; do
  target="$out/cohort.$format"
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$out/rss" "$bin" export "${files[@]}" --format "$format" -o "$target" --lang en \
    > /dev/null
  end=$(date +%s.%N)
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  echo "export --format $format of ${#files[@]} transcripts: ${seconds} s, peak memory $(( $(cat "$out/rss") / 1024 )) MiB, $(du -sh "$target" | cut -f1)"
done
if command -v sqlite3 > /dev/null; then
  echo "sqlite3: sessions $(sqlite3 "$out/cohort.sqlite" 'SELECT count(*) FROM sessions'); mean team total $(sqlite3 "$out/cohort.sqlite" 'SELECT round(avg(team_total), 1) FROM sessions')"
fi
