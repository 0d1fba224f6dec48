// Named party organisations, committees and agencies, one per name (the
// first mention), in text order.
#include <set>

#include "extract/orgs.h"
#include "plancheck/extract.h"

namespace plancheck {

std::vector<Unit> extract_units(const Text& text) {
  std::vector<Unit> out;
  std::set<std::string> seen;
  for (const auto& m : orgs::orgs_in(text, 0, text.folded().size())) {
    if (!m.named && m.type != UnitType::committee) continue;
    if (m.count > 0) continue;  // "01 đảng bộ phường" counts units, it names none
    std::string key = text.folded().substr(m.b, m.e - m.b);
    if (!seen.insert(key).second) continue;
    Unit u;
    u.name = text.normalized().substr(m.b, m.e - m.b);
    u.type = m.type;
    u.level = m.level;
    u.span = text.span(m.b, m.e);
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace plancheck
