#!/usr/bin/env bash
# Sets everything up, builds plancheck and runs it on the shipped samples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
./build/cli/plancheck extract --format text samples/plans/*.txt
