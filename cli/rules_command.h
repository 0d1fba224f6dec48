// `plancheck rules list|show ID|lint FILE...|test|derive PLAN`: the rule
// sets a run knows, one set or rule in full, a rule file checked before it
// is used, every rule file's examples run, and the rule file a plan sets
// for the plans below it (derive.h).
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "plancheck/messages.h"

namespace plancheck::cli {

struct RulesOptions {
  std::vector<std::string> rules;  // --rules: more rule files
  std::string format = "text";     // list: text | json
  std::string id;                  // show
  std::vector<std::string> files;  // lint
  std::string plan;                // derive
  std::string output;              // derive: -o FILE
  std::string lang = "vi";         // show (an example's message)
};

void setup_rules(CLI::App& app, RulesOptions& opt, Lang lang);
int run_rules(const CLI::App& rules_app, RulesOptions opt);

}  // namespace plancheck::cli
