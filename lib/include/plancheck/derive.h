// The rule file a plan implies (`plancheck rules derive`, issue 24): a
// province's plan is the law for its districts' plans, a district's for its
// communes'. Written once from the plan's text, kept beside the drafts, it
// makes the plan's schedule a rule set like the shipped ones.
//
// Contract: derive_rule_file() returns the text of a rule file
// (docs/rules.md) that parse_rule_file() reads and `rules lint` passes: the
// plan's identity (number, date, issuer, term, round) as a `kind = "plan"`
// set that `extends` the rule sets the plan itself is held to; for each
// level below the issuer's, the plan's own completion time ([[deadline]]),
// start ([[start]]) and pilot window ([[pilot]]), each with the sentence it
// comes from as its source and its line in a comment; and for each limit an
// example that breaks it, kept only when the rule book says it does. A
// statement restating a higher document ("Theo Kế hoạch số 96-KH/TU …"),
// one reported as done and one quoted from a unit are not the plan's own.
// Throws DeriveError when the plan's number and date were not read (no
// plan below could cite it) or when it states no limit for a level below.
#pragma once

#include <stdexcept>
#include <string>

#include "plancheck/analyze.h"
#include "plancheck/check.h"

namespace plancheck {

class DeriveError : public std::runtime_error {
 public:
  explicit DeriveError(LocalText why) : std::runtime_error(why.en), why_(std::move(why)) {}
  const LocalText& why() const { return why_; }

 private:
  LocalText why_;
};

// `plan` as analyze() read it from `path` (named in the file's comments).
std::string derive_rule_file(const Analysis& plan, const RuleBook& book, const std::string& path);

}  // namespace plancheck
