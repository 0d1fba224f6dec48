// libFuzzer target: the byte scans that run 64 bytes at a time against
// their byte-at-a-time definitions, on any bytes. Any difference traps.
// - UTF-8 validation (chunked) against ICU's U8_NEXT;
// - fold_chunked() against fold_bytewise() (text, digit runs, words) on
//   the valid prefix;
// - sentence and clause bounds, find_word(), at a position the input picks;
// - chunk::occurrences against std::string::find;
// (the scans compiled for AVX-512 as well as SSE2 under both);
// - the hand-written readers against their RE2 patterns
//   (extract/patterns.h) at every digit of the normalized input.
//
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DPLANCHECK_BUILD_FUZZERS=ON
//   cmake --build build-fuzz --target plancheck_engines_fuzzer
//   mkdir -p build-fuzz/corpus  # new inputs go to the first folder: not one of the repository
//   ./build-fuzz/tests/fuzz/plancheck_engines_fuzzer -max_total_time=60 build-fuzz/corpus samples/plans
#include <cstdint>
#include <string>
#include <vector>

#include "chunk.h"
#include "chunk_avx512.h"
#include "extract/document_code.h"
#include "extract/patterns.h"
#include "extract/scan.h"
#include "extract/time_atoms.h"
#include "fold.h"
#include "oracles.h"
#include "plancheck/source.h"
#include "vi.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace plancheck;
  std::string s(reinterpret_cast<const char*>(data), size);
  const size_t valid = oracle::valid_utf8_prefix(s);
  // The scans compiled twice (chunk_avx512.h) are each held to the definition.
  for (const bool baseline : {false, true}) {
    chunk::avx512::use_baseline(baseline);
    if (valid_utf8_prefix(s) != valid) __builtin_trap();
  }
  chunk::avx512::use_baseline(false);
  s.resize(valid);

  std::string a = s, b = s;
  std::vector<Text::Run> da, db;
  std::vector<Text::Word> wa, wb;
  folding::fold_bytewise(a, &da, &wa);
  folding::fold_chunked(b, &db, &wb);
  if (a != b || da.size() != db.size() || wa.size() != wb.size()) __builtin_trap();
  for (size_t k = 0; k < da.size(); ++k)
    if (da[k].begin != db[k].begin || da[k].end != db[k].end) __builtin_trap();
  for (size_t k = 0; k < wa.size(); ++k)
    if (wa[k].begin != wb[k].begin || wa[k].end != wb[k].end || wa[k].flags != wb[k].flags) __builtin_trap();

  // Bounds at a position the input picks (its first byte), searched in the
  // folded text as the extractors do.
  const size_t pos = b.empty() ? 0 : static_cast<unsigned char>(data[0]) * b.size() / 256;
  for (const bool clause : {false, true}) {
    if ((clause ? scan::clause_begin(b, pos) : scan::sentence_begin(b, pos)) != oracle::bound_begin(b, pos, clause))
      __builtin_trap();
    if ((clause ? scan::clause_end(b, pos) : scan::sentence_end(b, pos)) != oracle::bound_end(b, pos, clause))
      __builtin_trap();
  }
  for (const std::string_view kw : {"điểm", "đại hội", "chi bộ"})
    if (scan::find_word(b, pos, b.size(), kw) != oracle::find_word(b, pos, b.size(), kw)) __builtin_trap();
  static constexpr std::string_view kAnchors[] = {"lần thứ ", "đại hội ", "nhiệm kỳ", "đ"};
  for (const bool baseline : {false, true}) {
    chunk::avx512::use_baseline(baseline);
    const auto found = chunk::occurrences(b, kAnchors);
    for (size_t k = 0; k < std::size(kAnchors); ++k) {
      std::vector<size_t> want;
      for (size_t p = b.find(kAnchors[k]); p != std::string::npos; p = b.find(kAnchors[k], p + 1)) want.push_back(p);
      if (found[k] != want) __builtin_trap();
    }
  }
  chunk::avx512::use_baseline(false);

  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') continue;
    const auto got = codes::read_document_code(s, i, i + 48), want = patterns::document_code(s, i, i + 48);
    if (got.has_value() != want.has_value()) __builtin_trap();
    if (got && (got->end != want->end || got->number != want->number || got->type != want->type ||
                got->issuer != want->issuer))
      __builtin_trap();
  }
  // Atoms in the folded text, where extraction looks for them: the same end,
  // alternative and captured values (RE2's groups against the typed matcher's).
  for (size_t i = 0; i < b.size(); ++i)
    if (times::match_atom(b, i, i + 64) != patterns::time_atom(b, i, i + 64)) __builtin_trap();
  return 0;
}
