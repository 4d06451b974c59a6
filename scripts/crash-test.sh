#!/usr/bin/env bash
# The long crash test: 1,000 SIGKILLs of a process saving in a loop (the test suite runs 200).
set -euo pipefail
cd "$(dirname "$0")/.."
COPYDESK_CRASH_ITERATIONS=${1:-1000} cargo test --release --test crash_safety -- --nocapture kill_during_saves
