#include "explain_command.h"

#include <fmt/format.h>

#include <iostream>

#include "plancheck/analyze.h"
#include "plancheck/extract.h"
#include "plancheck/text.h"
#include "command_line.h"
#include "rule_book.h"

namespace plancheck::cli {

void setup_explain(CLI::App& app, ExplainOptions& opt, Lang lang) {
  auto* sub = app.add_subcommand("explain", std::string(msg::explain_description.in(lang)));
  sub->add_option(std::string(msg::name_rule_id.in(lang)), opt.rule, std::string(msg::arg_rule_id.in(lang)))->required();
  sub->add_option("--rules", opt.rules, std::string(msg::help_rules.in(lang)))->allow_extra_args(false);
  offer(sub->add_option("--lang", opt.lang, std::string(msg::help_lang.in(lang))), kLangChoices)->capture_default_str();
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
  std::string out = say(raises ? msg::explain_example_raises : msg::explain_example_absent, lang, to_string(ex.where),
                        ex.text);
  const auto diags = check(analyze_utf8(ex.text, set.path).extraction, book.with_extended(set), book);
  bool any = false;
  for (const auto& d : diags) {
    if (d.rule != id) continue;
    out += say(msg::explain_finding, lang, severity_text(d.severity), d.message(lang));
    any = true;
  }
  if (!any) out += msg::explain_no_finding.in(lang);
  return out;
}

}  // namespace

// How binding a limit's source is, in words.
std::string authority_text(Authority a, Lang lang) {
  switch (a) {
    case Authority::directive: return std::string(msg::authority_directive.in(lang));
    case Authority::plan: return std::string(msg::authority_plan.in(lang));
    case Authority::guidance: return std::string(msg::authority_guidance.in(lang));
    case Authority::press: return std::string(msg::authority_press.in(lang));
  }
  return "?";
}

std::optional<std::string> explain_rule(const RuleBook& book, const std::string& id, Lang lang) {
  if (id.rfind("restated/", 0) == 0) return say(msg::explain_restated, lang, id);
  if (id.rfind("plancheck/", 0) == 0) return say(msg::explain_reading, lang, id);
  const auto ref = book.find_rule(id);
  if (!ref) return std::nullopt;
  const Rule& r = *ref->rule;
  const RuleSet& s = *ref->set;
  std::string out = say(msg::explain_heading, lang, r.id, kind_text(r.kind), severity_text(default_severity(r)));
  if (!r.summary.in(lang).empty()) out += fmt::format("    {}\n", r.summary.in(lang));
  out += say(msg::explain_checks, lang, describe(r.kind));
  if (r.level) out += say(msg::explain_level, lang, level_text(*r.level));
  if (r.limit) out += say(msg::explain_limit, lang, r.limit->text, reading_text(r.reading));
  if (r.source)
    out += say(msg::explain_rule_source, lang, r.source->document,
               r.source->date ? " " + date_text(*r.source->date).in(lang) : std::string(), r.source->text,
               authority_text(r.source->authority, lang));
  if (r.kind == RuleKind::text) {
    std::string codes;
    for (const auto& c : r.notice_codes) codes += (codes.empty() ? "" : ", ") + c;
    out += say(msg::explain_notices, lang, codes);
  }
  out += say(msg::explain_source, lang, s.title.empty() ? s.id : s.title,
             s.number.empty() ? std::string(msg::number_not_at_hand.in(lang)) : s.number, date_text(s.date),
             s.issuer.empty() ? "" : ", " + s.issuer, s.id, s.source);
  out += say(msg::explain_where, lang, to_string(r.where), to_string(r.kind));
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
  if (shown == 0) out += msg::explain_no_example.in(lang);
  return out;
}

int run_explain(ExplainOptions opt) {
  const Lang lang = parse_lang(opt.lang);
  if (!check_choices(lang, {{"--lang", &opt.lang, kLangChoices}})) return kExitTrouble;
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
