// text: the extractor's notices (typos, look-alike letters, impossible dates,
// one document cited with two dates) as diagnostics (docs/rules/text.md).
#include <fmt/format.h>

#include <algorithm>

#include "check/context.h"

namespace plancheck::checks {

namespace {

LocalText message_of(const Notice& n) {
  if (n.code == "typo") return both(msg::text_typo, n.text, n.suggestion.value_or("?"));
  if (n.code == "lookalike") return both(msg::text_lookalike, n.text, n.suggestion.value_or("Đ"));
  if (n.code == "invalid_date") return both(msg::text_invalid_date, n.text);
  if (n.code == "conflicting_date") return both(msg::text_conflicting_date, n.text);
  return {n.message, n.message};  // a code no rule file can name yet (rule_file.cc lists them)
}

}  // namespace

void check_text(const Rule& rule, Context& cx) {
  for (const auto& n : cx.plan.x->notices) {
    if (std::find(rule.notice_codes.begin(), rule.notice_codes.end(), n.code) == rule.notice_codes.end()) continue;
    auto& d = cx.add(rule, Category::text, n.code == "invalid_date" ? Severity::error : Severity::warning,
                     std::nullopt, n.span, message_of(n));
    d.plan = TimeView{n.text, std::nullopt, std::nullopt, std::nullopt};
    // A typo and a look-alike letter have the word they stand for; an
    // impossible date or a second date for a document has no one right answer.
    if ((n.code == "typo" || n.code == "lookalike") && n.suggestion) set_fix(d, both(msg::fix_word, *n.suggestion));
  }
}

}  // namespace plancheck::checks
