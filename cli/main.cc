// plancheck: reads Vietnamese party-congress plans and checks their timelines.
// main only wires the subcommands; each lives in its own file.
#include <CLI/CLI.hpp>

#include <iostream>

#include "check_command.h"
#include "command_line.h"
#include "config_command.h"
#include "explain_command.h"
#include "extract_command.h"
#include "init_command.h"
#include "report_output.h"
#include "rules_command.h"
#include "self_docs.h"
#include "version_info.h"

int main(int argc, char** argv) {
  using namespace plancheck::cli;
  // Help and parse errors speak the language asked for before parsing.
  hold_closed_standard_streams();
  const plancheck::Lang lang = language_from(argc, argv);
  CLI::App app{std::string(msg::app_description.in(lang)), "plancheck"};
  localize_help(app, lang);
  app.require_subcommand(1);
  app.set_version_flag("--version", std::function<std::string()>([lang] {
                         std::string text = version_text(lang);
                         if (text.ends_with('\n')) text.pop_back();  // CLI11 ends the line
                         return text;
                       }),
                       std::string(msg::help_version.in(lang)));
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
  InitOptions init_opt;
  setup_init(app, init_opt, lang);
  finish_help(app, lang);
  SelfDocsOptions self_docs_opt;
  setup_self_docs(app, self_docs_opt, lang);

  if (const auto answered = answer_before_parsing(app, argc, argv, lang)) return *answered;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(app, e, argc, argv, lang);
  }
  // Every subcommand's report goes through one checked output (-o FILE or
  // standard output): a report that could not be written is never exit 0.
  auto* extract_sub = app.get_subcommand("extract");
  auto* check_sub = app.get_subcommand("check");
  ReportOutput out;
  if (extract_sub->parsed() && !out.open(extract_opt.output, extract_opt.in.inputs, lang)) return kExitTrouble;
  if (check_sub->parsed() && !out.open(check_opt.output, check_opt.in.inputs, lang)) return kExitTrouble;
  if (auto* derive = app.get_subcommand("rules")->get_subcommand("derive");
      derive->parsed() && !out.open(rules_opt.output, {rules_opt.plan}, lang))
    return kExitTrouble;
  int status = kExitTrouble;
  try {
    if (extract_sub->parsed()) status = run_extract(*extract_sub, extract_opt);
    else if (check_sub->parsed()) status = run_check(*check_sub, check_opt);
    else if (auto* s = app.get_subcommand("rules"); s->parsed()) status = run_rules(*s, rules_opt);
    else if (auto* s = app.get_subcommand("explain"); s->parsed()) status = run_explain(explain_opt);
    else if (auto* s = app.get_subcommand("config"); s->parsed()) status = run_config(*s, config_opt);
    else if (auto* s = app.get_subcommand("init"); s->parsed()) status = run_init(*s, init_opt);
    else if (const auto self = run_self_docs(app, self_docs_opt, lang)) status = *self;
  } catch (const std::exception& e) {
    print_error(lang, say(msg::internal_error, lang, e.what()));
    status = kExitTrouble;
  }
  return out.finish(status, lang);
}
