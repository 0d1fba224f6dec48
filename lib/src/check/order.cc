// order: congresses go bottom-up (docs/rules/order.md). An error when a level
// is due to finish before the level below it finishes; a warning when the
// plan's own single congress can start before its lower level finishes. The
// overlap of whole levels scheduled across many units is normal and silent.
#include <fmt/format.h>

#include "check/context.h"

namespace plancheck::checks {

namespace {

struct LevelEnd {
  CivilDate end;
  const Milestone* by = nullptr;
};

// The latest day a level's mass schedule lets its congresses run to.
std::optional<LevelEnd> latest_end(const Plan& plan, Level l, Reading reading) {
  std::optional<LevelEnd> out;
  for (const Milestone* m : plan.mass_of(l)) {
    if (m->event == Event::start) continue;
    const auto e = window_of(m->time, reading).latest_end;
    if (e && (!out || *e > out->end)) out = LevelEnd{*e, m};
  }
  return out;
}

}  // namespace

void check_order(const Rule& rule, Context& cx) {
  for (Level upper : {Level::grassroots, Level::district, Level::province, Level::national}) {
    const Level lower = *level_below(upper);
    const auto lower_end = latest_end(cx.plan, lower, rule.reading);
    if (!lower_end) continue;
    for (const Milestone* m : cx.plan.mass_of(upper)) {
      const Window w = window_of(m->time, rule.reading);
      if (m->event != Event::start && w.latest_end && *w.latest_end < lower_end->end) {
        auto& d = cx.add(rule, Category::order, Severity::error, upper, m->time.span,
                         both(msg::order_before_lower, level_text(upper), date_text(*w.latest_end), level_text(lower),
                              date_text(lower_end->end), lower_end->by->time.text, line_of(*lower_end->by)));
        d.plan = view_of(m->time, rule.reading);
        d.limit = LimitView{cx.plan.number.value_or(""), cx.plan.date, view_of(lower_end->by->time, rule.reading)};
        continue;
      }
      // The plan's own congress (one unit) cannot start while its lower level runs.
      if (cx.plan.issuer_level == upper && w.earliest_start && *w.earliest_start < lower_end->end) {
        auto& d = cx.add(rule, Category::order, Severity::warning, upper, m->time.span,
                         both(msg::order_own_start, level_text(upper), date_text(*w.earliest_start), level_text(lower),
                              date_text(lower_end->end), lower_end->by->time.text));
        d.plan = view_of(m->time, rule.reading);
        d.limit = LimitView{cx.plan.number.value_or(""), cx.plan.date, view_of(lower_end->by->time, rule.reading)};
      }
    }
  }
}

}  // namespace plancheck::checks
