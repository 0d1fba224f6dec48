// Plans of one batch as limits for each other (issue 24): a plan of the
// batch that another plan of it cites (a reference with its document key,
// "Kế hoạch số 96-KH/TU") has the rule file it implies (derive.h) join the
// run's rule books, so the plans citing it by number and date (the identity
// rule of RuleBook::select) are held to its schedule as they would be with
// `rules derive` and `--rules`: the same diagnostics either way.
//
// Contract: find_higher_plans() reads nothing: it takes the batch's plans
// as the check read them (each file once: extract all, then check), their
// models and what is kept of their texts (report.h keep_for_report, which
// keeps the words derive_rule_file() quotes). A plan's own identity is
// plan_identity(); what it cites, its other references. Only plans read
// from text are higher plans (an extraction given as JSON cites, and is
// held, but has no sentences to derive from). Two plans of the batch with
// one identity and different schedules, and plans citing each other, are
// not followed: each gets a warning; the same plan twice (a .txt and its
// .docx) is followed once, from the first file by path. A higher plan the
// rule books already hold (a rule file with its id) is left to that file.
// Nothing here fails the run. The result does not depend on the order of
// `plans`.
#pragma once

#include <string>
#include <vector>

#include "plancheck/check.h"
#include "plancheck/messages.h"
#include "plancheck/model.h"
#include "plancheck/rules.h"
#include "plancheck/source.h"
#include "plancheck/text.h"

namespace plancheck::cli {

// One plan of the batch, as the check holds it until its limits are known.
struct BatchPlan {
  const std::string* path;
  const Extraction* model;
  const Text* text;  // null: read as an extraction
  const std::vector<LineOrigin>* origins;
};

struct HigherPlans {
  std::vector<RuleSet> sets;          // one per higher plan, `path` its file; by id
  std::vector<std::string> warnings;  // said on stderr, in the run's language
};

HigherPlans find_higher_plans(const std::vector<BatchPlan>& plans, const RuleBook& book, Lang lang);

}  // namespace plancheck::cli
