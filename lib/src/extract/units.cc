// Named party organisations, committees and agencies, one per name (the
// first mention), in text order.
#include <map>
#include <set>

#include "extract/orgs.h"
#include "plancheck/extract.h"
#include "vi.h"

namespace plancheck {

namespace {

bool all_caps(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len;
    const uint32_t cp = vi::decode(s, i, &len);
    if (vi::is_letter(cp) && !vi::is_upper(cp) && (cp < 0x300 || cp > 0x36F)) return false;
    i += len;
  }
  return true;
}

}  // namespace

std::vector<Unit> extract_units(const Text& text) {
  std::vector<Unit> out;
  std::set<std::string> seen;
  // How often each spelling of a name occurs: the most common one is shown
  // ("Quận ủy Ba Đình" over a heading's "Quận uỷ Ba Đình").
  std::map<std::string, std::map<std::string, int>> spellings;
  for (const auto& m : orgs::orgs_in(text, 0, text.folded().size())) {
    if (!m.named && m.type != UnitType::committee) continue;
    if (m.count > 0) continue;  // "01 đảng bộ phường" counts units, it names none
    std::string key = text.folded().substr(m.b, m.e - m.b);
    const std::string name = text.normalized().substr(m.b, m.e - m.b);
    if (!all_caps(name) || name.size() < 3) ++spellings[key][name];
    if (!seen.insert(key).second) continue;
    Unit u;
    u.name = text.normalized().substr(m.b, m.e - m.b);
    u.type = m.type;
    u.level = m.level;
    u.span = text.span(m.b, m.e);
    out.push_back(std::move(u));
  }
  // A heading in capitals ("THÀNH ỦY THÁI NGUYÊN") gives way to the name as
  // written in running text.
  for (auto& u : out) {
    const auto it = spellings.find(text.folded().substr(u.span.start, u.span.end - u.span.start));
    if (it == spellings.end()) continue;
    int best = 0;
    for (const auto& [spelling, n] : it->second)
      if (n > best) { best = n; u.name = spelling; }
  }
  return out;
}

}  // namespace plancheck
