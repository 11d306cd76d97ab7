# Sourced by the cohort benchmarks: make_cohort BIN DIR COUNT JOBS plays flood-response COUNT times through a pipe
# into DIR (not timed), unless DIR already holds that many transcripts. Each session plays one role (emergency
# management, transport, health or weather in turn) and answers every question with numbers picked from its seed,
# so the sessions differ in choices, timing and outcomes.
make_cohort() {
  local bin="$1" dir="$2" count="$3" jobs="$4"
  mkdir -p "$dir"
  local have
  have=$(find "$dir" -name '*.jsonl' | wc -l)
  if [ "$have" -lt "$count" ]; then
    echo "generating $((count - have)) transcripts in $dir (not timed)…" >&2

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
}
