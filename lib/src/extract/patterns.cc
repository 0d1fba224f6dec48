#include "extract/patterns.h"

#include <re2/re2.h>

#include <algorithm>

namespace plancheck::patterns {

const char* const kDocumentCode =
    "(\\d{1,5})(?: ?- ?| )([A-ZĐ]{1,6})/([A-ZĐƯ]{1,10}(?:-[A-ZĐ]{1,10})?)"  // party style ("84 QĐ/TW": a space for the dash)
    "|(\\d{1,5})/(?:\\d{4}/)?([A-ZĐ]{1,6})-([A-ZĐƯ][A-ZĐƯ0-9]{0,11})";  // state style, maybe with the year

// The calendar atoms, folded, leftmost-first in this order.
const char* const kTimeAtom =
    "(?:ngày )?\\d{1,2} ?(?:-|đến|tới) ?(?:ngày )?\\d{1,2} ?[/.-] ?\\d{1,2} ?[/.-] ?\\d{4}"  // day range
    "|ngày \\d{1,2}(?:, ?\\d{1,2})? ?(?:,|và) ?(?:ngày )?\\d{1,2} ?[/.-] ?\\d{1,2} ?[/.-] ?\\d{4}"  // days listed
    "|(?:ngày )?\\d{1,2} ?[/.-] ?\\d{1,2} ?[/.-] ?\\d{4}"                                // day
    "|ngày \\d{1,2}(?:, ?\\d{1,2})? ?(?:-|đến|tới|và|,) ?(?:ngày )?\\d{1,2} ?[/.-] ?\\d{1,2}"  // day range, no year
    "|ngày \\d{1,2} tháng \\d{1,2},? năm \\d{4}"                                      // day in words
    "|ngày \\d{1,2} tháng \\d{1,2}"                                                     // day in words, no year
    "|ngày \\d{1,2} ?[/.-] ?\\d{1,2}"                                                     // day, no year
    "|ngày \\d{1,2}"                                                                       // bare day
    "|tháng \\d{1,2} ?(?:-|đến|tới) ?(?:tháng )?\\d{1,2} ?(?:/|-|\\.|,? năm ) ?\\d{4}"     // month range
    "|tháng \\d{1,2} ?(?:/|-|\\.|,? năm ) ?\\d{4}"                                         // month
    "|tháng \\d{1,2}"                                                                      // month, no year
    "|tháng (?:mười một|mười hai|mười|giêng|hai|ba|tư|năm|sáu|bảy|tám|chín|chạp) năm \\d{4}"  // month in words
    "|quý (?:iv|iii|ii|i|[1-4]) ?(?:/|-|,? năm ) ?\\d{4}"                                   // quarter
    "|quý (?:iv|iii|ii|i|[1-4])"                                                             // quarter, no year
    "|(?:6|sáu) tháng (?:đầu|cuối) năm \\d{4}"                                              // half
    "|nửa (?:đầu|cuối|sau) năm \\d{4}"                                                      // half
    "|năm \\d{4}"                                                                          // year
    "|\\d{1,2} ?(?:-|đến|tới) ?\\d{1,2}[/.-]\\d{1,2}"                                      // day range, bare
    "|\\d{1,2}[/.-]\\d{1,2}";                                                              // day and month, bare

std::optional<codes::DocumentCode> document_code(std::string_view s, size_t pos, size_t limit) {
  static const RE2 re(kDocumentCode);
  re2::StringPiece g[7];
  if (!re.Match(re2::StringPiece(s.data(), s.size()), pos, std::min(limit, s.size()), RE2::ANCHOR_START, g, 7))
    return std::nullopt;
  const bool party = g[1].data() != nullptr;
  const auto view = [](re2::StringPiece p) { return std::string_view(p.data(), p.size()); };
  codes::DocumentCode c;
  c.end = pos + g[0].size();
  c.number = view(party ? g[1] : g[4]);
  c.type = view(party ? g[2] : g[5]);
  c.issuer = view(party ? g[3] : g[6]);
  return c;
}

std::optional<size_t> time_atom(std::string_view s, size_t pos, size_t limit) {
  static const RE2 re(kTimeAtom);
  re2::StringPiece whole;
  if (!re.Match(re2::StringPiece(s.data(), s.size()), pos, std::min(limit, s.size()), RE2::ANCHOR_START, &whole, 1))
    return std::nullopt;
  return pos + whole.size();
}

}  // namespace plancheck::patterns
