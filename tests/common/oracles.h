// Byte-at-a-time definitions that the 64-byte scans are held to, shared by
// the unit tests and the engines fuzzer: slow and plain on purpose.
#pragma once

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vi.h"

namespace plancheck::oracle {

// The well-formed UTF-8 prefix by ICU's U8_NEXT (the same table of
// well-formed sequences).
inline size_t valid_utf8_prefix(std::string_view s) {
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

// Sentence and clause ends as DOMAIN.md's text rules put them: '\n', and
// '.', '!', '?' before a space, quote, bracket, line end or the end; ';'
// too for a clause.
inline bool ends_here(std::string_view s, size_t i, bool clause) {
  const char c = s[i];
  if (c == '\n' || (clause && c == ';')) return true;
  if (c != '.' && c != '!' && c != '?') return false;
  if (i + 1 >= s.size()) return true;
  const char n = s[i + 1];
  return n == ' ' || n == '\n' || n == '"' || n == '\'' || n == ')';
}

// Where the sentence (clause) holding pos begins and ends, looking no
// further than 2,000 bytes (to a character boundary).
inline size_t bound_begin(std::string_view s, size_t pos, bool clause) {
  size_t floor = pos > 2000 ? pos - 2000 : 0;
  while (floor > 0 && (static_cast<unsigned char>(s[floor]) & 0xC0) == 0x80) --floor;
  while (pos > floor && !ends_here(s, pos - 1, clause)) --pos;
  return pos;
}
inline size_t bound_end(std::string_view s, size_t pos, bool clause) {
  size_t ceiling = std::min(s.size(), pos + 2000);
  while (ceiling < s.size() && (static_cast<unsigned char>(s[ceiling]) & 0xC0) == 0x80) ++ceiling;
  while (pos < ceiling && !ends_here(s, pos, clause)) ++pos;
  return pos;
}

// The first (last) whole-word occurrence of kw in [b, e), trying every
// position.
inline std::optional<size_t> find_word(std::string_view s, size_t b, size_t e, std::string_view kw) {
  for (size_t p = b; p + kw.size() <= e; ++p)
    if (s.compare(p, kw.size(), kw) == 0 && vi::at_word_start(s, p) && vi::at_word_end(s, p + kw.size())) return p;
  return std::nullopt;
}
inline std::optional<size_t> rfind_word(std::string_view s, size_t b, size_t e, std::string_view kw) {
  std::optional<size_t> last;
  for (size_t p = b; p + kw.size() <= e; ++p)
    if (s.compare(p, kw.size(), kw) == 0 && vi::at_word_start(s, p) && vi::at_word_end(s, p + kw.size())) last = p;
  return last;
}

}  // namespace plancheck::oracle
