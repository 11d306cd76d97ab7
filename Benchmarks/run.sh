#!/bin/sh
# Builds sandtable-bench in release mode and runs it from the repository root.
#   Benchmarks/run.sh                 every section
#   Benchmarks/run.sh simulate        only the named sections (`Benchmarks/run.sh list` lists them)
# SCRATCH=PATH uses another build folder (default: .build).
set -eu
cd "$(dirname "$0")/.."
scratch="${SCRATCH:-.build}"
swift build -c release --scratch-path "$scratch" --product sandtable-bench
exec "$scratch/release/sandtable-bench" "$@"
