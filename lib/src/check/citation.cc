// citation: the directive a plan cites must be the one of its round, with
// its date, not dated after the plan, and not superseded at the plan's date
// (docs/rules/citation.md). Same number, different document: Chỉ thị
// 35-CT/TW of 30/5/2019 and of 14/6/2024 are told apart by date and round.
#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "check/context.h"

namespace plancheck::checks {

void check_citation(const Rule& rule, Context& cx) {
  const Plan& plan = cx.plan;
  // A document cited again with the same date is the same citation: judged
  // once, at its first mention (as references collapse by document).
  std::vector<std::pair<std::string, std::optional<CivilDate>>> judged;
  for (const auto& ref : plan.x->references) {
    if (!ref.id) continue;
    // Documents are compared by document_key: "35-CT/TƯ" is 35-CT/TW.
    const std::string key = *document_key(ref);
    if (std::find(judged.begin(), judged.end(), std::make_pair(key, ref.date)) != judged.end()) continue;
    judged.emplace_back(key, ref.date);
    if (plan.number && key == document_key(*plan.number) && ref.date == plan.date) continue;  // the plan itself
    // A plan's basis is issued before it. A higher committee's plan or
    // guidance cited with a later date is a wrong number or date (a district
    // plan of 20/9/2024 "thực hiện Kế hoạch 200-KH/TU ngày 10/10/2024"),
    // whatever rule set knows it. Lower or equal documents dated later are
    // what an article reports next (the districts' plans made under it).
    // (The centre's documents are the rule sets' own business, below.)
    if (ref.date && plan.date && *ref.date > *plan.date && plan.issuer_level) {
      const auto cited_level = issuer_code_level(ref.issuer_code);
      if (cited_level && *cited_level > *plan.issuer_level && *cited_level != Level::national) {
        auto& d = cx.add(rule, Category::citation, Severity::error, std::nullopt, ref.span,
                         both(msg::citation_after_plan, *ref.id, date_text(*ref.date), date_text(*plan.date)));
        d.plan = TimeView{ref.text, std::nullopt, ref.date, ref.date};
        continue;
      }
    }
    // This rule looks after its own document and the documents it lists.
    const bool own = key == document_key(cx.set.number);
    const KnownDocument* listed = nullptr;
    for (const auto& doc : cx.set.documents)
      if (document_key(doc.id) == key) listed = &doc;
    if (!own && !listed) continue;

    // `right`: the document the plan means, when the rule book knows it
    // (its number and date are the fix).
    auto report = [&](Severity sev, LocalText message, const std::string& right_number = {},
                      std::optional<CivilDate> right_date = std::nullopt) {
      auto& d = cx.add(rule, Category::citation, sev, std::nullopt, ref.span, std::move(message));
      d.plan = TimeView{ref.text, std::nullopt, ref.date, ref.date};
      d.limit = LimitView{cx.set.number, cx.set.date, TimeView{}};
      if (!right_number.empty() && right_date)
        set_fix(d, both(msg::fix_cite, right_number, plan_date(*right_date), date_text(*right_date)));
    };
    if (ref.date && plan.date && *ref.date > *plan.date) {
      report(Severity::error, both(msg::citation_after_plan, *ref.id, date_text(*ref.date), date_text(*plan.date)));
      continue;
    }
    if (listed) {
      if (ref.date && *ref.date != listed->date)
        report(Severity::error, both(msg::citation_unknown_date, *ref.id, date_text(*ref.date), *ref.id,
                                     date_text(listed->date)),
               *ref.id, listed->date);
      continue;
    }
    // The set's own number: another set with that number and this date is
    // another round's document.
    if (ref.date && *ref.date != cx.set.date) {
      const RuleSet* other = nullptr;
      for (const auto& [id, s] : cx.book.sets())
        if (document_key(s.number) == key && s.date == *ref.date) other = &s;
      if (other) {
        const auto their = round_of(*other), ours = round_of(cx.set);
        report(Severity::error, both(msg::citation_other_round, *ref.id, date_text(*ref.date), their.value_or("?"),
                                     ours.value_or("?"), document_text(cx.set)),
               cx.set.number, cx.set.date);
      } else {
        report(Severity::error,
               both(msg::citation_unknown_date, *ref.id, date_text(*ref.date), cx.set.number, date_text(cx.set.date)),
               cx.set.number, cx.set.date);
      }
      continue;
    }
    if (cx.set.superseded_by && plan.date && *plan.date >= *cx.set.superseded_from) {
      const RuleSet* by = cx.book.find(*cx.set.superseded_by);
      const LocalText by_name = by ? document_text(*by) : LocalText{*cx.set.superseded_by, *cx.set.superseded_by};
      report(Severity::warning,
             both(msg::citation_superseded, date_text(*plan.date), *ref.id,
                  ref.date ? date_text(*ref.date) : both(msg::citation_no_date), date_text(*cx.set.superseded_from),
                  by_name),
             by ? by->number : std::string(), by ? std::optional<CivilDate>(by->date) : std::nullopt);
    }
  }
}

}  // namespace plancheck::checks
