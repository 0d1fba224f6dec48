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
  for (const auto& p : cx.plan.x->pilots) {
    if (p.level != l || !p.time) continue;
    const auto end = window_of(*p.time, rule.reading).latest_end;
    if (!end) continue;
    auto report = [&](std::string vi, std::string en, std::optional<LimitView> limit) {
      auto& d = cx.add(rule, Category::pilot, Severity::error, l, p.time->span, std::move(vi), std::move(en));
      d.plan = view_of(*p.time, rule.reading);
      d.limit = std::move(limit);
    };
    if (rule.limit) {
      const auto limit_end = window_of(rule.limit->time, Reading::inclusive).latest_end;
      if (limit_end && *end > *limit_end) {
        report(fmt::format("Đại hội điểm {} có thể diễn ra sau thời hạn đại hội điểm: kế hoạch ghi \"{}\", {} yêu "
                           "cầu \"{}\"",
                           vi_level(l), p.time->text, vi_document(cx.set), rule.limit->text),
               fmt::format("the {} pilot congress can take place after the pilot limit: the plan says \"{}\", {} "
                           "requires \"{}\"",
                           en_level(l), p.time->text, en_document(cx.set), rule.limit->text),
               limit_view(cx.set, *rule.limit, rule.reading));
        continue;
      }
    }
    if (mass && *end >= mass->first) {
      report(fmt::format("Đại hội điểm {} (\"{}\") không diễn ra trước các đại hội khác cùng cấp, bắt đầu từ {} "
                         "(\"{}\", dòng {})",
                         vi_level(l), p.time->text, vi_date(mass->first), mass->second->time.text,
                         mass->second->span.line),
             fmt::format("the {} pilot congress (\"{}\") does not come before the other congresses of its level, "
                         "which start {} (\"{}\", line {})",
                         en_level(l), p.time->text, en_date(mass->first), mass->second->time.text,
                         mass->second->span.line),
             LimitView{cx.plan.number.value_or(""), cx.plan.date, view_of(mass->second->time, rule.reading)});
      continue;
    }
    if (!mass && mass_done && *end > mass_done->first) {
      report(fmt::format("Đại hội điểm {} (\"{}\") có thể diễn ra sau khi các đại hội khác cùng cấp đã hoàn thành "
                         "(\"{}\", dòng {})",
                         vi_level(l), p.time->text, mass_done->second->time.text, mass_done->second->span.line),
             fmt::format("the {} pilot congress (\"{}\") can take place after the other congresses of its level are "
                         "done (\"{}\", line {})",
                         en_level(l), p.time->text, mass_done->second->time.text, mass_done->second->span.line),
             LimitView{cx.plan.number.value_or(""), cx.plan.date, view_of(mass_done->second->time, rule.reading)});
      continue;
    }
    if (deadline) {
      const auto limit_end = window_of(deadline->limit->time, Reading::inclusive).latest_end;
      if (limit_end && *end > *limit_end)
        report(fmt::format("Đại hội điểm {} (\"{}\") có thể diễn ra sau thời hạn của cấp này (\"{}\", {})",
                           vi_level(l), p.time->text, deadline->limit->text, vi_document(cx.set)),
               fmt::format("the {} pilot congress (\"{}\") can take place after its level's deadline (\"{}\", {})",
                           en_level(l), p.time->text, deadline->limit->text, en_document(cx.set)),
               limit_view(cx.set, *deadline->limit, rule.reading));
    }
  }
}

}  // namespace plancheck::checks
