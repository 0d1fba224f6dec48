// Rule sets: what a directive or a higher plan demands of the plans below
// it, loaded from rule files (docs/rules.md). A RuleSet knows nothing of
// plan text; the checker (check.h) holds plans to it.
//
// Contract: load_rule_file() returns a complete, validated RuleSet or throws
// RuleError naming the file and the line:column of the offending value
// (syntax, unknown key or level, a date that does not exist, a time the
// directive's words do not state). Cross-file problems (extends a missing
// rule set, a circular extends, examples that fail) are found by RuleBook.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/error.h"
#include "plancheck/model.h"

namespace plancheck {

// Where shipped rule sets say they come from: "<builtin>/rules/tw-35-2024.toml".
inline constexpr std::string_view kBuiltinRulesPrefix = "<builtin>/";

// A rule file that cannot be read, parsed or validated.
class RuleError : public LocatedError {
 public:
  using LocatedError::LocatedError;
};

// How "trước ngày D" is read: D allowed (inclusive) or not (strict).
enum class Reading { inclusive, strict };
const char* to_string(Reading r);

// A time limit as the directive words it ("hoàn thành trước ngày 30/6/2025"),
// read by the same extractor that reads plans.
struct LimitTime {
  std::string text;  // the words, as in the rule file
  TimeExpr time;     // what they say
};

// The kinds of rule (docs/rules/<kind>.md), each in its own table array.
enum class RuleKind { deadline, start, order, pilot, require, citation, text };
const char* to_string(RuleKind k);

// Where a limit comes from: the document, its date and its sentence, and
// how binding the words are. A directive's or a higher plan's limit is the
// law of the round; a guidance's detail, or a limit known only from press
// reports of the document, is advice that real plans break in numbers (the
// 2020 grassroots "từ tháng 4/2020"): its findings are warnings.
enum class Authority { directive, plan, guidance, press };
const char* to_string(Authority a);
// Where a higher plan of the batch (or a rule file derived from one) states
// a limit: its file and the sentence's line and column there.
struct SourcePlace {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
};

struct RuleSource {
  std::string document;  // "35-CT/TW", "26-HD/BTCTW", or the report that gives it
  std::optional<CivilDate> date;
  std::string text;  // the sentence, as the source words it
  Authority authority = Authority::directive;
  std::optional<SourcePlace> at;  // a plan's limit: where the plan states it
  bool binding() const { return authority == Authority::directive || authority == Authority::plan; }
};

struct Rule {
  RuleKind kind = RuleKind::deadline;
  std::string id;  // "<ruleset>/<name>", e.g. "tw-35-2024/grassroots-deadline"
  std::string name;
  std::optional<Level> level;      // deadline, start, pilot
  std::optional<LimitTime> limit;  // deadline, start, pilot
  Reading reading = Reading::inclusive;
  // require: what must be stated.
  bool require_completion = false;
  bool require_pilot = false;
  // text: which notice codes it reports ("typo", "lookalike", …) and how.
  std::vector<std::string> notice_codes;
  std::string severity;  // "error" | "warning" | "note"; empty: the kind's default
  std::optional<RuleSource> source;  // deadline, start, pilot: where the limit comes from
  LocalText summary;     // one line for `rules show` and `explain`
  RuleLocation where;
};

// A sentence or short plan that must (or must not) raise given rules.
struct RuleExample {
  std::string text;
  std::vector<std::string> expect;  // rule ids (or names) that must fire
  std::vector<std::string> absent;  // rule ids (or names) that must not
  RuleLocation where;
};

// A document of the same round that plans may cite (a guidance, a
// conclusion), known by number and date.
struct KnownDocument {
  std::string id;  // "27-HD/BTCTW"
  CivilDate date;
};

struct RuleSet {
  std::string id;    // "tw-35-2024"
  std::string kind;  // "directive" | "plan"
  std::string title;
  std::string number;  // the document's id: "35-CT/TW"
  CivilDate date;
  std::string issuer;
  LocalText source;    // where its content comes from, for the reader
  std::optional<Term> term;
  std::optional<std::string> national_congress;  // "XIV"
  std::vector<std::string> extends;              // ids of the rule sets it builds on
  std::vector<RuleLocation> extends_at;          // where each stands in the file
  std::optional<std::string> superseded_by;      // id
  RuleLocation superseded_at;
  std::optional<CivilDate> superseded_from;
  std::vector<KnownDocument> documents;
  std::vector<Rule> rules;
  std::vector<RuleExample> examples;
  std::string path;  // file it came from (kBuiltinRulesPrefix… for shipped rules)
  bool builtin = false;
};

// The full id of a rule an example names: "grassroots-deadline" in set
// tw-35-2024 is "tw-35-2024/grassroots-deadline"; a full id stays as it is.
std::string qualified_rule_id(const RuleSet& set, const std::string& name_or_id);

// Parses one rule file's text; `path` names it in errors.
RuleSet parse_rule_file(std::string_view toml_text, const std::string& path);
RuleSet load_rule_file(const std::string& path);

// The shipped rule files, embedded in the library: (name, TOML text).
const std::vector<std::pair<std::string, std::string_view>>& builtin_rule_files();

}  // namespace plancheck
