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
