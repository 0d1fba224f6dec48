// `plancheck check FILE|DIR...`: holds each plan to the directives above it
// and reports violations like a compiler (docs/cli.md).
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "plan_inputs.h"

namespace plancheck::cli {

struct CheckOptions {
  InputOptions in;                 // inputs, globs, settings files, standard input's name
  std::vector<std::string> rules;  // files or folders of rule files
  std::string ruleset;             // force one rule set (with what it extends)
  std::string format = "text";     // text, or a library format (plancheck/report.h)
  std::string lang = "vi";
  std::string fail_on = "error";
  std::string color = "auto";
  std::string sarif_columns = "utf16";  // utf16 | code-points
  unsigned jobs = 0;                     // 0: every core
  bool no_progress = false;
  bool no_batch_plans = false;  // plans of the batch are no limits for each other
  std::string output;  // -o FILE; empty: standard output
  std::string baseline, write_baseline;  // --baseline FILE, --write-baseline FILE
};

void setup_check(CLI::App& app, CheckOptions& opt, Lang lang);
// `sub` is the parsed subcommand: it tells options given on the command line
// (which win) from defaults (which settings may replace).
int run_check(const CLI::App& sub, CheckOptions opt);

}  // namespace plancheck::cli
