#include "extract/patterns.h"

#include <re2/re2.h>

#include <algorithm>
#include <vector>

namespace plancheck::patterns {

const char* const kDocumentCode =
    "(\\d{1,5})(?: ?- ?| )([A-ZĐ]{1,6})/([A-ZĐƯ]{1,10}(?:-[A-ZĐ]{1,10})?)"  // party style ("84 QĐ/TW": a space for the dash)
    "|(\\d{1,5})/(?:\\d{4}/)?([A-ZĐ]{1,6})-([A-ZĐƯ][A-ZĐƯ0-9]{0,11})";  // state style, maybe with the year

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

const std::string& time_atom_pattern() { return times::atom_pattern(); }

std::optional<times::AtomMatch> time_atom(std::string_view s, size_t pos, size_t limit) {
  static const RE2 re(times::atom_pattern());
  const auto& groups = times::atom_groups();
  std::vector<re2::StringPiece> g(groups.size() + 1);
  if (!re.Match(re2::StringPiece(s.data(), s.size()), pos, std::min(limit, s.size()), RE2::ANCHOR_START, g.data(),
                static_cast<int>(g.size())))
    return std::nullopt;
  times::AtomMatch m;
  m.end = pos + g[0].size();
  for (size_t i = 0; i < groups.size(); ++i) {
    const re2::StringPiece p = g[i + 1];
    if (p.data() == nullptr) continue;  // not in the way through
    const times::AtomGroup& group = groups[i];
    if (group.alternative >= 0) {
      m.alternative = static_cast<uint8_t>(group.alternative);
      m.kind = group.kind;
      m.bare = group.bare;
    } else {
      m.values[static_cast<size_t>(group.slot)] = group.value(std::string_view(p.data(), p.size()));
    }
  }
  return m;
}

}  // namespace plancheck::patterns
