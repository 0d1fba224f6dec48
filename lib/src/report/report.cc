// What every reporter shares: the run's tally, the facts that head a plan,
// and a place said in the document's own terms.
#include "plancheck/report.h"

#include <fmt/format.h>

#include <algorithm>

#include "plancheck/snippet.h"

namespace plancheck {

void keep_for_report(Text& text, const Extraction& x) {
  // The spans a diagnostic or a drawing points at (check/*.cc, html): the
  // cited documents', the statements' and their times', the notices'; not
  // every time and unit named (a plan's body names them on most lines).
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  const auto add = [&](const Span& s) {
    if (s.known()) spans.emplace_back(s.start, s.end);
  };
  for (const auto& r : x.references) add(r.span);
  for (const auto& m : x.milestones) {
    add(m.span);
    add(m.time.span);
  }
  for (const auto& p : x.pilots) {
    add(p.span);
    if (p.time) add(p.time->span);
  }
  for (const auto& n : x.notices) add(n.span);
  text.keep_only(spans, kSnippetContextBytes);
}

void CheckSummary::Counts::add(Severity s) {
  if (s == Severity::error) ++errors;
  else if (s == Severity::warning) ++warnings;
  else ++notes;
}

void CheckSummary::add_held(const std::string& path, const std::vector<const RuleSet*>& sets) {
  for (auto& h : higher_plans)
    if (std::any_of(sets.begin(), sets.end(), [&](const RuleSet* s) { return s->id == h.ruleset; }))
      h.held.insert(std::lower_bound(h.held.begin(), h.held.end(), path), path);  // by name: not the inputs' order
}

void CheckSummary::add_file(const std::string& path, const std::vector<Diagnostic>& diags) {
  ++checked;
  FileCounts file{path, {}};
  for (const auto& d : diags) {
    counts.add(d.severity);
    file.counts.add(d.severity);
    by_category[static_cast<size_t>(d.category)].add(d.severity);
    by_level[d.level ? static_cast<size_t>(*d.level) : kLevelCount].add(d.severity);
  }
  if (file.counts.errors == 0) return;
  // Keep the top kMostErrors only: insertion after equals keeps input order.
  const auto at = std::upper_bound(most_errors.begin(), most_errors.end(), file.counts.errors,
                                   [](size_t e, const FileCounts& f) { return e > f.counts.errors; });
  if (static_cast<size_t>(at - most_errors.begin()) >= kMostErrors) return;
  most_errors.insert(at, std::move(file));
  if (most_errors.size() > kMostErrors) most_errors.pop_back();
}

PlanFacts facts_of(const Extraction& x) {
  PlanFacts f;
  f.model = &x;
  if (const auto id = plan_identity(x)) {
    f.number = id->id;
    f.date = id->date;
  }
  f.issuer = x.document.issuer;
  f.round = x.document.national_congress;
  if (x.document.term) f.term = fmt::format("{}–{}", x.document.term->from, x.document.term->to);
  // analyze() says it first among the notices (analyze.h).
  for (const Notice& n : x.notices) {
    if (n.code == "decoded_from") f.decoded_from = n.text;
    else if (n.code == "ocr")  // analyze(): the pages, "1,3"
      for (size_t at = 0; at < n.text.size();) {
        size_t end = n.text.find(',', at);
        if (end == std::string::npos) end = n.text.size();
        f.ocr_pages.push_back(static_cast<uint32_t>(std::stoul(n.text.substr(at, end - at))));
        at = end + 1;
      }
    else break;
  }
  return f;
}

std::string place_text(const Span& s, const std::vector<LineOrigin>& origins, Lang lang) {
  const auto p = place_of(origins, s.line, s.column);
  if (!p) return fmt::format("{}:{}", s.line, s.column);
  switch (p->kind) {
    case LineOrigin::Kind::paragraph:
      return fmt::format("{}:{}",
                         p->part > 1 ? say(msg::place_paragraph_line, lang, p->number, p->part)
                                     : say(msg::place_paragraph, lang, p->number),
                         p->column);
    case LineOrigin::Kind::table_row:
      return fmt::format("{}:{}", say(msg::place_table_cell, lang, p->number, p->row, p->cell), p->column);
    case LineOrigin::Kind::html_line: return fmt::format("{}:{}", p->number, p->column);
    case LineOrigin::Kind::page_line:
      return fmt::format("{}:{}", say(msg::place_page_line, lang, p->number, p->row), p->column);
  }
  return fmt::format("{}:{}", s.line, s.column);
}

}  // namespace plancheck
