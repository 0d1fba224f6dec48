#include "rules_command.h"

#include <fmt/format.h>

#include <iostream>

#include "explain_command.h"
#include "plancheck/check.h"
#include "plancheck/check_json.h"
#include "command_line.h"
#include "rule_book.h"

namespace plancheck::cli {

void setup_rules(CLI::App& app, RulesOptions& opt, Lang lang) {
  auto* sub = app.add_subcommand("rules", std::string(msg::rules_description.in(lang)));
  sub->require_subcommand(1);
  sub->add_option("--rules", opt.rules, std::string(msg::help_rules.in(lang)))->allow_extra_args(false);
  sub->add_option("--lang", opt.lang, std::string(msg::help_lang.in(lang)))->capture_default_str();
  // `plancheck rules test --rules X` reads as well as `rules --rules X test`.
  sub->fallthrough();
  set_footer(*sub, lang, msg::rules_examples);
  auto* list = sub->add_subcommand("list", std::string(msg::rules_list_description.in(lang)));
  list->add_option("--format", opt.format, say(msg::help_format, lang, "text|json"))->capture_default_str();
  auto* show = sub->add_subcommand("show", std::string(msg::rules_show_description.in(lang)));
  show->add_option("id", opt.id, std::string(msg::arg_set_or_rule_id.in(lang)))->required();
  auto* lint = sub->add_subcommand("lint", std::string(msg::rules_lint_description.in(lang)));
  lint->add_option("files", opt.files, std::string(msg::arg_rule_files.in(lang)))->required();
  sub->add_subcommand("test", std::string(msg::rules_test_description.in(lang)));
  for (auto* child : sub->get_subcommands({})) child->fallthrough();
}

namespace {

std::string round_text(const RuleSet& s) {
  std::string out;
  if (s.national_congress) out = *s.national_congress;
  if (s.term) out += fmt::format("{}{}-{}", out.empty() ? "" : " ", s.term->from, s.term->to);
  return out.empty() ? "-" : out;
}

int list(const RuleBook& book, const RulesOptions& opt) {
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
    return 0;
  }
  std::cout << fmt::format("{:<14} {:<9} {:<11} {:<10} {:<15} {:>5}  {}\n", "ID", "KIND", "NUMBER", "DATE", "ROUND",
                           "RULES", "FROM");
  for (const auto& [id, s] : book.sets()) {
    std::string status;
    if (s.superseded_by) status = fmt::format("  (superseded by {} from {})", *s.superseded_by, s.superseded_from->iso());
    if (!s.extends.empty()) {
      std::string e;
      for (const auto& x : s.extends) e += (e.empty() ? "" : ", ") + x;
      status += fmt::format("  (extends {})", e);
    }
    std::cout << fmt::format("{:<14} {:<9} {:<11} {:<10} {:<15} {:>5}  {}{}\n", s.id, s.kind,
                             s.number.empty() ? "-" : s.number, s.date.iso(), round_text(s), s.rules.size(), s.path,
                             status);
  }
  return 0;
}

int show(const RuleBook& book, const RulesOptions& opt) {
  const Lang lang = opt.lang == "en" ? Lang::en : Lang::vi;
  if (const RuleSet* s = book.find(opt.id)) {
    std::cout << fmt::format("{}  ({}{})\n    {}\n", s->id, s->kind, s->builtin ? ", shipped" : "", s->title);
    std::cout << fmt::format("Document: {} of {}{}\nRound: {}\nFile: {}\n", s->number.empty() ? "-" : s->number,
                             s->date.iso(), s->issuer.empty() ? "" : ", " + s->issuer, round_text(*s), s->path);
    for (const auto& e : s->extends) std::cout << "Extends: " << e << '\n';
    if (s->superseded_by)
      std::cout << fmt::format("Superseded by {} from {}\n", *s->superseded_by, s->superseded_from->iso());
    std::cout << "Source: " << s->source << '\n';
    for (const auto& d : s->documents) std::cout << fmt::format("Knows: {} of {}\n", d.id, d.date.iso());
    std::cout << "\nRules:\n";
    for (const auto& r : s->rules) {
      std::cout << fmt::format("  {:<36} {:<9} {:<8} {}\n", r.id, to_string(r.kind), to_string(default_severity(r)),
                               r.limit ? "\"" + r.limit->text + "\"" : r.summary);
    }
    std::cout << fmt::format("\n{} example(s); `plancheck explain RULE-ID` shows one rule in full.\n",
                             s->examples.size());
    return 0;
  }
  if (auto text = explain_rule(book, opt.id, lang)) {
    std::cout << *text;
    return 0;
  }
  print_error(lang, say(msg::no_set_or_rule, lang, opt.id));
  return kExitTrouble;
}

// Lints the files: each is parsed on its own, then checked in a book of the
// shipped sets, --rules and every linted file, so they may extend each other.
int lint(RuleBook book, const RulesOptions& opt) {
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
        std::cout << e.what() << '\n';
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
      std::cout << e.what() << '\n';
      ++errors;
    }
    // Not wrong, but a rule file a reviewer cannot trust.
    auto warn = [&](const RuleLocation& at, const std::string& what) {
      std::cout << to_string(at) << ": warning: " << what << '\n';
      ++warnings;
    };
    if (s.examples.empty()) warn({s.path, 0, 0}, "no [[example]]: nothing shows the rules fire");
    for (const auto& r : s.rules) {
      if (r.summary.empty()) warn(r.where, fmt::format("'{}' has no summary", r.id));
      bool exercised = false;
      for (const auto& ex : s.examples)
        for (const auto& e : ex.expect)
          exercised = exercised || qualified_rule_id(s, e) == r.id;
      if (!exercised && r.kind != RuleKind::text && r.kind != RuleKind::require)
        warn(r.where, fmt::format("no example raises '{}'", r.id));
    }
  }
  std::cout << fmt::format("{} file(s): {} error(s), {} warning(s)\n", files, errors, warnings);
  return errors ? 1 : 0;
}

int test(const RuleBook& book) {
  size_t examples = 0, failed = 0;
  for (const auto& [id, s] : book.sets()) {
    const auto failures = book.run_examples(s);
    examples += s.examples.size();
    failed += failures.size();
    for (const auto& e : failures) std::cout << e.what() << '\n';
    std::cout << fmt::format("{:<14} {} example(s){}\n", id, s.examples.size(),
                             failures.empty() ? ", all pass" : fmt::format(", {} failure(s)", failures.size()));
  }
  std::cout << fmt::format("{} rule set(s), {} example(s), {} failure(s)\n", book.sets().size(), examples, failed);
  return failed ? 1 : 0;
}

}  // namespace

int run_rules(const CLI::App& rules_app, RulesOptions opt) {
  const Lang lang = parse_lang(opt.lang);
  if (!check_choices(lang, {{"--format", &opt.format, {"text", "json"}}, {"--lang", &opt.lang, {"vi", "en"}}}))
    return kExitTrouble;
  // Not validated: lint and test report every problem themselves.
  auto book = rule_book_or_report(opt.rules, false, lang);
  if (!book) return kExitTrouble;
  if (rules_app.got_subcommand("list")) return list(*book, opt);
  if (rules_app.got_subcommand("show")) return show(*book, opt);
  if (rules_app.got_subcommand("lint")) return lint(std::move(*book), opt);
  if (rules_app.got_subcommand("test")) return test(*book);
  return 2;
}

}  // namespace plancheck::cli
