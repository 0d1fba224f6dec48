#include "plancheck/model.h"

namespace plancheck {

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
