#include "higher_plans.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "messages.h"
#include "plancheck/analyze.h"
#include "plancheck/derive.h"
#include "plancheck/model.h"

namespace plancheck::cli {

namespace {

// A plan's own identity and document key, and the keys it cites.
struct Keys {
  std::optional<Reference> id;
  std::optional<std::string> own;
  std::set<std::string> cited;
};
Keys keys_of(const Extraction& x) {
  Keys k;
  k.id = plan_identity(x);
  if (k.id) k.own = document_key(*k.id);
  for (const auto& r : x.references)
    if (auto key = document_key(r); key && key != k.own) k.cited.insert(std::move(*key));
  return k;
}

// Whether two sets derived from plans of one identity set the same limits.
bool same_schedule(const RuleSet& a, const RuleSet& b) {
  if (a.rules.size() != b.rules.size()) return false;
  for (size_t i = 0; i < a.rules.size(); ++i) {
    const Rule &x = a.rules[i], &y = b.rules[i];
    if (x.id != y.id || x.level != y.level || x.limit.has_value() != y.limit.has_value()) return false;
    if (x.limit && (!(x.limit->time.period == y.limit->time.period) || x.limit->time.relation != y.limit->time.relation))
      return false;
  }
  return true;
}


}  // namespace

HigherPlans find_higher_plans(const std::vector<BatchPlan>& plans, const RuleBook& book, Lang lang) {
  HigherPlans out;
  if (plans.size() < 2) return out;
  // How many plans cite each key (a same-numbered plan of another place
  // has it as its own, which is no citation).
  std::vector<Keys> keys;
  keys.reserve(plans.size());
  std::map<std::string, size_t> citers;
  for (const BatchPlan& p : plans) {
    keys.push_back(keys_of(*p.model));
    for (const auto& k : keys.back().cited) ++citers[k];
  }
  struct Candidate {
    const BatchPlan* plan;
    const Keys* keys;
    std::string key;
    Level level;  // of its issuer: a province's plan is derived before its districts'
    CivilDate date;
  };
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < plans.size(); ++i) {
    const Keys& k = keys[i];
    if (!plans[i].text || !k.own || !citers.count(*k.own)) continue;
    const auto& id = k.id;
    if (!id->id || !id->date) continue;
    const Level level = issuer_code_level(canonical_issuer_code(id->issuer_code)).value_or(Level::branch);
    candidates.push_back({&plans[i], &k, *k.own, level, *id->date});
  }
  // Chains: a district plan derived with its province's set in the book
  // extends it, so a commune plan held to the district's is held to the
  // province's limits the district's does not restate.
  // By path within a level: the same sets and warnings whatever the inputs' order.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.level != b.level ? a.level > b.level : *a.plan->path < *b.plan->path;
  });
  // Two provinces number their plans alike: plans of one number and year
  // but different dates are different plans, told apart in their ids by
  // the day (a rule set's id names one set of the book).
  const auto ambiguous = [&](const Candidate& c) {
    return std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& o) {
      return o.key == c.key && o.date.year == c.date.year && !(o.date == c.date);
    });
  };
  struct Parent {
    std::string path;
    const Keys* keys;
    std::string key;
    RuleSet set;
  };
  std::vector<Parent> parents;
  RuleBook chained = book;
  for (const Candidate& c : candidates) {
    const std::string& path = *c.plan->path;
    try {
      // The plan as analyze() gave it, its text as kept for its report.
      Analysis plan;
      plan.text = *c.plan->text;
      plan.extraction = *c.plan->model;
      if (c.plan->origins) plan.origins = *c.plan->origins;
      RuleSet set = parse_rule_file(derive_rule_file(plan, chained, path), path);
      if (ambiguous(c)) {
        const std::string old = set.id;
        set.id = fmt::format("{}-{:02}{:02}", old, set.date.month, set.date.day);
        for (Rule& r : set.rules)
          if (r.id.rfind(old + "/", 0) == 0) r.id = set.id + r.id.substr(old.size());
      }
      if (book.find(set.id)) continue;  // a rule file stands for it
      if (!chained.find(set.id)) chained.add(set);
      parents.push_back({path, c.keys, c.key, std::move(set)});
    } catch (const std::exception&) {
      continue;  // not a plan that sets limits (DeriveError): nothing to hold others to
    }
  }
  // One identity more than once: the same plan in two files (a .txt and
  // its .docx) sets the same schedule and is followed once, from the first
  // file by path (whatever the order of the inputs); two drafts that
  // differ are not followed.
  std::vector<bool> drop(parents.size(), false);
  for (size_t a = 0; a < parents.size(); ++a) {
    if (drop[a]) continue;
    std::vector<size_t> group{a};
    for (size_t b = a + 1; b < parents.size(); ++b)
      if (parents[b].key == parents[a].key && parents[b].set.date == parents[a].set.date) group.push_back(b);
    if (group.size() == 1) continue;
    const bool one_plan = std::all_of(group.begin(), group.end(), [&](size_t k) {
      return same_schedule(parents[k].set, parents[a].set);
    });
    size_t first = a;
    std::string paths;
    for (size_t k : group) {
      drop[k] = true;
      if (parents[k].path < parents[first].path) first = k;
      paths += (paths.empty() ? "" : ", ") + parents[k].path;
    }
    if (one_plan) drop[first] = false;
    else out.warnings.push_back(say(msg::higher_plan_twice, lang, parents[a].set.number, paths));
  }
  for (size_t a = 0; a < parents.size(); ++a)
    for (size_t b = a + 1; b < parents.size(); ++b)
      if (!drop[a] && !drop[b] && parents[a].keys->cited.count(parents[b].key) &&
          parents[b].keys->cited.count(parents[a].key)) {
        out.warnings.push_back(say(msg::higher_plans_cite_each_other, lang, parents[a].path,
                                   parents[b].path));
        drop[a] = drop[b] = true;
      }
  for (size_t k = 0; k < parents.size(); ++k)
    if (!drop[k]) out.sets.push_back(std::move(parents[k].set));
  // The same sets whatever the order of the inputs.
  std::sort(out.sets.begin(), out.sets.end(), [](const RuleSet& a, const RuleSet& b) { return a.id < b.id; });
  return out;
}

}  // namespace plancheck::cli
