#include "check/context.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "extract/vocabulary.h"

namespace plancheck::checks {

Window window_of(const TimeExpr& t, Reading reading) {
  const Period& p = t.period;
  Window w;
  switch (t.relation) {
    case Relation::in:
    case Relation::between:
      w.earliest_start = p.start;
      w.latest_end = p.end;
      break;
    case Relation::before:
      // "trước ngày D": D itself only under the inclusive reading; "trước
      // tháng 3" ends with February whatever the reading.
      w.latest_end = (p.grain == Grain::day && reading == Reading::inclusive) ? p.start : p.start.prev();
      break;
    case Relation::by:
      w.latest_end = p.end;
      break;
    case Relation::from:
      w.earliest_start = p.start;
      break;
    case Relation::after:
      w.earliest_start = p.end.next();
      break;
  }
  return w;
}

std::optional<std::string> round_of(const std::optional<Term>& term, const std::optional<std::string>& congress) {
  if (congress) return congress;
  if (!term) return std::nullopt;
  // Terms run five years, each prepared by one national congress: the XIV
  // for 2025–2030, the XIII for 2020–2025.
  const int k = (term->from - 2010) / 5;
  if (term->from % 5 != 0 || k < 0 || k >= static_cast<int>(std::size(vocab::kNationalCongresses))) return std::nullopt;
  return std::string(vocab::kNationalCongresses[k]);
}

std::optional<std::string> round_of(const RuleSet& set) { return round_of(set.term, set.national_congress); }

namespace {

// Spans a model read from JSON may lack (Span::known()) say nothing of
// where two statements stand.
bool overlaps(const Span& a, const Span& b) { return a.known() && b.known() && a.start < b.end && b.start < a.end; }
bool same_place(const Span& a, const Span& b) { return a.known() && a == b; }


// Whether a time is a year written alone: "năm 2025", not "trong năm
// 2025", "đến năm 2025" nor "cuối năm 2025".
bool names_the_round(const TimeExpr& t) {
  if (t.period.grain != Grain::year || t.relation != Relation::in || t.part != Part::none) return false;
  const std::string_view w(t.text);
  return w.starts_with("năm ") || w.starts_with("Năm ") || w.starts_with("NĂM ");
}

}  // namespace

Plan Plan::of(const Extraction& x) {
  Plan p;
  p.x = &x;
  if (const auto id = identify_plan(x)) {
    p.date = id->date;
    p.number = id->reference->id;
    p.issuer_level = issuer_code_level(id->reference->issuer_code);
  }
  if (!p.issuer_level && x.document.issuer) {
    for (const auto& u : x.units)
      if (u.name == *x.document.issuer && u.level) p.issuer_level = u.level;
  }
  p.round = round_of(x.document.term, x.document.national_congress);
  p.mass.reserve(x.milestones.size());
  for (const auto& m : x.milestones) {
    if (m.status != Status::planned || m.source) continue;
    // A year written alone, with no relation word, names the round or an
    // aim ("Thời gian hoàn thành tổ chức đại hội đảng bộ cấp cơ sở năm
    // 2025", a title; NOTES 020: an optional milestone), not a schedule.
    if (names_the_round(m.time)) continue;
    // A lower unit's own schedule quoted in the article (DOMAIN.md §5).
    if (m.quoted_from && m.quoted_from->level && p.issuer_level && *m.quoted_from->level < *p.issuer_level) continue;
    bool pilot_own = false;
    for (const auto& pilot : x.pilots)
      if (overlaps(m.span, pilot.span) || (pilot.time && same_place(pilot.time->span, m.time.span))) pilot_own = true;
    if (!pilot_own) p.mass.push_back(&m);
  }
  for (const Milestone* hold : p.mass) {
    if (hold->event != Event::hold) continue;
    const auto hold_end = window_of(hold->time, Reading::inclusive).latest_end;
    for (const Milestone* done : p.mass)
      if (done->event == Event::complete && done->level == hold->level && hold->span.known() &&
          done->span.start == hold->span.start && done->time.span.start > hold->time.span.start) {
        const auto done_end = window_of(done->time, Reading::inclusive).latest_end;
        if (done_end && hold_end && *done_end <= *hold_end) {
          p.ended_by_completion.push_back(hold);
          break;
        }
      }
  }
  const auto same_statement = [](const Pilot& a, const Pilot& b) {
    if (a.kind != b.kind || a.level != b.level || a.time.has_value() != b.time.has_value()) return false;
    if (!a.time) return a.units == b.units;  // nothing else tells them apart
    return a.time->relation == b.time->relation && a.time->period.start == b.time->period.start &&
           a.time->period.end == b.time->period.end;
  };
  for (const auto& pilot : x.pilots)
    if (std::none_of(p.pilots.begin(), p.pilots.end(), [&](const Pilot* q) { return same_statement(*q, pilot); }))
      p.pilots.push_back(&pilot);
  return p;
}

Diagnostic& Context::add(const Rule& rule, Category category, Severity fallback, std::optional<Level> level,
                         std::optional<Span> span, LocalText message) {
  Diagnostic d;
  d.rule = rule.id;
  d.category = category;
  d.severity = rule.severity.empty() ? fallback : *parse_severity(rule.severity);
  // Advice is not law: a limit from a guidance or a press report warns.
  if (rule.severity.empty() && rule.source && !rule.source->binding() && d.severity == Severity::error)
    d.severity = Severity::warning;
  d.level = level;
  if (rule.source && rule.source->at) d.limit_source = rule.source->at;
  if (span && span->known()) d.span = span;  // else null: a model read from JSON without it
  d.message_vi = std::move(message.vi);
  d.message_en = std::move(message.en);
  out.push_back(std::move(d));
  return out.back();
}

TimeView view_of(const TimeExpr& t, Reading reading) {
  const Window w = window_of(t, reading);
  return {t.text, t.relation, w.earliest_start, w.latest_end};
}

LimitView limit_view(const RuleSet& set, const LimitTime& lt, Reading reading) {
  LimitView v;
  v.directive = set.number;
  v.date = set.date;
  v.time = view_of(lt.time, reading);
  v.time.text = lt.text;
  return v;
}

LocalText document_text(const RuleSet& s) {
  LocalText name{s.title, s.title};
  if (!s.number.empty()) name = both(s.kind == "plan" ? msg::document_plan : msg::document_directive, s.number);
  return s.date.year > 0 ? both(msg::document_dated, name, date_text(s.date)) : name;
}

}  // namespace plancheck::checks

namespace plancheck {

const char* level_name(Level l, Lang lang) { return lang == Lang::vi ? level_text(l).vi : level_text(l).en; }

const MessageText& level_text(Level l) {
  switch (l) {
    case Level::branch: return msg::level_branch;
    case Level::grassroots: return msg::level_grassroots;
    case Level::district: return msg::level_district;
    case Level::province: return msg::level_province;
    case Level::national: return msg::level_national;
  }
  return msg::level_national;
}

const MessageText& severity_text(Severity s) {
  switch (s) {
    case Severity::error: return msg::severity_error;
    case Severity::warning: return msg::severity_warning;
    case Severity::note: return msg::severity_note;
  }
  return msg::severity_note;
}

const MessageText& category_text(Category c) {
  static constexpr const MessageText* kByCategory[kCategoryCount] = {
      &msg::category_deadline, &msg::category_tight,   &msg::category_start,    &msg::category_order,
      &msg::category_pilot,    &msg::category_missing, &msg::category_citation, &msg::category_text};
  return *kByCategory[static_cast<size_t>(c)];
}

LocalText date_text(const CivilDate& d) {
  static constexpr const MessageText* kMonths[] = {&msg::month_1, &msg::month_2,  &msg::month_3,  &msg::month_4,
                                                   &msg::month_5, &msg::month_6,  &msg::month_7,  &msg::month_8,
                                                   &msg::month_9, &msg::month_10, &msg::month_11, &msg::month_12};
  const MessageText& month = *kMonths[(d.month >= 1 && d.month <= 12 ? d.month : 1) - 1];
  return both(msg::date_day, d.day, d.month, d.year, month);
}

}  // namespace plancheck
