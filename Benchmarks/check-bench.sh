#!/usr/bin/env bash
# Benchmarks `sandtable check` on a generated exercise of 100,000 lines (Benchmarks/gen-exercise.py): builds the
# release binary, runs the check several times under /usr/bin/time -v, and prints lines per second and peak memory
# (maximum resident set size). It prints figures; it is not a test and sets no pass mark.
# Target (issue 3), release build on the 2-core reference machine: under 0.5 s and under 200 MB.
#
# Usage: Benchmarks/check-bench.sh [LINES] [RUNS]
# Environment: SCRATCH, the build folder (default .build); SANDTABLE, a binary to use instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."

lines="${1:-100000}"
runs="${2:-5}"
scratch="${SCRATCH:-.build}"

if [[ -z "${SANDTABLE:-}" ]]; then
    echo "building the release binary (swift build -c release --product sandtable --scratch-path $scratch)…" >&2
    swift build -c release --product sandtable --scratch-path "$scratch" >&2
    SANDTABLE="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/sandtable"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
exercise="$work/big.ttx"
python3 Benchmarks/gen-exercise.py "$lines" > "$exercise"
count=$(wc -l < "$exercise")
bytes=$(wc -c < "$exercise")

# The check must pass: a benchmark of a failing check would measure the wrong thing.
if ! "$SANDTABLE" check --color never "$exercise" 2> "$work/diagnostics"; then
    echo "the generated exercise does not check clean:" >&2
    head -20 "$work/diagnostics" >&2
    exit 1
fi

times=()
peak=0
for ((i = 1; i <= runs; i++)); do
    /usr/bin/time -v "$SANDTABLE" check --color never "$exercise" 2> "$work/time" > /dev/null
    elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
    # Elapsed is m:ss.cc (or h:mm:ss); convert it to seconds.
    seconds=$(echo "$elapsed" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    times+=("$seconds")
    ((rss > peak)) && peak=$rss
done

median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
best=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
awk -v lines="$count" -v bytes="$bytes" -v median="$median" -v best="$best" -v peak="$peak" -v runs="$runs" 'BEGIN {
    printf "sandtable check: %d lines (%.1f MB), %d runs\n", lines, bytes / 1e6, runs
    printf "  time      median %.3f s, best %.3f s\n", median, best
    printf "  speed     %.0f lines/s (median)\n", lines / (median > 0 ? median : 0.001)
    printf "  memory    %.1f MB peak (maximum resident set size)\n", peak / 1024
    printf "  target    < 0.5 s and < 200 MB: %s\n", (median < 0.5 && peak / 1024 < 200) ? "met" : "NOT met"
}'
