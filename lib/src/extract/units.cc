// Named party organisations, committees and agencies, one per name (the
// first mention), in text order.
#include <algorithm>
#include <unordered_map>

#include "extract/orgs.h"
#include "extract/shared_scans.h"
#include "plancheck/extract.h"
#include "vi.h"

namespace plancheck {

namespace {

bool all_caps(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // most names give themselves away at their second letter
      if (c >= 'a' && c <= 'z') return false;
      ++i;
      continue;
    }
    size_t len;
    const uint32_t cp = vi::decode(s, i, &len);
    if (vi::is_letter(cp) && !vi::is_upper(cp) && (cp < 0x300 || cp > 0x36F)) return false;
    i += len;
  }
  return true;
}

}  // namespace

std::vector<Unit> extract_units(const Text& text) { return extract_units(text, orgs::OrgIndex(text)); }

std::vector<Unit> extract_units(const Text& text, const orgs::OrgIndex& org_index) {
  std::vector<Unit> out;
  const std::string_view folded = text.folded(), normalized = text.normalized();
  // One entry per name (its folded form): the unit it became, and how often
  // each spelling of it occurs — the most common is shown ("Quận ủy Ba
  // Đình" over a heading's "Quận uỷ Ba Đình"; among equals, the first in
  // byte order). Keys and spellings are views into the text (it outlives
  // this call), so a mention costs no allocation.
  struct Name {
    size_t unit;
    std::vector<std::pair<std::string_view, int>> spellings;
  };
  std::unordered_map<std::string_view, Name> names;
  for (const auto& m : org_index.all()) {
    if (!m.named && m.type != UnitType::committee) continue;
    if (m.count > 0) continue;  // "01 đảng bộ phường" counts units, it names none
    const std::string_view key = folded.substr(m.b, m.e - m.b);
    const std::string_view name = normalized.substr(m.b, m.e - m.b);
    const auto [it, first] = names.try_emplace(key, Name{out.size(), {}});
    if (!all_caps(name) || name.size() < 3) {
      auto& counts = it->second.spellings;
      auto c = std::find_if(counts.begin(), counts.end(), [&](const auto& x) { return x.first == name; });
      if (c == counts.end()) counts.emplace_back(name, 1);
      else ++c->second;
    }
    if (!first) continue;
    Unit u;
    u.name = std::string(name);
    u.type = m.type;
    u.level = m.level;
    u.span = text.span(m.b, m.e);
    out.push_back(std::move(u));
  }
  // A heading in capitals ("THÀNH ỦY THÁI NGUYÊN") gives way to the name as
  // written in running text.
  for (const auto& [key, n] : names) {
    const std::pair<std::string_view, int>* best = nullptr;
    for (const auto& c : n.spellings)
      if (!best || c.second > best->second || (c.second == best->second && c.first < best->first)) best = &c;
    if (best) out[n.unit].name = std::string(best->first);
  }
  return out;
}

}  // namespace plancheck
