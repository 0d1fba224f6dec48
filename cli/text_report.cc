#include "text_report.h"

#include <fmt/format.h>

namespace plancheck::cli {

namespace {

std::string describe(const TimeExpr& t) {
  if (t.period.start == t.period.end) return fmt::format("{} {}", to_string(t.relation), t.period.start.iso());
  return fmt::format("{} {}..{}", to_string(t.relation), t.period.start.iso(), t.period.end.iso());
}

}  // namespace

std::string format_extraction_text(const Extraction& x) {
  std::string out = fmt::format("== {}\n", x.file);
  const auto& d = x.document;
  out += fmt::format("issuer: {}   term: {}   national congress: {}\n", d.issuer.value_or("?"),
                     d.term ? fmt::format("{}-{}", d.term->from, d.term->to) : "?", d.national_congress.value_or("?"));
  out += "\nmilestones:\n";
  if (x.milestones.empty()) out += "  (none)\n";
  for (Level l : {Level::branch, Level::grassroots, Level::district, Level::province, Level::national}) {
    for (const auto& m : x.milestones) {
      if (m.level != l) continue;
      out += fmt::format("  {:<11} {:<9} {:<32} {:<26} line {}{}{}{}\n", to_string(m.level), to_string(m.event),
                         describe(m.time), m.time.text, m.span.line, m.status == Status::done ? "  (done)" : "",
                         m.source ? "  (restates " + *m.source + ")" : "",
                         m.quoted_from ? "  (quoted from " + m.quoted_from->name + ")" : "");
    }
  }
  out += "\npilots:\n";
  if (x.pilots.empty()) out += "  (none)\n";
  for (const auto& p : x.pilots) {
    std::string units;
    for (const auto& u : p.units) units += (units.empty() ? "" : "; ") + u;
    out += fmt::format("  {:<15} {:<11} count {}  {}  {}{}  line {}\n", to_string(p.kind),
                       p.level ? to_string(*p.level) : "?", p.count, units.empty() ? "(unnamed)" : units,
                       p.time ? describe(*p.time) : "no time",
                       p.selected_by ? "  selected by " + *p.selected_by : "", p.span.line);
  }
  out += "\nreferences:\n";
  if (x.references.empty()) out += "  (none)\n";
  for (const auto& r : x.references)
    out += fmt::format("  {:<14} {:<11} {:<10} {}  line {}\n", r.id.value_or("#" + r.number), r.kind,
                       r.date ? r.date->iso() : "-", r.issuer.value_or(""), r.span.line);
  if (!x.notices.empty()) {
    out += "\nnotices:\n";
    for (const auto& n : x.notices)
      out += fmt::format("  {}:{}: {}: {}\n", n.span.line, n.span.column, n.code, n.message);
  }
  out += "\n";
  return out;
}

}  // namespace plancheck::cli
