// libFuzzer target: the byte scans that run 64 bytes at a time against
// their byte-at-a-time definitions, on any bytes. Any difference traps.
// - UTF-8 validation (chunked) against ICU's U8_NEXT;
// - fold_chunked() against fold_bytewise() (text, digit runs, words) on
//   the valid prefix;
// - sentence and clause bounds, find_word(), at a position the input picks.
//
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DPLANCHECK_BUILD_FUZZERS=ON
//   cmake --build build-fuzz --target plancheck_engines_fuzzer
//   ./build-fuzz/tests/fuzz/plancheck_engines_fuzzer -max_total_time=60 samples/plans
#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <vector>

#include "extract/scan.h"
#include "fold.h"
#include "plancheck/source.h"
#include "vi.h"

namespace {

size_t icu_valid_prefix(const std::string& s) {
  size_t valid = 0;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) break;
    valid = static_cast<size_t>(i);
  }
  return valid;
}

bool ends_here(const std::string& s, size_t i, bool clause) {
  const char c = s[i];
  if (c == '\n' || (clause && c == ';')) return true;
  if (c != '.' && c != '!' && c != '?') return false;
  if (i + 1 >= s.size()) return true;
  const char n = s[i + 1];
  return n == ' ' || n == '\n' || n == '"' || n == '\'' || n == ')';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace plancheck;
  std::string s(reinterpret_cast<const char*>(data), size);
  const size_t valid = valid_utf8_prefix(s);
  if (valid != icu_valid_prefix(s)) __builtin_trap();
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
    size_t floor = pos > 2000 ? pos - 2000 : 0;
    while (floor > 0 && (static_cast<unsigned char>(b[floor]) & 0xC0) == 0x80) --floor;
    size_t begin = pos;
    while (begin > floor && !ends_here(b, begin - 1, clause)) --begin;
    if ((clause ? scan::clause_begin(b, pos) : scan::sentence_begin(b, pos)) != begin) __builtin_trap();
    size_t ceiling = std::min(b.size(), pos + 2000);
    while (ceiling < b.size() && (static_cast<unsigned char>(b[ceiling]) & 0xC0) == 0x80) ++ceiling;
    size_t end = pos;
    while (end < ceiling && !ends_here(b, end, clause)) ++end;
    if ((clause ? scan::clause_end(b, pos) : scan::sentence_end(b, pos)) != end) __builtin_trap();
  }
  for (const std::string_view kw : {"điểm", "đại hội", "chi bộ"}) {
    std::optional<size_t> first;
    for (size_t p = pos; p + kw.size() <= b.size() && !first; ++p)
      if (b.compare(p, kw.size(), kw) == 0 && vi::at_word_start(b, p) && vi::at_word_end(b, p + kw.size())) first = p;
    if (scan::find_word(b, pos, b.size(), kw) != first) __builtin_trap();
  }
  return 0;
}
