#include "report/plan_row.h"

namespace plancheck::report {

namespace {

bool counts_as_end(const Milestone& m) { return !m.source && !m.quoted_from; }

}  // namespace

PlanRow plan_row(const std::string& path, const std::vector<const RuleSet*>& sets,
                 const std::vector<Diagnostic>& diags, const PlanFacts& facts) {
  PlanRow r;
  r.file = path;
  if (facts.issuer) r.issuer = *facts.issuer;
  if (facts.number) r.number = *facts.number;
  if (facts.date) r.date = facts.date->iso();
  if (facts.round) r.round = *facts.round;
  if (facts.term) r.term = *facts.term;
  for (const auto* s : sets) r.rulesets.push_back(s->id);
  for (const auto& d : diags) {
    r.counts.add(d.severity);
    r.by_category[static_cast<size_t>(d.category)].add(d.severity);
  }
  if (!facts.model) return r;
  for (size_t i = 0; i < kPlanLevels.size(); ++i) {
    // Completion milestones when the plan has any for the level, else the
    // times it holds them: "Đại hội chi bộ tổ chức trong tháng 3/2025".
    for (const Event want : {Event::complete, Event::hold}) {
      LevelEnd& e = r.ends[i];
      for (const auto& m : facts.model->milestones) {
        if (m.level != kPlanLevels[i] || m.event != want || !counts_as_end(m)) continue;
        const CivilDate end = m.time.period.end;
        if (!end.valid()) continue;
        if (!e.date || *e.date < end) e = {end, m.time.text, m.span.line};
      }
      if (e.date) break;
    }
  }
  return r;
}

PlanRow failed_row(const std::string& path, const std::string& reason) {
  PlanRow r;
  r.file = path;
  r.failed = true;
  r.reason = reason;
  return r;
}

}  // namespace plancheck::report
