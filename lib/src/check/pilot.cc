// pilot: a pilot congress comes before the other congresses of its level
// start, before its level's deadline, and within the pilot limit the rule
// file may set (docs/rules/pilot.md). A pilot without a time is not judged.
#include <fmt/format.h>

#include "check/context.h"

namespace plancheck::checks {

namespace {

// When the mass of the level may start at the earliest (`start`) or end at
// the latest, by the plan's own schedule, and the milestone that says so.
std::optional<std::pair<CivilDate, const Milestone*>> mass_bound(const Plan& plan, Level l, Reading reading,
                                                                 bool start) {
  std::optional<std::pair<CivilDate, const Milestone*>> out;
  for (const Milestone* m : plan.mass_of(l)) {
    const Window w = window_of(m->time, reading);
    const auto d = start ? w.earliest_start : w.latest_end;
    if (d && (!out || (start ? *d < out->first : *d > out->first))) out = std::make_pair(*d, m);
  }
  return out;
}

}  // namespace

void check_pilot(const Rule& rule, Context& cx) {
  const Level l = *rule.level;
  const auto mass = mass_bound(cx.plan, l, rule.reading, true);
  // A plan that states only when the level completes still orders its pilot:
  // a pilot that can end after every other congress of the level is done
  // shows nothing to the others.
  const auto mass_done = mass_bound(cx.plan, l, rule.reading, false);
  // The level's deadline in this rule set, if it has one.
  const Rule* deadline = nullptr;
  for (const auto& r : cx.set.rules)
    if (r.kind == RuleKind::deadline && r.level == l) deadline = &r;
  for (const Pilot* pilot : cx.plan.pilots) {  // each statement once
    const Pilot& p = *pilot;
    if (p.level != l || !p.time) continue;
    const auto end = window_of(*p.time, rule.reading).latest_end;
    if (!end) continue;
    auto report = [&](LocalText message, std::optional<LimitView> limit, LocalText fix) {
      auto& d = cx.add(rule, Category::pilot, Severity::error, l, p.time->span, std::move(message));
      d.plan = view_of(*p.time, rule.reading);
      d.limit = std::move(limit);
      set_fix(d, std::move(fix));
    };
    if (rule.limit) {
      const auto limit_end = window_of(rule.limit->time, Reading::inclusive).latest_end;
      if (limit_end && *end > *limit_end) {
        report(both(msg::pilot_after_limit, level_text(l), p.time->text, document_text(cx.set), rule.limit->text),
               limit_view(cx.set, *rule.limit, rule.reading),
               both(msg::fix_pilot_within, rule.limit->time.text, date_text(*limit_end)));
        continue;
      }
    }
    if (mass && *end >= mass->first) {
      report(both(msg::pilot_not_first, level_text(l), p.time->text, date_text(mass->first), mass->second->time.text,
                  line_of(*mass->second)),
             LimitView{cx.plan.number.value_or(""), cx.plan.date, view_of(mass->second->time, rule.reading)},
             // Done the day before the others start: "trước ngày D" would
             // be read as D itself under the inclusive reading.
             both(msg::fix_pilot_by, plan_date(mass->first.prev()), date_text(mass->first.prev())));
      continue;
    }
    if (!mass && mass_done && *end > mass_done->first) {
      report(both(msg::pilot_after_done, level_text(l), p.time->text, mass_done->second->time.text,
                  line_of(*mass_done->second)),
             LimitView{cx.plan.number.value_or(""), cx.plan.date, view_of(mass_done->second->time, rule.reading)},
             both(msg::fix_pilot_by, plan_date(mass_done->first), date_text(mass_done->first)));
      continue;
    }
    if (deadline) {
      const auto limit_end = window_of(deadline->limit->time, Reading::inclusive).latest_end;
      if (limit_end && *end > *limit_end)
        report(both(msg::pilot_after_deadline, level_text(l), p.time->text, deadline->limit->text,
                    document_text(cx.set)),
               limit_view(cx.set, *deadline->limit, rule.reading),
               both(msg::fix_pilot_within, deadline->limit->time.text, date_text(*limit_end)));
    }
  }
}

}  // namespace plancheck::checks
