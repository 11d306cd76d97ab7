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

mkdir -p "$dir"
have=$(find "$dir" -name '*.jsonl' | wc -l)
if [ "$have" -lt "$count" ]; then
  echo "generating $((count - have)) transcripts in $dir (not timed)…" >&2
  roles=(ema transport health weather)
  play_one() {
    local seed="$1" bin="$2" dir="$3"
    local roles=(ema transport health weather)
    local out="$dir/s$seed"
    [ -n "$(ls "$out"/*.jsonl 2>/dev/null)" ] && return 0
    mkdir -p "$out"
    local role="${roles[$((seed % 4))]}"
    local i answers=""
    for i in $(seq 0 99); do answers+="$(( (seed * 7 + i * (seed % 5 + 2)) % 3 + 1 ))"$'\n'; done
    printf '%s' "$answers" | "$bin" play exercises/flood-response.ttx --seed "$seed" --roles "$role" --lang en \
      --out "$out" > /dev/null 2>&1 || true
  }
  export -f play_one
  seq 1 "$count" | xargs -P "$jobs" -I{} bash -c 'play_one "$@"' _ {} "$bin" "$dir"
fi

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
