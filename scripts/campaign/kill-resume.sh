#!/usr/bin/env bash
# Issue 15's longer crash campaign: `sandtable play` killed with SIGKILL at N random points of the scripted tutorial
# (default 100), each resumed with the rest of the script and compared exactly (events and scores) with the session
# played without a break; then the transcript mutation fuzzer with 400 mutations per base transcript. Prints the
# figures and exits non-zero if anything differed.
#
#   scripts/campaign/kill-resume.sh [N] [SEED]
#
# The test suite runs the same campaign with N=20 and 30 mutations (Tests/EndToEndTests/KillResumeTests.swift,
# Tests/DebriefTests/TranscriptFuzzTests.swift).
set -uo pipefail
cd "$(dirname "$0")/../.."
points="${1:-100}"
seed="${2:-2026}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
swift build --build-tests >/dev/null || exit 1
status=0
SANDTABLE_KILL_POINTS="$points" SANDTABLE_KILL_SEED="$seed" \
    swift test --skip-build --filter 'KillResumeTests' >"$log" 2>&1 || status=1
grep -E 'kill-resume campaign|differs at record|✘' "$log" || true
SANDTABLE_FUZZ_MUTATIONS=400 swift test --skip-build --filter 'TranscriptFuzzTests' >"$log" 2>&1 || status=1
grep -E 'transcript fuzz|verified:|✘' "$log" || true
[ "$status" -eq 0 ] && echo "campaign passed" || echo "campaign FAILED"
exit "$status"
