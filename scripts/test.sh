#!/usr/bin/env bash
# Sets up, lints, builds and runs every test: unit tests per module, end-to-end tests of the built binary
# (golden output through a pipe), pseudo-terminal tests in tmux, and the HTML report in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --test
# Lint first: the whole rule set in .swift-format (formatting and the rules beyond it), warnings are failures.
swift format lint --strict --parallel --recursive Sources Tests Benchmarks Package.swift
swift build --build-tests
swift test --skip-build --parallel
