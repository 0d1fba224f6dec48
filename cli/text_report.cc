#include "text_report.h"

#include "plancheck/snippet.h"

#include <fmt/format.h>

#include "messages.h"
#include "plancheck/check.h"

namespace plancheck::cli {

namespace {

const MessageText& relation_text(Relation r) {
  switch (r) {
    case Relation::in: return msg::relation_in;
    case Relation::before: return msg::relation_before;
    case Relation::by: return msg::relation_by;
    case Relation::from: return msg::relation_from;
    case Relation::after: return msg::relation_after;
    case Relation::between: return msg::relation_between;
  }
  return msg::relation_in;
}

const MessageText& event_text(Event e) {
  switch (e) {
    case Event::start: return msg::event_start;
    case Event::complete: return msg::event_complete;
    case Event::hold: return msg::event_hold;
  }
  return msg::event_hold;
}

std::string describe(const TimeExpr& t, Lang lang) {
  const std::string rel(relation_text(t.relation).in(lang));
  if (t.period.start == t.period.end) return fmt::format("{} {}", rel, date_text(t.period.start).in(lang));
  return fmt::format("{} {}–{}", rel, date_text(t.period.start).in(lang), date_text(t.period.end).in(lang));
}

}  // namespace

std::string format_extraction_text(const Extraction& x, Lang lang) {
  std::string out = fmt::format("== {}\n", visible(x.file));
  const auto& d = x.document;
  const std::string unknown(msg::unknown_value.in(lang));
  out += say(msg::extract_document, lang, d.issuer.value_or(unknown),
             d.term ? fmt::format("{}–{}", d.term->from, d.term->to) : unknown, d.national_congress.value_or(unknown)) +
         "\n";
  if (const auto id = plan_identity(x))
    out += say(msg::extract_identity, lang, id->id.value_or("#" + id->number),
               id->date ? date_text(*id->date).in(lang) : unknown) +
           "\n";
  out += fmt::format("\n{}\n", msg::extract_milestones.in(lang));
  const std::string none = fmt::format("  {}\n", msg::extract_none.in(lang));
  if (x.milestones.empty()) out += none;
  for (Level l : {Level::branch, Level::grassroots, Level::district, Level::province, Level::national}) {
    for (const auto& m : x.milestones) {
      if (m.level != l) continue;
      std::string tags;
      if (m.status == Status::done) tags += say(msg::extract_done, lang);
      if (m.source) tags += say(msg::extract_restates, lang, *m.source);
      if (m.quoted_from) tags += say(msg::extract_quoted, lang, m.quoted_from->name);
      out += fmt::format("  {:<26} {:<12} {:<40} \"{}\"  {}{}\n", level_name(m.level, lang), event_text(m.event).in(lang),
                         describe(m.time, lang), m.time.text, say(msg::extract_line, lang, m.span.line), tags);
    }
  }
  out += fmt::format("\n{}\n", msg::extract_pilots.in(lang));
  if (x.pilots.empty()) out += none;
  for (const auto& p : x.pilots) {
    std::string units;
    for (const auto& u : p.units) units += (units.empty() ? "" : "; ") + u;
    out += fmt::format("  {:<22} {:<26} {}  {}  {}{}  {}\n",
                       (p.kind == PilotKind::direct_election ? msg::pilot_direct_election : msg::pilot_model_congress)
                           .in(lang),
                       p.level ? level_name(*p.level, lang) : "?", say(msg::extract_count, lang, p.count),
                       units.empty() ? std::string(msg::extract_unnamed.in(lang)) : units,
                       p.time ? describe(*p.time, lang) : std::string(msg::extract_no_time.in(lang)),
                       p.selected_by ? say(msg::extract_selected_by, lang, *p.selected_by) : "",
                       say(msg::extract_line, lang, p.span.line));
  }
  out += fmt::format("\n{}\n", msg::extract_references.in(lang));
  if (x.references.empty()) out += none;
  for (const auto& r : x.references)
    out += fmt::format("  {:<14} {:<11} {:<12} {}  {}\n", r.id.value_or("#" + r.number), r.kind,
                       r.date ? date_text(*r.date).in(lang) : "-", r.issuer.value_or(""),
                       say(msg::extract_line, lang, r.span.line));
  if (!x.notices.empty()) {
    out += fmt::format("\n{}\n", msg::extract_notices.in(lang));
    for (const auto& n : x.notices)
      out += fmt::format("  {}:{}: {}: {}\n", n.span.line, n.span.column, n.code, n.message);
  }
  out += "\n";
  return out;
}

}  // namespace plancheck::cli
