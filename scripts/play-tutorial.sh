#!/usr/bin/env bash
# Sets up, builds and plays the tutorial exercise. Extra arguments go to `sandtable play`,
# e.g. `./scripts/play-tutorial.sh --lang en`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build --product sandtable >&2
lang_file=exercises/tutorial.ttx
for a in "$@"; do [ "$a" = "en" ] && lang_file=exercises/tutorial.en.ttx; done
exec .build/debug/sandtable play "$lang_file" "$@"
