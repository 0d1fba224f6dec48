#!/usr/bin/env bash
# Sets everything up, builds plancheck and runs the whole test suite: the
# Release build, a short run of every fuzz target (skip it with
# PLANCHECK_SKIP_FUZZ=1; PLANCHECK_FUZZ_SECONDS per target, default 20), then
# the AddressSanitizer + UBSan build (skip that one with PLANCHECK_SKIP_ASAN=1),
# whose ctest summary closes the output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default
if [ "${PLANCHECK_SKIP_FUZZ:-0}" != "1" ]; then
  bash scripts/fuzz.sh "${PLANCHECK_FUZZ_SECONDS:-20}"
fi
if [ "${PLANCHECK_SKIP_ASAN:-0}" != "1" ]; then
  cmake --preset asan >/dev/null
  cmake --build --preset asan
  ctest --preset asan
fi
