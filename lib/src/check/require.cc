// require: what a plan must state (docs/rules/require.md): a completion time
// for each level it schedules, and at least one pilot congress. Reports and
// plans with no schedule of their own are not asked for either.
#include <fmt/format.h>

#include <set>

#include "check/context.h"

namespace plancheck::checks {

void check_require(const Rule& rule, Context& cx) {
  const Plan& plan = cx.plan;
  if (plan.mass.empty()) return;  // not a schedule: a report, an article about something else
  if (rule.require_completion) {
    std::set<Level> covered;
    for (const Milestone* m : plan.mass) covered.insert(m->level);
    for (Level l : covered) {
      if (l == Level::national) continue;  // set by the centre, not by the plans below
      bool has_end = false;
      const Milestone* first = nullptr;
      for (const Milestone* m : plan.mass_of(l)) {
        if (!first) first = m;
        if (m->event != Event::start && window_of(m->time, Reading::inclusive).latest_end) has_end = true;
      }
      // A completion already reported ("Đến ngày 22/11/2024, … đã hoàn
      // thành") is stated too.
      for (const auto& m : plan.x->milestones)
        if (m.level == l && m.status == Status::done && m.event != Event::start && !m.quoted_from) has_end = true;
      if (has_end) continue;
      cx.add(rule, Category::missing, Severity::warning, l, first->span,
             both(msg::require_completion, level_text(l), first->time.text, document_text(cx.set)));
    }
  }
  if (rule.require_pilot && plan.pilots.empty()) {
    bool covers_pilot_levels = false;
    for (const Milestone* m : plan.mass)
      covers_pilot_levels = covers_pilot_levels || m->level == Level::grassroots || m->level == Level::district;
    if (covers_pilot_levels)
      cx.add(rule, Category::missing, Severity::warning, std::nullopt, std::nullopt,
             both(msg::require_pilot, document_text(cx.set)));
  }
}

}  // namespace plancheck::checks
