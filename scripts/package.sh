#!/usr/bin/env bash
# Builds the Debian package: a Release build installed under /usr, packed by
# cpack into build-package/plancheck_<version>_<arch>.deb, whose path it
# prints last. Install it with `sudo dpkg -i <that path>` (README: Install).
# PLANCHECK_JOBS=N limits the build's parallel jobs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
build=build-package
# Only what the package holds: no tests, benchmarks or fuzzers.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DPLANCHECK_BUILD_TESTS=OFF -DPLANCHECK_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" ${PLANCHECK_JOBS:+-j "$PLANCHECK_JOBS"}
rm -f "$build"/plancheck_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/plancheck_*.deb)
echo "$(pwd)/$deb"
