// Checking a plan's extracted model against rule sets: the diagnostics a
// compiler would give. Rules see only the model (model.h), never text.
//
// Contract: check() is a pure function of the Extraction and the rule sets
// given; diagnostics come in span order, then rule id. Each rule kind is one
// unit under lib/src/check/, registered in one table (registry.cc).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plancheck/messages.h"
#include "plancheck/model.h"
#include "plancheck/rules.h"

namespace plancheck {

enum class Severity { note, warning, error };
const char* to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

// The fixed vocabulary of ../shared/spec/check-json.md.
enum class Category { deadline, tight, start, order, pilot, missing, citation, text };
inline constexpr size_t kCategoryCount = 8;
const char* to_string(Category c);

// A congress level as messages name it ("cấp cơ sở" / "grassroots").
const char* level_name(Level l, Lang lang);
const MessageText& level_text(Level l);
// A severity and a category as a person reads them ("lỗi", "quá hạn").
const MessageText& severity_text(Severity s);
const MessageText& category_text(Category c);
// A day in the one style of each language: "14/6/2024" / "14 June 2024".
LocalText date_text(const CivilDate& d);

// What a kind of rule checks, in one sentence (docs/rules/<kind>.md says the
// rest).
const MessageText& describe(RuleKind k);
// A kind's name for people: "thời hạn" / "deadline".
const MessageText& kind_text(RuleKind k);
// How a reading of "trước ngày D" is named: "tính cả ngày D" / "D included".
const MessageText& reading_text(Reading r);
// The severity a rule's findings take unless its file sets one; a kind that
// grades its findings (deadline → tight notes) gives its highest.
Severity default_severity(const Rule& r);

// A time as a diagnostic shows it: the words and the calendar bounds.
struct TimeView {
  std::string text;
  std::optional<Relation> relation;
  std::optional<CivilDate> start, end;
};

struct LimitView {
  std::string directive;  // "35-CT/TW"
  std::optional<CivilDate> date;
  TimeView time;
};

// A finding against a baseline of accepted findings (`check --baseline`):
// `known` is in the baseline (reported, not counted for the exit status),
// `new_` is not (SARIF's baselineState "new" / "unchanged").
enum class BaselineState { new_, known };
const char* to_string(BaselineState b);

struct Diagnostic {
  std::string rule;  // "tw-35-2024/grassroots-deadline"
  Category category = Category::deadline;
  Severity severity = Severity::error;
  std::optional<Level> level;
  std::string message_vi, message_en;
  std::optional<Span> span;  // null only for `missing`
  std::optional<TimeView> plan;
  std::optional<LimitView> limit;
  // Where the limit was stated, when a higher plan states it (its file,
  // line and column): the related location of the finding.
  std::optional<SourcePlace> limit_source;
  std::string fingerprint;
  // What to write instead, where the change is clear ("sửa thành: hoàn
  // thành trước ngày 30/6/2025" says fix_vi's "hoàn thành trước ngày
  // 30/6/2025"); both empty when no one change makes the plan right.
  std::string fix_vi, fix_en;
  // Set only when the run has a baseline.
  std::optional<BaselineState> baseline;
  const std::string& message(Lang lang) const { return lang == Lang::vi ? message_vi : message_en; }
  const std::string& fix(Lang lang) const { return lang == Lang::vi ? fix_vi : fix_en; }
};

// Whether a diagnostic says the plan was never read: a text in a legacy
// encoding, or one from which nothing at all was read (reading.cc). Such a
// plan counts as not read for the exit status (exit 0 means "read, and
// nothing wrong"); a text without diacritics is read, and only warned about.
bool says_never_read(const Diagnostic& d);

// Every rule set known to a run, by id; resolves `extends` and chooses
// which sets a plan is held to.
class RuleBook {
 public:
  // Adds a rule set; one with the same id replaces the earlier one (a user's
  // file overrides a shipped one). Returns the path of the set it replaced,
  // if any, for the caller to say so — or to refuse two files of one id.
  std::optional<std::string> add(RuleSet set);
  // What is wrong with one set in this book: extends a set no file defines,
  // a circular extends, superseded by an unknown set, examples that fail
  // (run only when the rest is sound). Each error is located in its file.
  std::vector<RuleError> problems(const RuleSet& set) const;
  // problems() of every set; throws the first.
  void validate() const;
  // Runs one set's examples; returns one located error per failing example.
  std::vector<RuleError> run_examples(const RuleSet& set) const;

  const RuleSet* find(const std::string& id) const;
  // A rule by its full id ("tw-35-2024/grassroots-deadline"), with its set.
  struct RuleRef {
    const RuleSet* set;
    const Rule* rule;
  };
  std::optional<RuleRef> find_rule(std::string_view id) const;
  const std::map<std::string, RuleSet>& sets() const { return sets_; }
  // The set and every set it extends, transitively, set first.
  std::vector<const RuleSet*> with_extended(const RuleSet& set) const;
  // The sets a plan is held to: by its round (term, national congress) and
  // the documents it cites, the directive in force at the plan's date; a
  // cited plan-kind set brings the sets it extends.
  std::vector<const RuleSet*> select(const Extraction& x) const;

  // The shipped rule files.
  static RuleBook builtin();

 private:
  std::map<std::string, RuleSet> sets_;
};

// The plan's own number and date, as far as the model tells: the first
// plan-like reference with a local issuer code, dated in the reference or by
// the header line under it ("Hương Sơn, ngày 02 tháng 10 năm 2024"); an
// undated number in the header wins over a later dated reference (a plan it
// cites), and then has no date.
std::optional<Reference> plan_identity(const Extraction& x);

// Drops from a model what no check, rule-set choice, derive_rule_file() or
// report reads of it: the times after its header (only a header's date is
// read, by plan_identity()) and the units other than its issuer's (whose
// level is the issuer's). All of them give the same on what is left. A
// batch holds this much of each plan until its higher plans are known
// (issue 24): the schedule, not every date and unit its text names.
void keep_for_check(Extraction& x);

// Checks one plan against the sets given (each with what it extends).
std::vector<Diagnostic> check(const Extraction& x, const std::vector<const RuleSet*>& sets, const RuleBook& book);

}  // namespace plancheck
