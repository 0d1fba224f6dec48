#include "plancheck/model.h"

#include "extract/vocabulary.h"

namespace plancheck {

std::string_view canonical_issuer_code(std::string_view code) { return code == "TƯ" ? std::string_view("TW") : code; }

namespace {

std::string key_of(std::string_view number, std::string_view type, std::string_view issuer) {
  while (number.size() > 1 && number[0] == '0') number.remove_prefix(1);
  issuer = canonical_issuer_code(issuer);
  std::string key;
  key.reserve(number.size() + type.size() + issuer.size() + 2);
  key.append(number).append(1, '-').append(type).append(1, '/').append(issuer);
  return key;
}

}  // namespace

std::optional<std::string> document_key(const Reference& r) {
  if (!r.id) return std::nullopt;
  return key_of(r.number, r.type, r.issuer_code);
}

std::string document_key(std::string_view code) {
  const size_t dash = code.find('-'), slash = code.find('/');
  if (dash == std::string_view::npos || slash == std::string_view::npos || slash < dash) return std::string(code);
  return key_of(code.substr(0, dash), code.substr(dash + 1, slash - dash - 1), code.substr(slash + 1));
}

const char* to_string(Level l) {
  switch (l) {
    case Level::branch: return "branch";
    case Level::grassroots: return "grassroots";
    case Level::district: return "district";
    case Level::province: return "province";
    case Level::national: return "national";
  }
  return "?";
}

std::optional<Level> parse_level(std::string_view s) {
  for (Level l : {Level::branch, Level::grassroots, Level::district, Level::province, Level::national})
    if (s == to_string(l)) return l;
  return std::nullopt;
}

// The codes and their levels: vocab::kIssuerCodes.
using vocab::kIssuerCodes;

std::optional<Level> issuer_code_level(std::string_view code) {
  for (const auto& c : kIssuerCodes)
    if (c.code == code) return c.level;
  return std::nullopt;
}

bool issuer_code_fits_committee(std::string_view code, std::string_view folded_name) {
  for (const auto& c : kIssuerCodes)
    if (c.code == code && !c.committee.empty() && folded_name.starts_with(c.committee)) return true;
  return false;
}

std::string_view committee_place(std::string_view folded_name) {
  // The place follows the committee's name ("ban thường vụ tỉnh ủy hà
  // tĩnh", "thị ủy hương trà"); "đảng bộ tỉnh hà tĩnh" names it after its kind.
  static constexpr std::string_view kKinds[] = {"đảng bộ tỉnh", "đảng bộ thành phố", "đảng bộ huyện", "đảng bộ quận",
                                                "đảng bộ thị xã"};
  auto after = [&](std::string_view word) -> std::optional<std::string_view> {
    for (size_t at = folded_name.find(word); at != std::string_view::npos; at = folded_name.find(word, at + 1)) {
      const size_t end = at + word.size();
      if ((at == 0 || folded_name[at - 1] == ' ') && end < folded_name.size() && folded_name[end] == ' ')
        return folded_name.substr(end + 1);
    }
    return std::nullopt;
  };
  std::optional<std::string_view> place;
  for (const auto& c : kIssuerCodes)
    if (!c.committee.empty() && !place) place = after(c.committee);
  for (std::string_view k : kKinds)
    if (!place) place = after(k);
  if (!place) return {};
  while (!place->empty() && (place->back() == ' ' || place->back() == '.' || place->back() == ',')) place->remove_suffix(1);
  return *place;
}

std::optional<Level> level_below(Level l) {
  if (l == Level::branch) return std::nullopt;
  return static_cast<Level>(static_cast<int>(l) - 1);
}

const char* to_string(Relation r) {
  switch (r) {
    case Relation::in: return "in";
    case Relation::before: return "before";
    case Relation::by: return "by";
    case Relation::from: return "from";
    case Relation::after: return "after";
    case Relation::between: return "between";
  }
  return "?";
}

const char* to_string(Part p) {
  switch (p) {
    case Part::none: return "";
    case Part::early: return "early";
    case Part::mid: return "mid";
    case Part::late: return "late";
  }
  return "?";
}

const char* to_string(UnitType t) {
  switch (t) {
    case UnitType::dang_bo: return "dang_bo";
    case UnitType::chi_bo: return "chi_bo";
    case UnitType::committee: return "committee";
    case UnitType::agency: return "agency";
  }
  return "?";
}

const char* to_string(Event e) {
  switch (e) {
    case Event::start: return "start";
    case Event::complete: return "complete";
    case Event::hold: return "hold";
  }
  return "?";
}

const char* to_string(Status s) { return s == Status::done ? "done" : "planned"; }

const char* to_string(PilotKind k) {
  return k == PilotKind::direct_election ? "direct_election" : "model_congress";
}

}  // namespace plancheck
