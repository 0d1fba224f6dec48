// `plancheck explain RULE-ID`: what a rule checks, the directive it comes
// from, and an example run through the checker.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "plancheck/check.h"

namespace plancheck::cli {

struct ExplainOptions {
  std::string rule;
  std::vector<std::string> rules;  // --rules: more rule files
  std::string lang = "vi";
};

void setup_explain(CLI::App& app, ExplainOptions& opt, Lang lang);
int run_explain(ExplainOptions opt);

// The explanation of one rule as `explain` prints it (also `rules show`).
// Ids of rules without a file ("restated/grassroots-deadline") explain the
// restated-schedule mechanism. nullopt when the id names no rule.
std::optional<std::string> explain_rule(const RuleBook& book, const std::string& id, Lang lang);

}  // namespace plancheck::cli
