#include "explain_command.h"

#include <fmt/format.h>

#include <iostream>

#include "plancheck/extract.h"
#include "plancheck/text.h"
#include "command_line.h"
#include "rule_book.h"

namespace plancheck::cli {

void setup_explain(CLI::App& app, ExplainOptions& opt, Lang lang) {
  auto* sub = app.add_subcommand("explain", std::string(msg::explain_description.in(lang)));
  sub->add_option("rule", opt.rule, std::string(msg::arg_rule_id.in(lang)))->required();
  sub->add_option("--rules", opt.rules, std::string(msg::help_rules.in(lang)))->allow_extra_args(false);
  sub->add_option("--lang", opt.lang, std::string(msg::help_lang.in(lang)))->capture_default_str();
  set_footer(*sub, lang, msg::explain_examples);
}

namespace {

bool names(const RuleSet& set, const std::string& listed, const std::string& id) {
  return qualified_rule_id(set, listed) == id;
}

// One example of the set that names the rule, run through the checker, with
// the finding it gives (or that it gives none).
std::string example_text(const RuleBook& book, const RuleSet& set, const RuleExample& ex, const std::string& id,
                         bool raises, Lang lang) {
  std::string out = fmt::format("\n{} ({}):\n    {}\n", raises ? "Example that raises it" : "Example that must not",
                                to_string(ex.where), ex.text);
  Text text(ex.text);
  const auto diags = check(extract(text, set.path), book.with_extended(set), book);
  bool any = false;
  for (const auto& d : diags) {
    if (d.rule != id) continue;
    out += fmt::format("  → {}: {}\n", to_string(d.severity), d.message(lang));
    any = true;
  }
  if (!any) out += "  → no finding of this rule\n";
  return out;
}

}  // namespace

std::optional<std::string> explain_rule(const RuleBook& book, const std::string& id, Lang lang) {
  if (id.rfind("restated/", 0) == 0) {
    return fmt::format(
        "{}\n\nA schedule of the plan above that the plan itself restates (\"Theo Kế hoạch số 96-KH/TU, các đại "
        "hội cấp cơ sở còn lại tiến hành từ tháng 4/2025, hoàn thành trước ngày 30/6/2025\"). The plan's own "
        "schedule for that level is held to it as a deadline (or an earliest start), even when no rule file for "
        "that plan is loaded; the diagnostic names the restated document as its limit.\nDocs: docs/rules.md "
        "(restated higher schedules)\n",
        id);
  }
  const auto ref = book.find_rule(id);
  if (!ref) return std::nullopt;
  const Rule& r = *ref->rule;
  const RuleSet& s = *ref->set;
  std::string out = fmt::format("{}  ({}, {})\n", r.id, to_string(r.kind), to_string(default_severity(r)));
  if (!r.summary.empty()) out += fmt::format("    {}\n", r.summary);
  out += fmt::format("\nWhat it checks: {}\n", describe(r.kind));
  if (r.level) out += fmt::format("Level: {}\n", to_string(*r.level));
  if (r.limit)
    out += fmt::format("Limit: \"{}\" (\"trước ngày D\" read as {})\n", r.limit->text, to_string(r.reading));
  if (r.kind == RuleKind::text) {
    std::string codes;
    for (const auto& c : r.notice_codes) codes += (codes.empty() ? "" : ", ") + c;
    out += fmt::format("Notices: {}\n", codes);
  }
  out += fmt::format("Source: {}\n    {} of {}{} (rule set {})\n    {}\n", s.title.empty() ? s.id : s.title,
                     s.number.empty() ? "(number not at hand)" : s.number, s.date.iso(),
                     s.issuer.empty() ? "" : ", " + s.issuer, s.id, s.source);
  out += fmt::format("Rule file: {}\nDocs: docs/rules/{}.md\n", to_string(r.where), to_string(r.kind));
  int shown = 0;
  for (const auto& ex : s.examples)
    for (const auto& e : ex.expect)
      if (names(s, e, id) && shown < 2) {
        out += example_text(book, s, ex, id, true, lang);
        ++shown;
      }
  for (const auto& ex : s.examples)
    for (const auto& a : ex.absent)
      if (names(s, a, id)) {
        out += example_text(book, s, ex, id, false, lang);
        break;
      }
  if (shown == 0) out += "\n(no example in the rule file names this rule)\n";
  return out;
}

int run_explain(ExplainOptions opt) {
  const Lang lang = parse_lang(opt.lang);
  if (!check_choices(lang, {{"--lang", &opt.lang, {"vi", "en"}}})) return kExitTrouble;
  const auto book = rule_book_or_report(opt.rules, false, lang);
  if (!book) return kExitTrouble;
  const auto text = explain_rule(*book, opt.rule, lang);
  if (!text) {
    print_error(lang, say(msg::no_rule, lang, opt.rule));
    return kExitTrouble;
  }
  std::cout << *text;
  return 0;
}

}  // namespace plancheck::cli
