// The code of a cited document, read at the run of digits it starts with:
//   party style  NUMBER( ?- ?| )TYPE/ISSUER(-SUB)?  "172-KH/HU", "35 - CT/TW",
//                                                "01-HD/BTCTW-BDTHU", "84 QĐ/TW"
//   state style  NUMBER/(YEAR/)?TYPE-ISSUER       "22/NQ-HĐND", "22/2019/NQ-HĐND"
// NUMBER is 1–5 digits; TYPE 1–6 capitals (A–Z, Đ); ISSUER 1–10 capitals
// (A–Z, Đ, Ư) with a SUB of 1–10 (A–Z, Đ) in party style, or a capital and
// up to 11 capitals or digits in state style. Party style is tried first;
// every part takes as much as it may (a longer run of capitals is cut, not
// refused, where the code may end).
//
// Contract: the same matches as patterns::document_code() (the RE2 pattern
// anchored at `pos`, the text cut at `limit`; extract/patterns.h), which
// tests and the engines fuzzer hold it to. Internal to the library;
// normalized text (codes are matched case-sensitively: they are written in
// capitals).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace plancheck::codes {

struct DocumentCode {
  size_t end = 0;  // where the code ends
  std::string_view number, type, issuer;
};

std::optional<DocumentCode> read_document_code(std::string_view s, size_t pos, size_t limit);

}  // namespace plancheck::codes
