// A plan at a glance, as the folder reports show it: `--format csv` (a row
// per file, for the spreadsheet an office keeps) and the overview table of
// `--format html`. Both read the model through PlanFacts::model, so a plan
// read from its text and one read from its extraction look the same.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "plancheck/report.h"

namespace plancheck::report {

// The levels a timeline and a CSV row show, bottom-up (national congresses
// are not the plans' to schedule).
inline constexpr std::array<Level, 4> kPlanLevels{Level::branch, Level::grassroots, Level::district, Level::province};

// When a plan says a level's congresses end: its own completion (or, with
// none, holding) milestones, not one restated from a higher document nor
// one an official is quoted saying; the latest of them.
struct LevelEnd {
  std::optional<CivilDate> date;  // the period's last day
  std::string text;               // the plan's words
  uint32_t line = 0;              // 0: not known
};

// One file as a row: what the overview table and the CSV show.
struct PlanRow {
  std::string file;
  bool failed = false;
  std::string reason;  // failed: why
  std::string issuer, number, date, round, term;  // date: ISO; empty when not read
  std::vector<std::string> rulesets;
  std::array<LevelEnd, kPlanLevels.size()> ends{};
  CheckSummary::Counts counts;
  std::array<CheckSummary::Counts, kCategoryCount> by_category{};
};

PlanRow plan_row(const std::string& path, const std::vector<const RuleSet*>& sets,
                 const std::vector<Diagnostic>& diags, const PlanFacts& facts);
PlanRow failed_row(const std::string& path, const std::string& reason);

}  // namespace plancheck::report
