// deadline: a level's congresses must be over by the date set above. The
// verdict is made under both readings of "trước ngày D" (docs/rules/deadline.md):
// late under both is a `deadline` error; late under one only is `tight`.
#include <fmt/format.h>

#include "check/context.h"

namespace plancheck::checks {

namespace {

// Whether the plan's time can end after the limit when both are read the same way.
bool late_under(const TimeExpr& plan, const TimeExpr& limit, Reading reading) {
  const auto p = window_of(plan, reading).latest_end;
  const auto l = window_of(limit, reading).latest_end;
  return p && l && *p > *l;
}

}  // namespace

void check_deadline(const Rule& rule, Context& cx) {
  const TimeExpr& limit = rule.limit->time;
  for (const Milestone* m : cx.plan.mass_of(*rule.level)) {
    if (!cx.plan.says_end(m)) continue;
    const bool late_inclusive = late_under(m->time, limit, Reading::inclusive);
    const bool late_strict = late_under(m->time, limit, Reading::strict);
    if (!late_inclusive && !late_strict) continue;
    const auto end = window_of(m->time, rule.reading).latest_end;
    const Level l = *rule.level;
    if (late_inclusive && late_strict) {
      auto& d = cx.add(rule, Category::deadline, Severity::error, l, m->time.span,
                       both(msg::deadline_late, level_text(l), m->time.text, date_text(*end), document_text(cx.set),
                            rule.limit->text));
      d.plan = view_of(m->time, rule.reading);
      d.limit = limit_view(cx.set, *rule.limit, rule.reading);
      // The limit's own words: they hold under either reading of "trước
      // ngày D", so the fix is never a `tight` finding in turn.
      if (d.limit->time.end)
        set_fix(d, both(msg::fix_complete_by, limit.text, date_text(*d.limit->time.end)));
    } else {
      // Late under one reading only: the plan ends on the deadline day.
      const bool violates_applied = rule.reading == Reading::inclusive ? late_inclusive : late_strict;
      const auto day = window_of(limit, Reading::inclusive).latest_end;
      auto& d = cx.add(rule, Category::tight, violates_applied ? Severity::warning : Severity::note, l,
                       m->time.span,
                       both(msg::deadline_tight, level_text(l), date_text(*day), m->time.text, rule.limit->text,
                            document_text(cx.set), msg::reading_inclusive,
                            reading_text(rule.reading)));
      d.plan = view_of(m->time, rule.reading);
      d.limit = limit_view(cx.set, *rule.limit, rule.reading);
    }
  }
}

}  // namespace plancheck::checks
