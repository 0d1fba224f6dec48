// citation: the directive a plan cites must be the one of its round, with
// its date, not dated after the plan, and not superseded at the plan's date
// (docs/rules/citation.md). Same number, different document: Chỉ thị
// 35-CT/TW of 30/5/2019 and of 14/6/2024 are told apart by date and round.
#include <fmt/format.h>

#include "check/context.h"

namespace plancheck::checks {

namespace {

std::string date_or_none(const std::optional<CivilDate>& d, bool vi) {
  if (!d) return vi ? "không ghi ngày" : "no date";
  return vi ? vi_date(*d) : en_date(*d);
}

}  // namespace

void check_citation(const Rule& rule, Context& cx) {
  const Plan& plan = cx.plan;
  for (const auto& ref : plan.x->references) {
    if (!ref.id) continue;
    if (plan.number && *ref.id == *plan.number && ref.date == plan.date) continue;  // the plan itself
    // This rule looks after its own document and the documents it lists.
    const bool own = *ref.id == cx.set.number;
    const KnownDocument* listed = nullptr;
    for (const auto& doc : cx.set.documents)
      if (doc.id == *ref.id) listed = &doc;
    if (!own && !listed) continue;

    auto report = [&](Severity sev, std::string vi, std::string en) {
      auto& d = cx.add(rule, Category::citation, sev, std::nullopt, ref.span, std::move(vi), std::move(en));
      d.plan = TimeView{ref.text, std::nullopt, ref.date, ref.date};
      d.limit = LimitView{cx.set.number, cx.set.date, TimeView{}};
    };
    if (ref.date && plan.date && *ref.date > *plan.date) {
      report(Severity::error,
             fmt::format("Văn bản {} ngày {} được dẫn trong kế hoạch ban hành ngày {} (ngày văn bản sau ngày kế "
                         "hoạch)",
                         *ref.id, vi_date(*ref.date), vi_date(*plan.date)),
             fmt::format("{} of {} is cited by a plan dated {} (cited document dated after the plan)", *ref.id,
                         en_date(*ref.date), en_date(*plan.date)));
      continue;
    }
    if (listed) {
      if (ref.date && *ref.date != listed->date)
        report(Severity::error,
               fmt::format("Không có văn bản {} ngày {}: văn bản {} của đợt này ban hành ngày {}", *ref.id,
                           vi_date(*ref.date), *ref.id, vi_date(listed->date)),
               fmt::format("no {} of {} is known: the {} of this round is dated {}", *ref.id, en_date(*ref.date),
                           *ref.id, en_date(listed->date)));
      continue;
    }
    // The set's own number: another set with that number and this date is
    // another round's document.
    if (ref.date && *ref.date != cx.set.date) {
      const RuleSet* other = nullptr;
      for (const auto& [id, s] : cx.book.sets())
        if (s.number == *ref.id && s.date == *ref.date) other = &s;
      if (other) {
        const auto their = round_of(*other), ours = round_of(cx.set);
        report(Severity::error,
               fmt::format("Kế hoạch dẫn {} ngày {} (đợt Đại hội {}), nhưng chuẩn bị Đại hội {}: văn bản đúng là {} "
                           "ngày {}",
                           *ref.id, vi_date(*ref.date), their.value_or("?"), ours.value_or("?"), cx.set.number,
                           vi_date(cx.set.date)),
               fmt::format("the plan cites {} of {} (the {} congress round) but prepares the {} congress: the "
                           "directive is {} of {}",
                           *ref.id, en_date(*ref.date), their.value_or("?"), ours.value_or("?"), cx.set.number,
                           en_date(cx.set.date)));
      } else {
        report(Severity::error,
               fmt::format("Không có văn bản {} ngày {}: {} của đợt này ban hành ngày {}", *ref.id,
                           vi_date(*ref.date), cx.set.number, vi_date(cx.set.date)),
               fmt::format("no {} of {} is known: the {} of this round is dated {}", *ref.id, en_date(*ref.date),
                           cx.set.number, en_date(cx.set.date)));
      }
      continue;
    }
    if (cx.set.superseded_by && plan.date && *plan.date >= *cx.set.superseded_from) {
      const RuleSet* by = cx.book.find(*cx.set.superseded_by);
      const std::string by_name = by ? fmt::format("{} ngày {}", by->number, vi_date(by->date)) : *cx.set.superseded_by;
      const std::string by_name_en = by ? fmt::format("{} of {}", by->number, en_date(by->date)) : *cx.set.superseded_by;
      report(Severity::warning,
             fmt::format("Kế hoạch ngày {} dẫn {} ({}), văn bản đã được thay thế từ {} bởi {}", vi_date(*plan.date),
                         *ref.id, date_or_none(ref.date, true), vi_date(*cx.set.superseded_from), by_name),
             fmt::format("the plan of {} cites {} ({}), replaced from {} by {}", en_date(*plan.date), *ref.id,
                         date_or_none(ref.date, false), en_date(*cx.set.superseded_from), by_name_en));
    }
  }
}

}  // namespace plancheck::checks
