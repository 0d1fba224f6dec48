// plancheck: reads Vietnamese party-congress plans and checks their timelines.
// main only wires the subcommands; each lives in its own file.
#include <CLI/CLI.hpp>

#include <iostream>

#include "check_command.h"
#include "command_line.h"
#include "config_command.h"
#include "explain_command.h"
#include "extract_command.h"
#include "rules_command.h"

int main(int argc, char** argv) {
  using namespace plancheck::cli;
  // Help and parse errors speak the language asked for before parsing.
  const plancheck::Lang lang = language_from(argc, argv);
  CLI::App app{std::string(msg::app_description.in(lang)), "plancheck"};
  localize_help(app, lang);
  app.require_subcommand(1);
  app.set_version_flag("--version", "plancheck " PLANCHECK_VERSION, std::string(msg::help_version.in(lang)));
  app.footer(std::string(msg::help_exit_statuses.in(lang)));

  ExtractOptions extract_opt;
  setup_extract(app, extract_opt, lang);
  CheckOptions check_opt;
  setup_check(app, check_opt, lang);
  RulesOptions rules_opt;
  setup_rules(app, rules_opt, lang);
  ExplainOptions explain_opt;
  setup_explain(app, explain_opt, lang);
  ConfigOptions config_opt;
  setup_config(app, config_opt, lang);
  finish_help(app, lang);

  if (const auto answered = answer_before_parsing(app, argc, argv, lang)) return *answered;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(app, e, argc, argv, lang);
  }
  try {
    if (auto* s = app.get_subcommand("extract"); s->parsed()) return run_extract(*s, extract_opt);
    if (auto* s = app.get_subcommand("check"); s->parsed()) return run_check(*s, check_opt);
    if (auto* s = app.get_subcommand("rules"); s->parsed()) return run_rules(*s, rules_opt);
    if (auto* s = app.get_subcommand("explain"); s->parsed()) return run_explain(explain_opt);
    if (auto* s = app.get_subcommand("config"); s->parsed()) return run_config(*s, config_opt);
  } catch (const std::exception& e) {
    print_error(lang, say(msg::internal_error, lang, e.what()));
    return kExitTrouble;
  }
  return kExitTrouble;
}
