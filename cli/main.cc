// plancheck: reads Vietnamese party-congress plans and checks their timelines.
// main only wires the subcommands; each lives in its own file.
#include <CLI/CLI.hpp>

#include <iostream>

#include "check_command.h"
#include "explain_command.h"
#include "extract_command.h"
#include "rules_command.h"

int main(int argc, char** argv) {
  CLI::App app{"plancheck: read Vietnamese party-congress plans and check their timelines"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "plancheck " PLANCHECK_VERSION);

  plancheck::cli::ExtractOptions extract_opt;
  plancheck::cli::setup_extract(app, extract_opt);
  plancheck::cli::CheckOptions check_opt;
  plancheck::cli::setup_check(app, check_opt);
  plancheck::cli::RulesOptions rules_opt;
  plancheck::cli::setup_rules(app, rules_opt);
  plancheck::cli::ExplainOptions explain_opt;
  plancheck::cli::setup_explain(app, explain_opt);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    if (app.got_subcommand("extract")) return plancheck::cli::run_extract(extract_opt);
    if (auto* check = app.get_subcommand("check"); check->parsed()) return plancheck::cli::run_check(*check, check_opt);
    if (auto* rules = app.get_subcommand("rules"); rules->parsed()) return plancheck::cli::run_rules(*rules, rules_opt);
    if (app.got_subcommand("explain")) return plancheck::cli::run_explain(explain_opt);
  } catch (const std::exception& e) {
    std::cerr << "plancheck: internal error: " << e.what() << '\n';
    return 2;
  }
  return 2;
}
