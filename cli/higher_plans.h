// Plans of one batch as limits for each other (issue 24): a plan of the
// batch that another plan of it cites by its code ("Kế hoạch số 96-KH/TU")
// is read whole and the rule file it implies (derive.h) joins the run's
// rule books, so the plans citing it by number and date (the identity rule
// of RuleBook::select) are held to its schedule as they would be with
// `rules derive` and `--rules`: the same diagnostics either way.
//
// Contract: find_higher_plans() walks the inputs once more before the
// check, reading each plan's text (no OCR: a scanned plan is not a higher
// plan here) and finding the plan codes it states: the first in its head
// is the plan's own, the rest are what it cites. Only the plans cited by
// another are analysed and derived. Two plans of the batch with one
// identity, and plans citing each other, are not followed: each gets a
// warning. A higher plan the rule books already hold (a rule file with its
// id) is left to that file. Nothing here fails the run: a file that cannot
// be read is the check's to report.
#pragma once

#include <string>
#include <vector>

#include "plan_walk.h"
#include "plancheck/check.h"
#include "plancheck/messages.h"
#include "plancheck/rules.h"
#include "plancheck/source.h"

namespace plancheck::cli {

struct HigherPlans {
  std::vector<RuleSet> sets;          // one per higher plan, `path` its file
  std::vector<std::string> warnings;  // said on stderr, in the run's language
};

// `jobs`: the threads that read the files (as check's --jobs).
HigherPlans find_higher_plans(const std::vector<WalkInput>& inputs, const ReadOptions& options,
                              const RuleBook& book, Lang lang, unsigned jobs);

}  // namespace plancheck::cli
