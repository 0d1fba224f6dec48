// Named party organisations, committees and agencies, one per name (the
// first mention), in text order.
#include <algorithm>
#include <functional>
#include <unordered_set>

#include "extract/orgs.h"
#include "extract/scan.h"
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
  // this call); a name's spellings are chained in one flat table, so a
  // mention allocates nothing and a huge text stays linear.
  static constexpr size_t kNone = static_cast<size_t>(-1);
  struct Name {
    std::string_view key;
    size_t unit;
    size_t spellings = kNone;  // first of its chain in `spellings`
  };
  struct Spelling {
    std::string_view text;
    int count;
    size_t next;  // the name's next spelling, or kNone
  };
  const size_t mentions = org_index.all().size();
  std::vector<Name> names;
  std::vector<Spelling> spellings;
  names.reserve(mentions);
  spellings.reserve(mentions);
  out.reserve(mentions);
  // Names by key, open addressing in one table (a hash map's node per
  // name was an allocation per name). A new key becomes a new name.
  size_t slots = 16;
  while (slots < 2 * mentions) slots <<= 1;
  std::vector<size_t> index(slots, kNone);  // → names
  const auto name_of = [&](std::string_view key, bool* first) -> size_t {
    for (size_t h = scan::hash(key) & (slots - 1);; h = (h + 1) & (slots - 1)) {
      if (index[h] == kNone) {
        *first = true;
        names.push_back({key, out.size()});
        return index[h] = names.size() - 1;
      }
      if (names[index[h]].key == key) {
        *first = false;
        return index[h];
      }
    }
  };
  for (const auto& m : org_index.all()) {
    if (!m.named && m.type != UnitType::committee) continue;
    if (m.count > 0) continue;  // "01 đảng bộ phường" counts units, it names none
    const std::string_view key = folded.substr(m.b, m.e - m.b);
    const std::string_view name = normalized.substr(m.b, m.e - m.b);
    bool first;
    Name& entry = names[name_of(key, &first)];
    if (!all_caps(name) || name.size() < 3) {
      size_t c = entry.spellings;
      while (c != kNone && spellings[c].text != name) c = spellings[c].next;
      if (c != kNone) {
        ++spellings[c].count;
      } else {
        spellings.push_back({name, 1, entry.spellings});
        entry.spellings = spellings.size() - 1;
      }
    }
    if (!first) continue;
    Unit& u = out.emplace_back();
    u.name = name;
    u.type = m.type;
    u.level = m.level;
    u.span = text.span(m.b, m.e);
  }
  // A heading in capitals ("THÀNH ỦY THÁI NGUYÊN") gives way to the name as
  // written in running text.
  for (const Name& n : names) {
    const Spelling* best = nullptr;
    for (size_t c = n.spellings; c != kNone; c = spellings[c].next) {
      const Spelling& x = spellings[c];
      if (!best || x.count > best->count || (x.count == best->count && x.text < best->text)) best = &x;
    }
    if (best && out[n.unit].name != best->text) out[n.unit].name = std::string(best->text);
  }
  return out;
}

void drop_repeated_units(const std::vector<Unit>& earlier, std::vector<Unit>* later) {
  std::unordered_set<std::string> names;
  names.reserve(earlier.size() + later->size());
  for (const Unit& u : earlier) names.insert(fold(u.name));
  std::erase_if(*later, [&](const Unit& u) { return !names.insert(fold(u.name)).second; });
}

}  // namespace plancheck
