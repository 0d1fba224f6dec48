#include "report/html_timeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "report/plan_row.h"

namespace plancheck::report {

std::string milestone_anchor(std::string_view ids, size_t i) { return fmt::format("{}-m{}", ids, i); }

bool drawn_as_limit(const Milestone& m) { return m.source.has_value(); }

long milestone_of(const Extraction& x, const Diagnostic& d) {
  if (!d.span || !d.span->known()) return -1;
  for (size_t i = 0; i < x.milestones.size(); ++i) {
    const Milestone& m = x.milestones[i];
    if (drawn_as_limit(m)) continue;  // no bar to point to
    if (d.level && *d.level != m.level) continue;
    if (!m.span.known()) continue;
    if (d.span->start >= m.span.start && d.span->start < std::max(m.span.end, m.span.start + 1)) return static_cast<long>(i);
  }
  return -1;
}

namespace {

// Days since 1970-01-01 (H. Hinnant's days_from_civil): the x axis.
long day_number(const CivilDate& d) {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::optional<size_t> row_of(Level l) {
  for (size_t i = 0; i < kPlanLevels.size(); ++i)
    if (kPlanLevels[i] == l) return i;
  return std::nullopt;
}

struct Limit {
  size_t row;
  CivilDate date;
  bool start;            // a start limit (from …) rather than a deadline
  std::string document;  // "35-CT/TW"
  std::string words;     // "hoàn thành trước ngày 30/6/2025"
};

std::vector<Limit> limits_of(const Extraction& x, const std::vector<const RuleSet*>& sets,
                             const std::vector<Diagnostic>& diags, Lang lang) {
  std::vector<Limit> out;
  auto add = [&](Limit l) {
    for (const auto& o : out)
      if (o.row == l.row && o.date == l.date && o.start == l.start) return;
    out.push_back(std::move(l));
  };
  for (const auto* s : sets)
    for (const auto& r : s->rules) {
      if ((r.kind != RuleKind::deadline && r.kind != RuleKind::start) || !r.level || !r.limit) continue;
      const auto row = row_of(*r.level);
      const bool start = r.kind == RuleKind::start;
      const CivilDate date = start ? r.limit->time.period.start : r.limit->time.period.end;
      if (!row || !date.valid()) continue;
      std::string doc = !s->number.empty() ? s->number : r.source ? r.source->document : s->id;
      add({*row, date, start, std::move(doc), r.limit->text});
    }
  // A higher document's schedule the plan restates ("theo Kế hoạch 96-KH/TU,
  // hoàn thành trước 30/6/2025") is a limit the plan is under, not a window
  // of its own: a line labelled with that document, like a directive's.
  // Where a directive above already draws the same limit, its line names
  // both documents.
  for (const Milestone& m : x.milestones) {
    if (!drawn_as_limit(m)) continue;
    const auto row = row_of(m.level);
    const bool start = m.event == Event::start;
    const CivilDate date = start ? m.time.period.start : m.time.period.end;
    if (!row || !date.valid()) continue;
    bool drawn = false;
    for (auto& o : out)
      if (o.row == *row && o.date == date && o.start == start) {
        if (o.document.find(*m.source) == std::string::npos) o.document += ", " + *m.source;
        drawn = true;
      }
    if (!drawn) add({*row, date, start, *m.source, m.time.text + say(msg::html_restated, lang, *m.source)});
  }
  // A finding's limit the sets do not show (a higher plan the plan cites).
  for (const auto& d : diags) {
    if (!d.level || !d.limit) continue;
    const auto row = row_of(*d.level);
    const bool start = d.category == Category::start;
    const auto date = start ? d.limit->time.start : d.limit->time.end;
    if (!row || !date || !date->valid()) continue;
    add({*row, *date, start,
         d.limit->directive.empty() ? std::string(msg::limit_of_plan.in(lang)) : d.limit->directive,
         d.limit->time.text});
  }
  return out;
}

const MessageText& event_text(Event e) {
  switch (e) {
    case Event::start: return msg::html_event_start;
    case Event::complete: return msg::html_event_complete;
    case Event::hold: return msg::html_event_hold;
  }
  return msg::html_event_hold;
}

// The statement as the plan words it, cut at a character's start after
// 400 bytes (a statement can run on for a paragraph).
std::string statement_words(const Text& text, const Span& span) {
  constexpr size_t kMost = 400;
  const size_t end = std::min<size_t>(span.end, static_cast<size_t>(span.start) + kMost * 2);
  std::string w = text.original_text(span.start, end);
  if (w.empty() || (w.size() <= kMost && end == span.end)) return w;
  // At a character's start, dropping one the window may have cut.
  size_t cut = std::min(w.size() - 1, kMost);
  while (cut > 0 && (static_cast<unsigned char>(w[cut]) & 0xC0) == 0x80) --cut;
  return w.substr(0, cut) + "…";
}

// Geometry of the chart, in SVG user units.
constexpr int kWidth = 960, kLeft = 170, kRight = 16, kTop = 30, kLane = 18, kRowPad = 10;

}  // namespace

std::string render_timeline(const Extraction& x, const Text* text, const std::vector<const RuleSet*>& sets,
                            const std::vector<Diagnostic>& diags, Lang lang, std::string_view ids) {
  const std::vector<Limit> limits = limits_of(x, sets, diags, lang);
  // The span of days shown: every dated milestone, pilot and limit, whole months.
  std::optional<CivilDate> lo, hi;
  auto widen = [&](const CivilDate& d) {
    if (!d.valid()) return;
    if (!lo || d < *lo) lo = d;
    if (!hi || *hi < d) hi = d;
  };
  std::array<std::vector<size_t>, kPlanLevels.size()> lanes;  // milestone indexes per row
  for (size_t i = 0; i < x.milestones.size(); ++i) {
    const Milestone& m = x.milestones[i];
    const auto row = row_of(m.level);
    if (!row || drawn_as_limit(m)) continue;
    lanes[*row].push_back(i);
    widen(m.time.period.start);
    widen(m.time.period.end);
  }
  for (const auto& p : x.pilots)
    if (p.time && p.level && row_of(*p.level)) widen(p.time->period.start);
  for (const auto& l : limits) widen(l.date);

  std::array<int, kPlanLevels.size()> row_top{}, row_height{};
  int y = kTop;
  for (size_t r = 0; r < kPlanLevels.size(); ++r) {
    row_top[r] = y;
    row_height[r] = static_cast<int>(std::max<size_t>(1, lanes[r].size())) * kLane + 2 * kRowPad;
    y += row_height[r];
  }
  const int height = y + 8;

  std::string o;
  o += fmt::format(
      "<figure class=\"timeline\"><figcaption>{}</figcaption>\n<svg class=\"timeline-chart\" role=\"group\" "
      "viewBox=\"0 0 {} {}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"{}-tt\">"
      "<title id=\"{}-tt\">{}</title>\n",
      msg::html_timeline.in(lang), kWidth, height, ids, ids, msg::html_timeline.in(lang));
  o += fmt::format("<defs><pattern id=\"{}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                   "patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"6\" class=\"hatch\"/></pattern></defs>\n",
                   ids);
  // Rows and their names.
  for (size_t r = 0; r < kPlanLevels.size(); ++r)
    o += fmt::format("<rect class=\"row{}\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/><text class=\"level\" x=\"6\" "
                     "y=\"{}\">{}</text>\n",
                     r % 2 ? " odd" : "", row_top[r], kWidth, row_height[r], row_top[r] + row_height[r] / 2 + 4,
                     markup_escape(level_name(kPlanLevels[r], lang)));
  if (!lo) {
    o += fmt::format("<text class=\"empty\" x=\"{}\" y=\"{}\">{}</text>\n", kLeft, kTop - 10,
                     msg::html_no_dates.in(lang));
  }
  const CivilDate first = lo ? CivilDate{lo->year, lo->month, 1} : CivilDate{2000, 1, 1};
  const CivilDate last = hi ? CivilDate::last_of_month(hi->year, hi->month) : CivilDate{2000, 1, 31};
  const long d0 = day_number(first), days = day_number(last) - d0 + 1;
  const double scale = static_cast<double>(kWidth - kLeft - kRight) / static_cast<double>(days);
  auto x_of = [&](const CivilDate& d) { return kLeft + static_cast<double>(day_number(d) - d0) * scale; };
  auto x_after = [&](const CivilDate& d) { return kLeft + static_cast<double>(day_number(d) - d0 + 1) * scale; };

  if (lo) {
    // Month ticks, fewer labels on a long span.
    const int months = (last.year - first.year) * 12 + last.month - first.month + 1;
    const int every = months <= 18 ? 1 : months <= 48 ? 3 : 12;
    for (int k = 0; k < months; ++k) {
      const int yy = first.year + (first.month - 1 + k) / 12, mm = (first.month - 1 + k) % 12 + 1;
      const double tx = x_of({yy, mm, 1});
      o += fmt::format("<line class=\"tick\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\"/>", tx, kTop - 4,
                       height - 8);
      if (k % every == 0) o += fmt::format("<text class=\"month\" x=\"{:.1f}\" y=\"{}\">{}/{}</text>", tx + 2, kTop - 8, mm, yy);
    }
    o += '\n';
  }

  // Each level's window, behind its bars: from the first start the plan
  // states to the last completion (its own milestones, not restated ones).
  for (size_t r = 0; r < kPlanLevels.size() && lo; ++r) {
    std::optional<CivilDate> from, to;
    for (const size_t i : lanes[r]) {
      const Milestone& m = x.milestones[i];
      if (m.quoted_from || !m.time.period.start.valid() || !m.time.period.end.valid()) continue;
      if (m.event == Event::start && (!from || m.time.period.start < *from)) from = m.time.period.start;
      if (m.event == Event::complete && (!to || *to < m.time.period.end)) to = m.time.period.end;
    }
    if (!from || !to || *to < *from) continue;
    o += fmt::format("<rect class=\"window\" x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\"/>\n", x_of(*from),
                     row_top[r] + 3, x_after(*to) - x_of(*from), row_height[r] - 6);
  }
  // Bars: one per milestone, coloured by the worst finding about it.
  for (size_t r = 0; r < kPlanLevels.size() && lo; ++r) {
    for (size_t lane = 0; lane < lanes[r].size(); ++lane) {
      const size_t i = lanes[r][lane];
      const Milestone& m = x.milestones[i];
      const int by = row_top[r] + kRowPad + static_cast<int>(lane) * kLane + 2;
      const CivilDate s = m.time.period.start.valid() ? m.time.period.start : first;
      const CivilDate e = m.time.period.end.valid() ? m.time.period.end : s;
      const double bx = x_of(s), bw = std::max(4.0, x_after(e) - bx);
      std::string cls = fmt::format("bar ev-{}", to_string(m.event));
      std::optional<Severity> worst;
      bool tight = false;
      std::string over;
      for (const auto& d : diags) {
        if (milestone_of(x, d) != static_cast<long>(i)) continue;
        if (!worst || *worst < d.severity) worst = d.severity;
        tight = tight || d.category == Category::tight;
        // The part of the bar beyond the limit.
        if (!d.plan || !d.limit) continue;
        const TimeView& p = *d.plan;
        const TimeView& l = d.limit->time;
        if (d.category == Category::start && p.start && l.start && *p.start < *l.start) {
          const double ox = std::max(bx, x_of(*p.start)), ow = x_of(*l.start) - ox;
          if (ow > 0) over += fmt::format("<rect class=\"over\" x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"url(#{}-hatch)\"/>", ox, by, ow, kLane - 4, ids);
        } else if (p.end && l.end && *l.end < *p.end) {
          const double ox = std::max(bx, x_after(*l.end)), ow = x_after(*p.end) - ox;
          if (ow > 0) over += fmt::format("<rect class=\"over\" x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"url(#{}-hatch)\"/>", ox, by, ow, kLane - 4, ids);
        }
      }
      if (worst) cls += fmt::format(" sev-{}", to_string(*worst));
      if (tight) cls += " tight";
      if (m.quoted_from) cls += " quoted";
      std::string words = fmt::format("{}: {} «{}»", level_name(m.level, lang), event_text(m.event).in(lang), m.time.text);
      if (text && m.span.known() && m.span.end > m.span.start) {
        words += " — \"" + statement_words(*text, m.span) + '"';
      } else if (!m.subject.empty()) {
        words = fmt::format("{} — {}", words, m.subject);
      }
      if (m.quoted_from) words += say(msg::html_quoted, lang, m.quoted_from->name);
      if (m.span.known()) words += " — " + say(msg::html_line, lang, m.span.line);
      o += fmt::format(
          "<rect id=\"{}\" class=\"{}\" x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" rx=\"3\" tabindex=\"0\" "
          "role=\"img\" data-line=\"{}\" aria-label=\"{}\"><title>{}</title></rect>{}\n",
          milestone_anchor(ids, i), cls, bx, by, bw, kLane - 4, m.span.line, markup_escape(words), markup_escape(words),
          over);
    }
  }
  // Pilots: a diamond at the start of their time, on their level's row.
  for (const auto& p : x.pilots) {
    if (!p.time || !p.level || !lo) continue;
    const auto row = row_of(*p.level);
    if (!row || !p.time->period.start.valid()) continue;
    const double px = x_of(p.time->period.start);
    const int py = row_top[*row] + kRowPad / 2 + 1;
    std::string words = fmt::format("{} «{}»", (p.kind == PilotKind::model_congress ? msg::html_pilot : msg::html_direct_election).in(lang), p.time->text);
    for (const auto& u : p.units) words += "; " + u;
    if (p.span.known()) words += " — " + say(msg::html_line, lang, p.span.line);
    o += fmt::format("<path class=\"pilot\" d=\"M{0:.1f},{1} l5,5 l-5,5 l-5,-5 z\" tabindex=\"0\" role=\"img\" data-line=\"{2}\" "
                     "aria-label=\"{3}\"><title>{3}</title></path>\n",
                     px, py - 5, p.span.line, markup_escape(words));
  }
  // Limits: a labelled vertical line across their level's row; a start's
  // label at the row's foot, a deadline's at its head, so that a window
  // between the two (a higher plan restated: "từ tháng 4/2025 … trước
  // ngày 30/6/2025") does not write one label over the other.
  for (const auto& l : limits) {
    if (!lo) break;
    const double lx = l.start ? x_of(l.date) : x_after(l.date);
    const std::string label = fmt::format("{}: {}", l.document, date_text(l.date).in(lang));
    const std::string shown = label.size() > 40 ? label.substr(0, label.rfind(':')).substr(0, 24) + "…: " + date_text(l.date).in(lang) : label;
    o += fmt::format("<g class=\"limit-mark{}\"><line class=\"limit\" x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{}\" y2=\"{}\"><title>{} — «{}»</title></line>"
                     "<text class=\"limit-label\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"{}\">{}</text></g>\n",
                     l.start ? " start" : "", lx, lx, row_top[l.row] + 2, row_top[l.row] + row_height[l.row] - 2,
                     markup_escape(label), markup_escape(l.words), l.start ? lx + 3 : lx - 3, l.start ? row_top[l.row] + row_height[l.row] - 4 : row_top[l.row] + 9,
                     l.start ? "start" : "end", markup_escape(shown));
  }
  o += "</svg></figure>\n";

  // The same limits as a table: real text for a screen reader and for print.
  o += fmt::format("<h4>{}</h4>\n", msg::html_limits.in(lang));
  if (limits.empty()) {
    o += fmt::format("<p class=\"limits-none\">{}</p>\n", msg::html_no_limits.in(lang));
    return o;
  }
  o += fmt::format("<table class=\"limits\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
                   msg::html_col_level.in(lang), msg::html_col_document.in(lang), msg::html_col_date.in(lang),
                   msg::html_col_words.in(lang));
  for (const auto& l : limits)
    o += fmt::format("<tr class=\"limit-row\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                     markup_escape(level_name(kPlanLevels[l.row], lang)), markup_escape(l.document),
                     date_text(l.date).in(lang), markup_escape(l.words));
  o += "</tbody></table>\n";
  return o;
}

}  // namespace plancheck::report
