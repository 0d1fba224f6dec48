// The RE2 patterns that the hand-written readers of the library are held
// to, by the unit tests and the engines fuzzer: the specification, slow and
// plain on purpose (an RE2 match costs thirty times the hand reader's).
#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <string_view>

#include "extract/document_code.h"

namespace plancheck::oracle {

// codes::read_document_code(): party style first, then state style.
inline const RE2& document_code_re() {
  static const RE2 re(
      "(\\d{1,5}) ?- ?([A-ZĐ]{1,6})/([A-ZĐƯ]{1,10}(?:-[A-ZĐ]{1,10})?)"
      "|(\\d{1,5})/(?:\\d{4}/)?([A-ZĐ]{1,6})-([A-ZĐƯ][A-ZĐƯ0-9]{0,11})");
  return re;
}

inline std::optional<codes::DocumentCode> read_document_code(std::string_view s, size_t pos, size_t limit) {
  re2::StringPiece g[7];
  const re2::StringPiece text(s.data(), s.size());
  if (!document_code_re().Match(text, pos, std::min(limit, s.size()), RE2::ANCHOR_START, g, 7)) return std::nullopt;
  const bool party = g[1].data() != nullptr;
  const auto view = [](re2::StringPiece p) { return std::string_view(p.data(), p.size()); };
  codes::DocumentCode c;
  c.end = pos + g[0].size();
  c.number = view(party ? g[1] : g[4]);
  c.type = view(party ? g[2] : g[5]);
  c.issuer = view(party ? g[3] : g[6]);
  return c;
}

}  // namespace plancheck::oracle
