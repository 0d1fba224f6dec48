#!/usr/bin/env bash
# Sets everything up, builds plancheck and runs the whole test suite: the
# Release build, then the AddressSanitizer + UBSan build (skip that one with
# PLANCHECK_SKIP_ASAN=1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default
if [ "${PLANCHECK_SKIP_ASAN:-0}" != "1" ]; then
  cmake --preset asan >/dev/null
  cmake --build --preset asan
  ctest --preset asan
fi
