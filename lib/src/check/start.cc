// start: a level's congresses must not begin before the earliest start set
// above ("các đại hội cấp cơ sở tiến hành từ tháng 4/2025").
#include <fmt/format.h>

#include "check/context.h"

namespace plancheck::checks {

void check_start(const Rule& rule, Context& cx) {
  const auto allowed = window_of(rule.limit->time, rule.reading).earliest_start;
  if (!allowed) return;
  for (const Milestone* m : cx.plan.mass_of(*rule.level)) {
    const auto begins = window_of(m->time, rule.reading).earliest_start;
    if (!begins || *begins >= *allowed) continue;
    const Level l = *rule.level;
    auto& d = cx.add(rule, Category::start, Severity::error, l, m->time.span,
                     both(msg::start_early, level_text(l), m->time.text, date_text(*begins), document_text(cx.set),
                          rule.limit->text));
    d.plan = view_of(m->time, rule.reading);
    d.limit = limit_view(cx.set, *rule.limit, rule.reading);
    set_fix(d, both(msg::fix_start_from, rule.limit->time.text, date_text(*allowed)));
  }
}

}  // namespace plancheck::checks
