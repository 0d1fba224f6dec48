#include "rules_command.h"

#include <fmt/format.h>

#include <iostream>

#include "explain_command.h"
#include "plancheck/analyze.h"
#include "plancheck/check.h"
#include "plancheck/check_json.h"
#include "plancheck/derive.h"
#include "command_line.h"
#include "rule_book.h"

namespace plancheck::cli {

namespace {
const std::vector<std::string> kRulesListFormats{"text", "json"};
}  // namespace

void setup_rules(CLI::App& app, RulesOptions& opt, Lang lang) {
  auto* sub = app.add_subcommand("rules", std::string(msg::rules_description.in(lang)));
  sub->require_subcommand(1);
  sub->add_option("--rules", opt.rules, std::string(msg::help_rules.in(lang)))->allow_extra_args(false);
  offer(sub->add_option("--lang", opt.lang, std::string(msg::help_lang.in(lang))), kLangChoices)->capture_default_str();
  // `plancheck rules test --rules X` reads as well as `rules --rules X test`.
  sub->fallthrough();
  set_footer(*sub, lang, msg::rules_examples);
  auto* list = sub->add_subcommand("list", std::string(msg::rules_list_description.in(lang)));
  offer(list->add_option("--format", opt.format, say(msg::help_format, lang, choices_text(kRulesListFormats))),
        kRulesListFormats)
      ->capture_default_str();
  auto* show = sub->add_subcommand("show", std::string(msg::rules_show_description.in(lang)));
  show->add_option(std::string(msg::name_set_or_rule_id.in(lang)), opt.id, std::string(msg::arg_set_or_rule_id.in(lang)))->required();
  auto* lint = sub->add_subcommand("lint", std::string(msg::rules_lint_description.in(lang)));
  lint->add_option(std::string(msg::name_rule_files.in(lang)), opt.files, std::string(msg::arg_rule_files.in(lang)))->required();
  sub->add_subcommand("test", std::string(msg::rules_test_description.in(lang)));
  auto* derive = sub->add_subcommand("derive", std::string(msg::rules_derive_description.in(lang)));
  derive->add_option(std::string(msg::name_plan.in(lang)), opt.plan, std::string(msg::arg_plan.in(lang)))->required();
  derive->add_option("-o,--output", opt.output, std::string(msg::help_derive_output.in(lang)));
  for (auto* child : sub->get_subcommands({})) child->fallthrough();
}

namespace {

std::string round_text(const RuleSet& s) {
  std::string out;
  if (s.national_congress) out = *s.national_congress;
  if (s.term) out += fmt::format("{}{}-{}", out.empty() ? "" : " ", s.term->from, s.term->to);
  return out.empty() ? "-" : out;
}

const MessageText& set_kind_text(const std::string& kind) { return kind == "directive" ? msg::kind_directive : msg::kind_plan; }

int list(const RuleBook& book, const RulesOptions& opt, Lang lang) {
  if (opt.format == "json") {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& [id, s] : book.sets()) {
      auto j = ruleset_json(s);
      j["kind"] = s.kind;
      j["title"] = s.title;
      j["issuer"] = s.issuer;
      j["term"] = s.term ? nlohmann::ordered_json(fmt::format("{}-{}", s.term->from, s.term->to)) : nullptr;
      j["national_congress"] = s.national_congress ? nlohmann::ordered_json(*s.national_congress) : nullptr;
      j["extends"] = s.extends;
      j["superseded_by"] = s.superseded_by ? nlohmann::ordered_json(*s.superseded_by) : nullptr;
      j["superseded_from"] = s.superseded_from ? nlohmann::ordered_json(s.superseded_from->iso()) : nullptr;
      j["rules"] = s.rules.size();
      j["examples"] = s.examples.size();
      arr.push_back(std::move(j));
    }
    std::cout << arr.dump(2) << '\n';
    return kExitClean;
  }
  std::cout << msg::rules_list_header.in(lang) << '\n';
  for (const auto& [id, s] : book.sets()) {
    std::string status;
    if (s.superseded_by) status = say(msg::rules_superseded, lang, *s.superseded_by, date_text(*s.superseded_from));
    if (!s.extends.empty()) {
      std::string e;
      for (const auto& x : s.extends) e += (e.empty() ? "" : ", ") + x;
      status += say(msg::rules_extends, lang, e);
    }
    std::cout << fmt::format("{:<14} {:<10} {:<11} {:<11} {:<15} {:>5}  {}{}\n", s.id, set_kind_text(s.kind).in(lang),
                             s.number.empty() ? "-" : s.number, date_text(s.date).in(lang), round_text(s),
                             s.rules.size(), s.path, status);
  }
  return kExitClean;
}

int show(const RuleBook& book, const RulesOptions& opt, Lang lang) {
  if (const RuleSet* s = book.find(opt.id)) {
    std::cout << say(msg::rules_show_heading, lang, s->id, set_kind_text(s->kind),
                     s->builtin ? std::string(msg::rules_shipped.in(lang)) : "", s->title);
    std::cout << say(msg::rules_show_document, lang, s->number.empty() ? "-" : s->number, date_text(s->date),
                     s->issuer.empty() ? "" : ", " + s->issuer, round_text(*s), s->path);
    for (const auto& e : s->extends) std::cout << say(msg::rules_show_extends, lang, e);
    if (s->superseded_by)
      std::cout << say(msg::rules_show_superseded, lang, *s->superseded_by, date_text(*s->superseded_from));
    std::cout << say(msg::rules_show_source, lang, s->source);
    for (const auto& d : s->documents) std::cout << say(msg::rules_show_knows, lang, d.id, date_text(d.date));
    std::cout << msg::rules_show_rules.in(lang);
    for (const auto& r : s->rules) {
      std::cout << fmt::format("  {:<36} {:<9} {:<9} {}\n", r.id, kind_text(r.kind).in(lang),
                               severity_text(default_severity(r)).in(lang),
                               r.limit ? "\"" + r.limit->text + "\"" : r.summary.in(lang));
    }
    std::cout << say(msg::rules_show_examples, lang, s->examples.size());
    return kExitClean;
  }
  if (auto text = explain_rule(book, opt.id, lang)) {
    std::cout << *text;
    return kExitClean;
  }
  print_error(lang, say(msg::no_set_or_rule, lang, opt.id));
  return kExitTrouble;
}

// Lints the files: each is parsed on its own, then checked in a book of the
// shipped sets, --rules and every linted file, so they may extend each other.
int lint(RuleBook book, const RulesOptions& opt, Lang lang) {
  size_t errors = 0, warnings = 0, files = 0;
  std::vector<RuleSet> loaded;
  for (const auto& path : opt.files) {
    for (const auto& f : rule_files(path)) {
      ++files;
      try {
        RuleSet s = load_rule_file(f);
        book.add(s);
        loaded.push_back(std::move(s));
      } catch (const RuleError& e) {
        std::cout << e.describe(lang) << '\n';
        ++errors;
      }
    }
  }
  for (const auto& own : loaded) {
    // Two linted files may share an id (drafts of one plan): each is judged
    // in a book where it is the one with that id.
    RuleBook with_this = book;
    with_this.add(own);
    const RuleSet& s = *with_this.find(own.id);
    for (const auto& e : with_this.problems(s)) {
      std::cout << e.describe(lang) << '\n';
      ++errors;
    }
    // Not wrong, but a rule file a reviewer cannot trust.
    auto warn = [&](const RuleLocation& at, const std::string& what) {
      std::cout << to_string(at) << ": " << msg::severity_warning.in(lang) << ": " << what << '\n';
      ++warnings;
    };
    if (s.examples.empty()) warn({s.path, 0, 0}, std::string(msg::lint_no_example.in(lang)));
    for (const auto& r : s.rules) {
      if (r.summary.vi.empty() || r.summary.en.empty()) warn(r.where, say(msg::lint_no_summary, lang, r.id));
      // A limit a reviewer cannot trace is a limit nobody can defend.
      if (r.limit && !r.source) warn(r.where, say(msg::lint_no_source, lang, r.id));
      bool exercised = false;
      for (const auto& ex : s.examples)
        for (const auto& e : ex.expect)
          exercised = exercised || qualified_rule_id(s, e) == r.id;
      if (!exercised && r.kind != RuleKind::text && r.kind != RuleKind::require)
        warn(r.where, say(msg::lint_not_exercised, lang, r.id));
    }
  }
  std::cout << say(msg::lint_summary, lang, files, errors, warnings) << '\n';
  return errors ? kExitFindings : kExitClean;
}

int test(const RuleBook& book, Lang lang) {
  size_t examples = 0, failed = 0;
  for (const auto& [id, s] : book.sets()) {
    const auto failures = book.run_examples(s);
    examples += s.examples.size();
    failed += failures.size();
    for (const auto& e : failures) std::cout << e.describe(lang) << '\n';
    std::cout << fmt::format("{:<14} ", id)
              << (failures.empty() ? say(msg::test_set_passes, lang, s.examples.size())
                                   : say(msg::test_set_fails, lang, s.examples.size(), failures.size()))
              << '\n';
  }
  std::cout << say(msg::test_summary, lang, book.sets().size(), examples, failed) << '\n';
  return failed ? kExitFindings : kExitClean;
}

// The rule file the plan sets for the plans below it, on standard output
// (or -o FILE: main() sends it there, written whole or not at all).
int derive(const RuleBook& book, const RulesOptions& opt, Lang lang) {
  try {
    const Analysis plan = analyze(read_file_bytes(opt.plan), opt.plan);
    std::cout << derive_rule_file(plan, book, opt.plan);
    return kExitClean;
  } catch (const SourceError& e) {
    print_error(lang, e.describe(lang));
  } catch (const DeriveError& e) {
    print_error(lang, opt.plan + ": " + e.why().in(lang));
  }
  return kExitTrouble;
}

}  // namespace

int run_rules(const CLI::App& rules_app, RulesOptions opt) {
  const Lang lang = parse_lang(opt.lang);
  if (!check_choices(lang, {{"--format", &opt.format, kRulesListFormats}, {"--lang", &opt.lang, kLangChoices}}))
    return kExitTrouble;
  // Not validated: lint and test report every problem themselves.
  auto book = rule_book_or_report(opt.rules, false, lang);
  if (!book) return kExitTrouble;
  if (rules_app.got_subcommand("list")) return list(*book, opt, lang);
  if (rules_app.got_subcommand("show")) return show(*book, opt, lang);
  if (rules_app.got_subcommand("lint")) return lint(std::move(*book), opt, lang);
  if (rules_app.got_subcommand("test")) return test(*book, lang);
  if (rules_app.got_subcommand("derive")) return derive(*book, opt, lang);
  return 2;
}

}  // namespace plancheck::cli
