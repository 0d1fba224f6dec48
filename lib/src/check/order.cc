// order: congresses go bottom-up (docs/rules/order.md). An error when a level
// is due to finish before the level below it finishes, or the plan's own
// single congress, held in a closed window, can be held before it finishes;
// a warning when that congress can only start before (an open start). The
// overlap of whole levels scheduled across many units is normal and silent.
#include <fmt/format.h>

#include "check/context.h"
#include "extract/scan.h"
#include "plancheck/text.h"
#include "vi.h"

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
    if (!plan.says_end(m)) continue;
    const auto e = window_of(m->time, reading).latest_end;
    if (e && (!out || *e > out->end)) out = LevelEnd{*e, m};
  }
  return out;
}

// Whether a statement schedules one unit's congress, not a whole level's:
// its own words first — an ordinal ("lần thứ XXVI") or a named unit
// ("Đại hội Đảng bộ huyện Di Linh") is one congress; a plural or a level
// ("các đảng bộ", "cấp huyện", "đảng bộ trực thuộc") is many — and when they
// say neither ("Đại hội Đảng bộ huyện tổ chức trong tháng 8"), the
// issuer's own level: a Huyện ủy's district congress is its own.
bool one_congress(const Plan& plan, const Milestone& m) {
  const std::string subject = fold(m.subject);
  auto has = [&](std::string_view w) { return scan::find_word(subject, 0, subject.size(), w).has_value(); };
  for (std::string_view many : {"các", "những", "cấp", "trực thuộc", "chi, đảng bộ", "đảng bộ, chi bộ"})
    if (has(many)) return false;
  if (has("lần thứ")) return true;
  // A capitalised word beside the congress's own words names the unit
  // ("Đảng bộ huyện Di Linh"; "Đại hội Đảng bộ huyện" names none).
  size_t i = 0;
  while (i < m.subject.size()) {
    while (i < m.subject.size() && m.subject[i] == ' ') ++i;
    const size_t b = i;
    while (i < m.subject.size() && m.subject[i] != ' ') ++i;
    if (b == i) break;
    size_t len;
    if (!vi::is_upper(vi::decode(m.subject, b, &len))) continue;
    const std::string word = fold(std::string_view(m.subject).substr(b, i - b));
    if (word != "đại" && word != "hội" && word != "biểu" && word != "đảng" && word != "bộ" && word != "chi")
      return true;
  }
  return plan.issuer_level == m.level;
}

}  // namespace

void check_order(const Rule& rule, Context& cx) {
  for (Level upper : {Level::grassroots, Level::district, Level::province, Level::national}) {
    const Level lower = *level_below(upper);
    const auto lower_end = latest_end(cx.plan, lower, rule.reading);
    if (!lower_end) continue;
    for (const Milestone* m : cx.plan.mass_of(upper)) {
      const Window w = window_of(m->time, rule.reading);
      if (cx.plan.says_end(m) && w.latest_end && *w.latest_end < lower_end->end) {
        auto& d = cx.add(rule, Category::order, Severity::error, upper, m->time.span,
                         both(msg::order_before_lower, level_text(upper), date_text(*w.latest_end), level_text(lower),
                              date_text(lower_end->end), lower_end->by->time.text, line_of(*lower_end->by)));
        d.plan = view_of(m->time, rule.reading);
        d.limit = LimitView{cx.plan.number.value_or(""), cx.plan.date, view_of(lower_end->by->time, rule.reading)};
        continue;
      }
      // One unit's congress cannot start while its lower level runs; a whole
      // level's congresses across many units overlap it as a matter of course.
      const bool own = one_congress(cx.plan, *m);
      // Held on a day of the period it is held in ("trong tháng 3/2025"),
      // one congress can be over on its first day, before its lower level
      // is: an error, as when the whole window ends too early. A start
      // ("bắt đầu từ tháng 6/2025") or a span of months the work runs
      // through ("từ tháng 6 đến tháng 8-2020", NOTES 008) says only when it
      // may begin: a warning below.
      if (own && m->event != Event::start && m->time.relation == Relation::in && w.earliest_start && w.latest_end &&
          *w.earliest_start < lower_end->end) {
        auto& d = cx.add(rule, Category::order, Severity::error, upper, m->time.span,
                         both(msg::order_own_before_lower, level_text(upper), date_text(*w.earliest_start),
                              level_text(lower), date_text(lower_end->end), lower_end->by->time.text,
                              line_of(*lower_end->by)));
        d.plan = view_of(m->time, rule.reading);
        d.limit = LimitView{cx.plan.number.value_or(""), cx.plan.date, view_of(lower_end->by->time, rule.reading)};
        continue;
      }
      if (own && w.earliest_start && *w.earliest_start < lower_end->end) {
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
