// What every check unit shares: the plan's model seen as a timeline (mass
// schedule per level, the plan's date and issuer level), and how a finding
// becomes a Diagnostic. Internal to the library.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "plancheck/check.h"

namespace plancheck::checks {

// The dates a time expression allows, under a reading of "trước ngày D".
struct Window {
  std::optional<CivilDate> earliest_start;
  std::optional<CivilDate> latest_end;
};
Window window_of(const TimeExpr& t, Reading reading);

// plan_identity() without the copy: the reference that is the plan's own
// number, and its date (the reference's, or the header line's under it).
struct PlanIdentity {
  const Reference* reference;
  std::optional<CivilDate> date;
};
std::optional<PlanIdentity> identify_plan(const Extraction& x);

// Whether a reference is a rule set's document: the same number and date,
// or, undated, the centre's number in the plan's round or a local number
// with its issuer's place; a local number alone may be another province's
// plan (number_only: at most a note).
enum class Citing { not_it, document, number_only };
Citing cites(const Reference& r, const RuleSet& s, const std::optional<std::string>& round);

// The plan as the checks see it, computed once per plan.
struct Plan {
  const Extraction* x = nullptr;
  std::optional<CivilDate> date;        // the plan's own date
  std::optional<std::string> number;    // its own id
  std::optional<Level> issuer_level;    // the level of the committee that issues it
  std::optional<std::string> round;     // national congress it prepares: "XIII", "XIV"
  // The plan's own statements for the mass of congresses: planned, not a
  // restated higher schedule, not a pilot unit's own schedule.
  std::vector<const Milestone*> mass;
  // The plan's pilot statements, each once: an article restates its pilot
  // in the title, the lead and the body ("… tổ chức đại hội điểm cấp cơ sở
  // vào đầu quý I-2025"), and one statement is one finding. Two pilots are
  // one statement when kind, level and time say the same; the first stands.
  std::vector<const Pilot*> pilots;
  // Holding statements whose own sentence ends them earlier: "tổ chức trong
  // tháng 8/2025, hoàn thành trước ngày 20/8/2025" runs 1/8–20/8, not to
  // 31/8. The completion is the level's end there (it is judged itself);
  // the hold still says when the congresses may begin.
  std::vector<const Milestone*> ended_by_completion;
  bool ends_elsewhere(const Milestone* m) const {
    return std::find(ended_by_completion.begin(), ended_by_completion.end(), m) != ended_by_completion.end();
  }
  // Whether a milestone says when its level's congresses end: not a start,
  // not a hold its own sentence ends earlier.
  bool says_end(const Milestone* m) const { return m->event != Event::start && !ends_elsewhere(m); }
  static Plan of(const Extraction& x);
  // Those of one level, in order: a view over `mass`, nothing copied.
  // (Hand-written: clang 14, which builds the fuzzers, cannot compile
  // libstdc++ 12's std::views.)
  struct MassOfLevel {
    const std::vector<const Milestone*>* all;
    Level level;
    struct iterator {
      const Milestone* const* at;
      const Milestone* const* end;
      Level level;
      void skip() {
        while (at != end && (*at)->level != level) ++at;
      }
      const Milestone* operator*() const { return *at; }
      iterator& operator++() {
        ++at;
        skip();
        return *this;
      }
      bool operator!=(const iterator& o) const { return at != o.at; }
    };
    iterator begin() const {
      iterator i{all->data(), all->data() + all->size(), level};
      i.skip();
      return i;
    }
    iterator end() const {
      const Milestone* const* e = all->data() + all->size();
      return {e, e, level};
    }
  };
  MassOfLevel mass_of(Level l) const { return {&mass, l}; }
};

// The round a term or national congress names ("2025-2030" → "XIV").
std::optional<std::string> round_of(const std::optional<Term>& term, const std::optional<std::string>& congress);
std::optional<std::string> round_of(const RuleSet& set);

struct Context {
  const Plan& plan;
  const RuleSet& set;
  const RuleBook& book;
  std::vector<Diagnostic>& out;

  // A diagnostic of `rule`, with the severity the rule file sets or `fallback`.
  Diagnostic& add(const Rule& rule, Category category, Severity fallback, std::optional<Level> level,
                  std::optional<Span> span, LocalText message);
};

// The line a message names a milestone by: its statement's, else (a model
// read from JSON without it) its time's; 0 when neither was given.
inline uint32_t line_of(const Milestone& m) { return m.span.known() ? m.span.line : m.time.span.line; }

TimeView view_of(const TimeExpr& t, Reading reading);

// Sets what to write instead (Diagnostic::fix).
inline void set_fix(Diagnostic& d, LocalText fix) {
  d.fix_vi = std::move(fix.vi);
  d.fix_en = std::move(fix.en);
}
// A day as the plan would write it ("30/6/2025"), for the Vietnamese words
// the English fix quotes.
inline std::string plan_date(const CivilDate& d) { return date_text(d).vi; }
LimitView limit_view(const RuleSet& set, const LimitTime& lt, Reading reading);

// How a message names the document a rule set stands for: "Chỉ thị
// 35-CT/TW ngày 14/6/2024" / "Directive 35-CT/TW of 14 June 2024" (its title
// when it has no number).
LocalText document_text(const RuleSet& s);

// Findings about the reading itself, with every check (reading.cc): the
// text in a legacy encoding shown as Latin-1, typed without diacritics, or
// with no congress statement at all. Rule ids of their own, no rule file.
inline constexpr const char* kReadingLegacyEncoding = "plancheck/legacy-encoding";
inline constexpr const char* kReadingNoDiacritics = "plancheck/no-diacritics";
inline constexpr const char* kReadingNothingRead = "plancheck/nothing-read";
void add_reading_findings(const Extraction& x, std::vector<Diagnostic>& out);

// One function per rule kind (the units under lib/src/check/).
void check_deadline(const Rule& rule, Context& cx);
void check_start(const Rule& rule, Context& cx);
void check_order(const Rule& rule, Context& cx);
void check_pilot(const Rule& rule, Context& cx);
void check_require(const Rule& rule, Context& cx);
void check_citation(const Rule& rule, Context& cx);
void check_text(const Rule& rule, Context& cx);

}  // namespace plancheck::checks
