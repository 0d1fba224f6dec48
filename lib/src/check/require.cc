// require: what a plan must state (docs/rules/require.md): a completion time
// for each level it schedules, and at least one pilot congress. Reports and
// plans with no schedule of their own are not asked for either.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <vector>

#include "check/context.h"

namespace plancheck::checks {

void check_require(const Rule& rule, Context& cx) {
  const Plan& plan = cx.plan;
  // A level stated with its time left open ("Đại hội đảng bộ cơ sở: thời
  // gian cụ thể sẽ thông báo sau"): an open_time notice (open_times.cc).
  std::vector<const Notice*> open;
  for (const auto& n : plan.x->notices)
    if (n.code == "open_time" && n.level && *n.level != Level::national) open.push_back(&n);
  // Not a schedule (a report, an article about something else), and nothing left open.
  if (plan.mass.empty() && open.empty()) return;
  if (rule.require_completion) {
    std::set<Level> covered;
    for (const Milestone* m : plan.mass) covered.insert(m->level);
    for (const Notice* n : open) covered.insert(*n->level);
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
      const auto stated_open = std::find_if(open.begin(), open.end(), [l](const Notice* n) { return *n->level == l; });
      if (stated_open != open.end())
        cx.add(rule, Category::missing, Severity::warning, l, (*stated_open)->span,
               both(msg::require_open_time, level_text(l), (*stated_open)->text, document_text(cx.set)));
      else
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
