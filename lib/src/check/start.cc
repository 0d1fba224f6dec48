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
                     fmt::format("Đại hội {} có thể bắt đầu trước thời điểm cho phép: kế hoạch ghi \"{}\" (từ {}), {} "
                                 "yêu cầu \"{}\"",
                                 vi_level(l), m->time.text, vi_date(*begins), vi_document(cx.set), rule.limit->text),
                     fmt::format("{} congresses can start before they may: the plan says \"{}\" (from {}), {} "
                                 "requires \"{}\"",
                                 en_level(l), m->time.text, en_date(*begins), en_document(cx.set), rule.limit->text));
    d.plan = view_of(m->time, rule.reading);
    d.limit = limit_view(cx.set, *rule.limit, rule.reading);
  }
}

}  // namespace plancheck::checks
