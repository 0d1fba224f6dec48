#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang, ASan + UBSan) and
# runs each for SECONDS (default 30) with large inputs allowed (1 MiB: the
# scans' block edges and the extractors' windows are only reached by big
# texts), the plans' dictionary (tests/fuzz/plans.dict) and the kept corpus
# (tests/fuzz/corpus/<target>/, copied: a run never writes into the
# repository unless --keep is given, which merges what it found back into it).
# Exits non-zero when a target crashes, leaks, hangs or trips a sanitizer;
# the input that did it is left in build-fuzz/artifacts/.
#
# usage: scripts/fuzz.sh [SECONDS] [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=30
keep=0
for a in "$@"; do
  case "$a" in
    --keep) keep=1 ;;
    *) seconds="$a" ;;
  esac
done
bash scripts/deps.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
mkdir -p build-fuzz/artifacts
status=0
for target in extract check rule_files engines extract_json legacy docx html pdf; do
  work="build-fuzz/corpus/$target"
  rm -rf "$work"
  mkdir -p "$work"
  cp tests/fuzz/corpus/"$target"/* "$work"/ 2>/dev/null || true
  # The document readers start from the format samples (samples/formats/).
  case "$target" in
    docx) cp samples/formats/*.docx "$work"/ ;;
    html) cp samples/formats/*.html "$work"/ ;;
    pdf) cp samples/formats/*.pdf "$work"/ ;;
  esac
  max_len=1048576
  [ "$target" = rule_files ] && max_len=65536
  echo "== fuzzing $target for ${seconds}s (max_len $max_len)"
  if ! ./build-fuzz/tests/fuzz/plancheck_${target}_fuzzer -max_total_time="$seconds" -max_len="$max_len" \
      -timeout=25 -rss_limit_mb=4096 -dict=tests/fuzz/plans.dict -print_final_stats=1 \
      -artifact_prefix=build-fuzz/artifacts/"$target"- "$work" 2>build-fuzz/"$target".log; then
    echo "FAIL: $target (see build-fuzz/$target.log and build-fuzz/artifacts/)"
    tail -40 build-fuzz/"$target".log
    status=1
  else
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" build-fuzz/"$target".log | tr '\n' ' '
    echo
  fi
  if [ "$keep" = 1 ]; then
    ./build-fuzz/tests/fuzz/plancheck_${target}_fuzzer -merge=1 -max_len="$max_len" tests/fuzz/corpus/"$target" "$work" \
      2>/dev/null || true
  fi
done
exit $status
