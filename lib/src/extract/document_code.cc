#include "extract/document_code.h"

#include <algorithm>

namespace plancheck::codes {

namespace {

enum Letters : unsigned {
  kCapitals = 0,      // A–Z, Đ
  kWithUHorn = 1,     // … and Ư
  kWithDigits = 2,    // … and 0–9
};

// The byte length of the character of the class at p (before limit), 0 when
// there is none.
size_t letter_at(std::string_view s, size_t p, size_t limit, unsigned letters) {
  if (p >= limit) return 0;
  const char c = s[p];
  if (c >= 'A' && c <= 'Z') return 1;
  if ((letters & kWithDigits) && c >= '0' && c <= '9') return 1;
  if (p + 1 >= limit) return 0;
  if (c == '\xC4' && s[p + 1] == '\x90') return 2;                           // Đ
  if ((letters & kWithUHorn) && c == '\xC6' && s[p + 1] == '\xAF') return 2;  // Ư
  return 0;
}

// The end of at most `most` characters of the class from p; p when none.
size_t letters_from(std::string_view s, size_t p, size_t limit, unsigned letters, size_t most) {
  for (size_t k = 0; k < most; ++k) {
    const size_t len = letter_at(s, p, limit, letters);
    if (len == 0) break;
    p += len;
  }
  return p;
}

bool digit_at(std::string_view s, size_t p, size_t limit) { return p < limit && s[p] >= '0' && s[p] <= '9'; }
bool char_at(std::string_view s, size_t p, size_t limit, char c) { return p < limit && s[p] == c; }

// TYPE: 1–6 characters that must be followed by `sep` (a seventh capital
// is not, so a longer run fails). Returns the separator's offset.
std::optional<size_t> type_then(std::string_view s, size_t p, size_t limit, char sep) {
  const size_t e = letters_from(s, p, limit, kCapitals, 6);
  if (e == p || !char_at(s, e, limit, sep)) return std::nullopt;
  return e;
}

}  // namespace

std::optional<DocumentCode> read_document_code(std::string_view s, size_t pos, size_t limit) {
  limit = std::min(limit, s.size());
  size_t q = pos;
  while (q - pos < 5 && digit_at(s, q, limit)) ++q;
  // A sixth digit stands where neither style can go on.
  if (q == pos || digit_at(s, q, limit)) return std::nullopt;
  DocumentCode code;
  code.number = s.substr(pos, q - pos);

  // Party style: NUMBER( ?- ?| )TYPE/ISSUER(-SUB)? — a dash with a space
  // on either side or none, or a single space for the dash ("84 QĐ/TW").
  size_t p = q;
  if (char_at(s, p, limit, ' ')) ++p;
  bool separated = p > q;
  if (char_at(s, p, limit, '-')) {
    ++p;
    if (char_at(s, p, limit, ' ')) ++p;
    separated = true;
  }
  if (separated) {
    if (const auto slash = type_then(s, p, limit, '/')) {
      const size_t ib = *slash + 1;
      size_t e = letters_from(s, ib, limit, kCapitals | kWithUHorn, 10);
      if (e > ib) {
        if (char_at(s, e, limit, '-')) {
          const size_t sub = letters_from(s, e + 1, limit, kCapitals, 10);
          if (sub > e + 1) e = sub;
        }
        code.type = s.substr(p, *slash - p);
        code.issuer = s.substr(ib, e - ib);
        code.end = e;
        return code;
      }
    }
  }

  // State style: NUMBER/(YEAR/)?TYPE-ISSUER
  if (!char_at(s, q, limit, '/')) return std::nullopt;
  p = q + 1;
  if (digit_at(s, p, limit) && digit_at(s, p + 1, limit) && digit_at(s, p + 2, limit) && digit_at(s, p + 3, limit) &&
      char_at(s, p + 4, limit, '/'))
    p += 5;  // without the year, a digit would stand where TYPE must start
  const auto dash = type_then(s, p, limit, '-');
  if (!dash) return std::nullopt;
  const size_t ib = *dash + 1;
  const size_t first = letter_at(s, ib, limit, kCapitals | kWithUHorn);
  if (first == 0) return std::nullopt;
  const size_t e = letters_from(s, ib + first, limit, kCapitals | kWithUHorn | kWithDigits, 11);
  code.type = s.substr(p, *dash - p);
  code.issuer = s.substr(ib, e - ib);
  code.end = e;
  return code;
}

}  // namespace plancheck::codes
