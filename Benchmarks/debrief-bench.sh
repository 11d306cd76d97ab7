#!/usr/bin/env bash
# Times `sandtable debrief --format json` over a cohort of 1,000 transcripts of flood-response (release build).
#
# The transcripts are made first, outside the timed part, by playing the exercise through a pipe with 1,000 seeds:
# each session plays one role (emergency management, transport, health or weather in turn) and answers every
# question with numbers picked from its seed, so the sessions differ in choices, timing and outcomes. They are kept
# in $BENCH_DIR (default $TMPDIR/sandtable-debrief-bench) and reused by later runs.
#
# Usage: Benchmarks/debrief-bench.sh [COUNT]     (COUNT defaults to 1000)
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
echo "transcripts: ${#files[@]} ($(du -sh "$dir" | cut -f1) on disk)"

start=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "%M" -o "$dir/.rss" "$bin" debrief "${files[@]}" --format json -o "$dir/.cohort.json"
else
  "$bin" debrief "${files[@]}" --format json -o "$dir/.cohort.json"
fi
end=$(date +%s.%N)

seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
rate=$(awk -v n="${#files[@]}" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
echo "debrief --format json of ${#files[@]} transcripts: ${seconds} s (${rate} transcripts/s; target: under 5 s for 1,000)"
if [ -f "$dir/.rss" ]; then echo "peak memory: $(( $(cat "$dir/.rss") / 1024 )) MiB"; fi
echo "report: $(wc -c < "$dir/.cohort.json") bytes in $dir/.cohort.json"
