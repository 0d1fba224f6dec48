// The one place rule kinds are registered, rule sets chosen for a plan, and
// a plan checked against them.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "check/context.h"
#include "plancheck/analyze.h"
#include "plancheck/extract.h"
#include "plancheck/text.h"

namespace plancheck {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "?";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "note") return Severity::note;
  if (s == "warning") return Severity::warning;
  if (s == "error") return Severity::error;
  return std::nullopt;
}

const char* to_string(BaselineState b) { return b == BaselineState::known ? "known" : "new"; }

const char* to_string(Category c) {
  switch (c) {
    case Category::deadline: return "deadline";
    case Category::tight: return "tight";
    case Category::start: return "start";
    case Category::order: return "order";
    case Category::pilot: return "pilot";
    case Category::missing: return "missing";
    case Category::citation: return "citation";
    case Category::text: return "text";
  }
  return "?";
}

namespace {

using CheckFn = void (*)(const Rule&, checks::Context&);

// Rule kind → its check, the severity of its findings, what it checks.
// Adding a kind: a unit under lib/src/check/, a row here, a doc page under
// docs/rules/, a loader entry in rule_file.cc.
struct KindEntry {
  RuleKind kind;
  CheckFn check;
  Severity severity;
  const MessageText& name;
  const MessageText& what;
};
constexpr KindEntry kKinds[] = {
    {RuleKind::deadline, checks::check_deadline, Severity::error, msg::kind_deadline_name, msg::kind_deadline_what},
    {RuleKind::start, checks::check_start, Severity::error, msg::kind_start_name, msg::kind_start_what},
    {RuleKind::order, checks::check_order, Severity::error, msg::kind_order_name, msg::kind_order_what},
    {RuleKind::pilot, checks::check_pilot, Severity::error, msg::kind_pilot_name, msg::kind_pilot_what},
    {RuleKind::require, checks::check_require, Severity::warning, msg::kind_require_name, msg::kind_require_what},
    {RuleKind::citation, checks::check_citation, Severity::error, msg::kind_citation_name, msg::kind_citation_what},
    {RuleKind::text, checks::check_text, Severity::warning, msg::kind_text_name, msg::kind_text_what},
};

const KindEntry& entry_for(RuleKind k) {
  for (const auto& e : kKinds)
    if (e.kind == k) return e;
  return kKinds[0];  // unreachable: every kind has a row
}

CheckFn check_for(RuleKind k) { return entry_for(k).check; }

bool is_central_code(const std::string& code) { return code == "TW" || code == "BTCTW"; }

// A higher plan's schedule restated in the plan ("Theo Kế hoạch số
// 96-KH/TU, … hoàn thành trước ngày 30/6/2025"), as a rule set of its own.
std::vector<RuleSet> restated_sets(const Extraction& x) {
  std::vector<RuleSet> out;
  for (const auto& m : x.milestones) {
    if (!m.source || m.status != Status::planned) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const RuleSet& s) { return s.number == *m.source; });
    if (it == out.end()) {
      RuleSet s;
      s.id = "restated";
      s.kind = "plan";
      s.number = *m.source;
      for (const auto& r : x.references)
        if (r.id == m.source && r.date) s.date = *r.date;
      s.source = both(msg::document_restated, *m.source);
      out.push_back(std::move(s));
      it = std::prev(out.end());
    }
    Rule rule;
    rule.level = m.level;
    rule.limit = LimitTime{m.time.text, m.time};
    const checks::Window w = checks::window_of(m.time, Reading::inclusive);
    if (m.event != Event::start && w.latest_end) {
      rule.kind = RuleKind::deadline;
      rule.name = fmt::format("{}-deadline", to_string(m.level));
    } else if (w.earliest_start) {
      rule.kind = RuleKind::start;
      rule.name = fmt::format("{}-start", to_string(m.level));
    } else {
      continue;
    }
    rule.id = "restated/" + rule.name;
    it->rules.push_back(std::move(rule));
  }
  return out;
}

}  // namespace

const MessageText& describe(RuleKind k) { return entry_for(k).what; }

const MessageText& kind_text(RuleKind k) { return entry_for(k).name; }

const MessageText& reading_text(Reading r) { return r == Reading::inclusive ? msg::reading_inclusive : msg::reading_strict; }

Severity default_severity(const Rule& r) {
  if (auto s = parse_severity(r.severity)) return *s;
  if (r.source && !r.source->binding() && entry_for(r.kind).severity == Severity::error) return Severity::warning;
  // Invalid dates are errors even though other text findings are warnings.
  if (r.kind == RuleKind::text &&
      std::find(r.notice_codes.begin(), r.notice_codes.end(), "invalid_date") != r.notice_codes.end())
    return Severity::error;
  return entry_for(r.kind).severity;
}

checks::Citing checks::cites(const Reference& r, const RuleSet& s, const std::optional<std::string>& round) {
  const auto key = document_key(r);  // "35-CT/TƯ" cites 35-CT/TW
  if (!key || s.number.empty() || document_key(s.number) != *key) return Citing::not_it;
  if (r.date) return *r.date == s.date ? Citing::document : Citing::not_it;
  // Undated: the centre numbers its documents once for the whole country,
  // so its number in the plan's round is the document. Every province and
  // district numbers its plans alike ("96-KH/TU" in Hà Tĩnh and in Lâm
  // Đồng): a plan's number is its document only with its issuer's place.
  if (issuer_code_level(r.issuer_code) == Level::national)
    return round && round_of(s) == round ? Citing::document : Citing::not_it;
  if (r.issuer && !s.issuer.empty()) {
    const std::string theirs = fold(*r.issuer), ours = fold(s.issuer);
    const std::string_view a = committee_place(theirs), b = committee_place(ours);
    if (!a.empty() && !b.empty())
      return a == b && (!round || !round_of(s) || round_of(s) == round) ? Citing::document : Citing::not_it;
  }
  return Citing::number_only;
}

namespace {
// An official document's header states its number and, on the next line,
// where and when it was signed: "Số 180-KH/HU" / "Hương Sơn, ngày 02 tháng
// 10 năm 2024". Only the first lines are a header.
constexpr uint32_t kHeaderLines = 12;
// How far below its number a header states the date.
constexpr uint32_t kHeaderDateLines = 2;
}  // namespace

std::optional<checks::PlanIdentity> checks::identify_plan(const Extraction& x) {
  auto header_date = [&](const Reference& r) -> std::optional<CivilDate> {
    // A span not given (a model read from JSON) stands nowhere, not in a header.
    if (!r.span.known() || r.span.line > kHeaderLines) return std::nullopt;
    for (const auto& t : x.times) {
      if (!t.span.known() || t.span.line < r.span.line || t.span.line > r.span.line + kHeaderDateLines) continue;
      if (t.relation != Relation::in || !(t.period.start == t.period.end) || t.year_inferred) continue;
      const bool in_reference = std::any_of(x.references.begin(), x.references.end(), [&](const Reference& o) {
        return t.span.start >= o.span.start && t.span.end <= o.span.end;
      });
      if (!in_reference) return t.period.start;
    }
    return std::nullopt;
  };
  std::optional<PlanIdentity> undated;
  for (const auto& r : x.references) {
    if (!r.id || r.issuer_code.empty() || is_central_code(r.issuer_code) || !(r.kind == "ke_hoach" || r.type == "KH"))
      continue;
    if (r.date) return undated ? undated : PlanIdentity{&r, r.date};
    if (auto d = header_date(r)) return PlanIdentity{&r, d};
    // "Số 180-KH/HU" alone in a header is still the plan's number; a later
    // dated one is a plan it cites.
    if (!undated && r.span.known() && r.span.line <= kHeaderLines) undated = PlanIdentity{&r, std::nullopt};
  }
  return undated;
}

void keep_for_check(Extraction& x) {
  std::erase_if(x.times, [](const TimeExpr& t) { return !t.span.known() || t.span.line > kHeaderLines + kHeaderDateLines; });
  std::erase_if(x.units, [&](const Unit& u) { return !x.document.issuer || u.name != *x.document.issuer; });
  x.times.shrink_to_fit();
  x.units.shrink_to_fit();
}

std::optional<Reference> plan_identity(const Extraction& x) {
  const auto id = checks::identify_plan(x);
  if (!id) return std::nullopt;
  Reference r = *id->reference;
  r.date = id->date;
  return r;
}

std::optional<std::string> RuleBook::add(RuleSet set) {
  std::optional<std::string> replaced;
  if (auto it = sets_.find(set.id); it != sets_.end()) replaced = it->second.path;
  const std::string id = set.id;
  sets_.insert_or_assign(id, std::move(set));
  return replaced;
}

const RuleSet* RuleBook::find(const std::string& id) const {
  auto it = sets_.find(id);
  return it == sets_.end() ? nullptr : &it->second;
}

std::optional<RuleBook::RuleRef> RuleBook::find_rule(std::string_view id) const {
  const size_t slash = id.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const RuleSet* set = find(std::string(id.substr(0, slash)));
  if (!set) return std::nullopt;
  for (const auto& r : set->rules)
    if (r.id == id) return RuleRef{set, &r};
  return std::nullopt;
}

std::vector<const RuleSet*> RuleBook::with_extended(const RuleSet& set) const {
  std::vector<const RuleSet*> out;
  std::vector<const RuleSet*> todo{&set};
  while (!todo.empty()) {
    const RuleSet* s = todo.back();
    todo.pop_back();
    if (std::find(out.begin(), out.end(), s) != out.end()) continue;
    out.push_back(s);
    for (const auto& e : s->extends)
      if (const RuleSet* p = find(e)) todo.push_back(p);
  }
  return out;
}

std::vector<RuleError> RuleBook::problems(const RuleSet& set) const {
  std::vector<RuleError> out;
  auto where_extends = [&](size_t i) {
    return i < set.extends_at.size() ? set.extends_at[i] : RuleLocation{set.path, 0, 0};
  };
  for (size_t i = 0; i < set.extends.size(); ++i) {
    const std::string& e = set.extends[i];
    if (!find(e)) {
      out.emplace_back(where_extends(i), both(msg::rules_extends_unknown, set.id, e));
      continue;
    }
    // A circular extends: walking up from this parent comes back to the set.
    std::vector<std::pair<const RuleSet*, std::vector<std::string>>> todo{{find(e), {set.id, e}}};
    std::set<std::string> seen{e};
    bool circular = false;
    while (!todo.empty() && !circular) {
      auto [s, chain] = todo.back();
      todo.pop_back();
      for (const auto& up : s->extends) {
        auto longer = chain;
        longer.push_back(up);
        if (up == set.id) {
          std::string shown;
          for (const auto& c : longer) shown += (shown.empty() ? "" : " -> ") + c;
          out.emplace_back(where_extends(i), both(msg::rules_circular, shown));
          circular = true;
          break;
        }
        if (const RuleSet* p = find(up); p && seen.insert(up).second) todo.emplace_back(p, longer);
      }
    }
  }
  if (set.superseded_by && !find(*set.superseded_by))
    out.emplace_back(set.superseded_at, both(msg::rules_superseded_unknown, set.id, *set.superseded_by));
  if (out.empty()) {  // examples need the sets they extend
    auto failures = run_examples(set);
    out.insert(out.end(), std::make_move_iterator(failures.begin()), std::make_move_iterator(failures.end()));
  }
  return out;
}

void RuleBook::validate() const {
  for (const auto& [id, set] : sets_) {
    const auto found = problems(set);
    if (!found.empty()) throw found.front();
  }
}

std::vector<RuleError> RuleBook::run_examples(const RuleSet& set) const {
  std::vector<RuleError> failures;
  for (const auto& ex : set.examples) {
    const Extraction x = analyze_utf8(ex.text, set.path).extraction;
    const auto diags = check(x, with_extended(set), *this);
    auto fired = [&](const std::string& name) {
      const std::string id = qualified_rule_id(set, name);
      for (const auto& d : diags)
        if (d.rule == id) return true;
      return false;
    };
    for (const auto& e : ex.expect)
      if (!fired(e))
        failures.emplace_back(ex.where, both(msg::rules_example_silent, e));
    for (const auto& a : ex.absent)
      if (fired(a))
        failures.emplace_back(ex.where, both(msg::rules_example_raises, a));
  }
  return failures;
}

std::vector<const RuleSet*> RuleBook::select(const Extraction& x) const {
  const checks::Plan plan = checks::Plan::of(x);
  std::optional<std::string> round = plan.round;
  // The plan's date; with none, the first date it schedules stands in for it
  // (a report of congresses from 10/2024 was written under the directive in
  // force then).
  std::optional<CivilDate> when = plan.date;
  if (!when)
    for (const Milestone* m : plan.mass)
      if (!when || m->time.period.start < *when) when = m->time.period.start;
  // Cited sets: a reference that is the set's document (cites()). A plan's
  // own number is no citation: it is never held to the rule file derived
  // from itself (derive.h; a batch holds its plans to each other).
  const auto own = plan_identity(x);
  const auto own_key = own ? document_key(*own) : std::nullopt;
  const auto is_own = [&](const RuleSet& s) {
    return s.kind == "plan" && own_key && own->date && *own_key == document_key(s.number) && *own->date == s.date;
  };
  std::vector<const RuleSet*> cited;
  for (const auto& r : x.references)
    for (const auto& [id, s] : sets_)
      if (!is_own(s) && checks::cites(r, s, round) == checks::Citing::document) cited.push_back(&s);
  if (!round) {
    // No term or congress written: the round of the directive cited, else
    // of the plan's date.
    for (const RuleSet* s : cited)
      if (s->kind == "directive" && !round) round = checks::round_of(*s);
    // The round of the latest directive issued by the plan's date.
    if (!round && when) {
      const RuleSet* latest = nullptr;
      for (const auto& [id, s] : sets_)
        if (s.kind == "directive" && s.date <= *when && (!latest || s.date > latest->date)) latest = &s;
      if (latest) round = checks::round_of(*latest);
    }
  }
  std::vector<const RuleSet*> out;
  auto push = [&](const RuleSet* s) {
    for (const RuleSet* e : with_extended(*s))
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  };
  // Higher plans cited first: their limits are the stricter ones.
  for (const RuleSet* s : cited)
    if (s->kind == "plan" && (!round || checks::round_of(*s) == round || !checks::round_of(*s))) push(s);
  // The directive of the round in force at the plan's date.
  const RuleSet* directive = nullptr;
  for (const auto& [id, s] : sets_) {
    if (s.kind != "directive" || !round || checks::round_of(s) != round) continue;
    if (when && s.date > *when) continue;
    const bool in_force = !s.superseded_from || (when && *when < *s.superseded_from);
    if (!when && s.superseded_from) continue;
    if (in_force && (!directive || s.date > directive->date)) directive = &s;
  }
  if (directive &&
      std::none_of(out.begin(), out.end(), [&](const RuleSet* s) { return s->number == directive->number; }))
    push(directive);
  // A directive the plan cites that the round's directive superseded: its
  // citation rule says so.
  for (const RuleSet* s : cited)
    if (s->kind == "directive" && checks::round_of(*s) == round && std::find(out.begin(), out.end(), s) == out.end())
      out.push_back(s);
  return out;
}

std::vector<Diagnostic> check(const Extraction& x, const std::vector<const RuleSet*>& sets, const RuleBook& book) {
  std::vector<Diagnostic> out;
  const checks::Plan plan = checks::Plan::of(x);
  // A directive the plan cites but that has been superseded only answers
  // for the citation; its deadlines are the superseding one's business.
  auto only_citation = [&](const RuleSet& s) {
    return s.superseded_from && plan.date && *plan.date >= *s.superseded_from;
  };
  for (const RuleSet* s : sets) {
    checks::Context cx{plan, *s, book, out};
    for (const auto& rule : s->rules) {
      if (only_citation(*s) && rule.kind != RuleKind::citation) continue;
      check_for(rule.kind)(rule, cx);
    }
  }
  // A local plan cited by its number alone, with a rule set of that number
  // not applied: say so once, under the first citation rule at hand, so a
  // user who knows it is that plan can choose the set.
  const Rule* citation_rule = nullptr;
  const RuleSet* citation_set = nullptr;
  for (const RuleSet* s : sets)
    for (const auto& rule : s->rules)
      if (!citation_rule && rule.kind == RuleKind::citation) citation_rule = &rule, citation_set = s;
  if (citation_rule) {
    checks::Context cx{plan, *citation_set, book, out};
    std::set<std::string> noted;
    for (const auto& r : x.references) {
      // The plan's own number in its head ("Số 180-KH/HU") cites nothing,
      // though a set derived from it (a batch's, `rules derive`) has it.
      if (plan.number && r.id && document_key(r) == document_key(*plan.number)) continue;
      for (const auto& [id, s] : book.sets()) {
        if (std::find(sets.begin(), sets.end(), &s) != sets.end() || !noted.insert(id).second) continue;
        if (checks::cites(r, s, plan.round) != checks::Citing::number_only) {
          noted.erase(id);
          continue;
        }
        cx.add(*citation_rule, Category::citation, Severity::note, std::nullopt, r.span,
               both(msg::citation_number_only, *r.id, id, checks::document_text(s)));
      }
    }
    // A higher committee's plan cited that no set stands for (not in the
    // batch, no rule file): the plan is held to the directive only, which
    // a user may take for the whole check. Said once per plan cited.
    std::set<std::string> missing;
    for (const auto& r : x.references) {
      if (!r.id || r.type != "KH" || !plan.issuer_level) continue;
      const auto cited_level = issuer_code_level(canonical_issuer_code(r.issuer_code));
      if (!cited_level || *cited_level <= *plan.issuer_level || *cited_level == Level::national) continue;
      const std::string key = *document_key(r);
      if (plan.number && key == document_key(*plan.number)) continue;
      if (r.date && plan.date && *r.date > *plan.date) continue;  // a citation error already: a wrong number or date
      const bool known = std::any_of(book.sets().begin(), book.sets().end(), [&](const auto& entry) {
        return entry.second.kind == "plan" && checks::cites(r, entry.second, plan.round) != checks::Citing::not_it;
      });
      if (known || !missing.insert(key).second) continue;
      const LocalText name = both(msg::document_plan, *r.id);
      cx.add(*citation_rule, Category::citation, Severity::note, std::nullopt, r.span,
             both(msg::citation_plan_missing, r.date ? both(msg::document_dated, name, date_text(*r.date)) : name));
    }
  }
  checks::add_reading_findings(x, out);
  const auto restated = restated_sets(x);
  for (const auto& s : restated) {
    checks::Context cx{plan, s, book, out};
    for (const auto& rule : s.rules) check_for(rule.kind)(rule, cx);
  }
  // The same finding from two sets: the first set, the more specific one,
  // keeps it. A finding is the plan's statement at its place held to a
  // limit: the limit's last day (a province repeating the centre's
  // deadline), else its first day (a start, or a pilot held to the plan's
  // own "từ tháng 4/2025", which every set with a pilot rule for the level
  // finds alike), else what the finding says (a citation, a requirement:
  // one per document).
  std::vector<Diagnostic> unique;
  std::set<std::string> seen;
  for (auto& d : out) {
    std::string limit;
    if (d.limit && d.limit->time.end) limit = "end " + d.limit->time.end->iso();
    else if (d.limit && d.limit->time.start) limit = "start " + d.limit->time.start->iso();
    else limit = d.message_en;
    const std::string key = fmt::format("{}|{}|{}|{}|{}", to_string(d.category), d.level ? to_string(*d.level) : "",
                                        d.span ? d.span->start : 0, d.plan ? d.plan->text : "", limit);
    if (seen.insert(key).second) unique.push_back(std::move(d));
  }
  for (auto& d : unique) {
    // What identifies the finding, not where it is: stable across edits
    // that move lines (a baseline matches findings by it). A finding with
    // no words of the plan (a requirement, the reading) is told apart by
    // what it says; those messages name no line.
    const std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", d.rule, to_string(d.category),
                                        d.level ? to_string(*d.level) : "", d.plan ? d.plan->text : "",
                                        d.limit ? d.limit->time.text : "", d.plan ? "" : d.message_en);
    uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
    d.fingerprint = fmt::format("{:016x}", h);
  }
  std::stable_sort(unique.begin(), unique.end(), [](const Diagnostic& a, const Diagnostic& b) {
    const uint32_t sa = a.span ? a.span->start : UINT32_MAX, sb = b.span ? b.span->start : UINT32_MAX;
    if (sa != sb) return sa < sb;
    return a.rule < b.rule;
  });
  return unique;
}

RuleBook RuleBook::builtin() {
  RuleBook book;
  for (const auto& [name, text] : builtin_rule_files()) {
    RuleSet s = parse_rule_file(text, std::string(kBuiltinRulesPrefix) + "rules/" + name);
    s.builtin = true;
    book.add(std::move(s));
  }
  return book;
}

}  // namespace plancheck
