// The checks by kind, on plan sentences written the way district and
// provincial plans write them, against the shipped rule sets.
#include <gtest/gtest.h>

#include <algorithm>

#include "plancheck/analyze.h"
#include "plancheck/check.h"
#include "plancheck/extract.h"
#include "plancheck/text.h"

namespace plancheck {
namespace {

const RuleBook& book() {
  static const RuleBook b = [] {
    RuleBook b = RuleBook::builtin();
    b.validate();
    return b;
  }();
  return b;
}

std::vector<Diagnostic> check_text(const std::string& s, const std::string& ruleset = "") {
  const Extraction x = analyze_utf8(s, "plan.txt").extraction;
  const auto sets = ruleset.empty() ? book().select(x) : book().with_extended(*book().find(ruleset));
  return check(x, sets, book());
}

std::vector<std::string> rules_of(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.rule);
  return out;
}

const Diagnostic* find(const std::vector<Diagnostic>& ds, const std::string& rule) {
  for (const auto& d : ds)
    if (d.rule == rule) return &d;
  return nullptr;
}

constexpr const char* kHeader =
    "Ban Thường vụ Huyện ủy Lạc Dương ban hành Kế hoạch số 172-KH/HU ngày 20/9/2024 thực hiện Chỉ thị số "
    "35-CT/TW ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030, tiến tới Đại hội "
    "đại biểu toàn quốc lần thứ XIV của Đảng. ";

TEST(Deadline, LateMonthIsAnErrorUnderBothReadings) {
  const auto ds = check_text(std::string(kHeader) + "Đại hội đảng bộ cơ sở hoàn thành trong tháng 7/2025.");
  const Diagnostic* d = find(ds, "tw-35-2024/grassroots-deadline");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(d->category, Category::deadline);
  EXPECT_EQ(d->severity, Severity::error);
  EXPECT_EQ(d->level, Level::grassroots);
  ASSERT_TRUE(d->plan && d->plan->end);
  EXPECT_EQ(d->plan->end->iso(), "2025-07-31");
  ASSERT_TRUE(d->limit);
  EXPECT_EQ(d->limit->directive, "35-CT/TW");
  EXPECT_EQ(d->limit->date->iso(), "2024-06-14");
  EXPECT_EQ(d->limit->time.end->iso(), "2025-06-30");
  ASSERT_TRUE(d->span);
  EXPECT_EQ(d->span->line, 1u);
}

TEST(Deadline, SameWordingAsTheDirectiveIsClean) {
  const auto ds = check_text(std::string(kHeader) +
                             "Đại hội đảng bộ cơ sở hoàn thành trước ngày 30/6/2025. Đại hội Đảng bộ huyện hoàn "
                             "thành trước ngày 31/8/2025.");
  for (const auto& d : ds) EXPECT_NE(d.category, Category::deadline) << d.rule;
  for (const auto& d : ds) EXPECT_NE(d.category, Category::tight) << d.rule;
}

TEST(Deadline, EndingOnTheDeadlineDayIsTightNotAnError) {
  const auto ds = check_text(std::string(kHeader) + "Đại hội đảng bộ cơ sở hoàn thành trong tháng 6/2025.");
  const Diagnostic* d = find(ds, "tw-35-2024/grassroots-deadline");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->category, Category::tight);
  EXPECT_EQ(d->severity, Severity::note);  // the shipped rule reads "trước ngày" inclusively
}

TEST(Deadline, DoneStatementsAreNotPlans) {
  const auto ds = check_text(std::string(kHeader) +
                             "Đến ngày 22/7/2025, 100% đảng bộ cơ sở đã hoàn thành đại hội. Đại hội đảng bộ cơ sở "
                             "hoàn thành trước ngày 30/6/2025.");
  EXPECT_EQ(find(ds, "tw-35-2024/grassroots-deadline"), nullptr) << ::testing::PrintToString(rules_of(ds));
}

TEST(Deadline, ASubUnitsOwnPlanQuotedInTheArticleIsNotTheDistricts) {
  // DOMAIN.md §5: a commune secretary quoted in the district's article.
  const std::string quoted =
      std::string(kHeader) +
      "Đại hội các đảng bộ cơ sở hoàn thành trước ngày 30/6/2025.\nĐồng chí Lê Văn Tâm, Bí thư Đảng ủy xã Đạ "
      "Sar cho biết: “Các chi bộ trực thuộc hoàn thành đại hội trong tháng 2/2025 để kịp tổ chức Đại hội Đảng "
      "bộ xã trong tháng 7/2025”.";
  auto ds = check_text(quoted);
  EXPECT_EQ(find(ds, "tw-35-2024/grassroots-deadline"), nullptr) << ::testing::PrintToString(rules_of(ds));
  // The same words said by the district's own secretary are the district's plan.
  std::string own = quoted;
  own.replace(own.find("Bí thư Đảng ủy xã Đạ Sar"), std::string("Bí thư Đảng ủy xã Đạ Sar").size(),
              "Bí thư Huyện ủy Lạc Dương");
  ds = check_text(own);
  EXPECT_NE(find(ds, "tw-35-2024/grassroots-deadline"), nullptr) << ::testing::PrintToString(rules_of(ds));
}

TEST(Rounds, ThePlanDateComesFromTheHeaderLineUnderItsNumber) {
  // An official header: the number, then "Place, ngày … tháng … năm …".
  const std::string plan =
      "HUYỆN ỦY LÂM HÀ\nSố 205-KH/HU\nLâm Hà, ngày 15 tháng 10 năm 2024\n\nKẾ HOẠCH\nThực hiện Chỉ thị số "
      "35-CT/TW ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030.\nĐại hội đảng bộ "
      "cơ sở hoàn thành trong tháng 7/2025.";
  Text text(plan);
  const Extraction x = extract(text, "plan.txt");
  const auto id = plan_identity(x);
  ASSERT_TRUE(id && id->date);
  EXPECT_EQ(*id->id, "205-KH/HU");
  EXPECT_EQ(id->date->iso(), "2024-10-15");
  // Dated before Chỉ thị 45 replaced it: held to Chỉ thị 35 of 2024 only.
  const auto sets = book().select(x);
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(sets[0]->id, "tw-35-2024");
}

TEST(Rounds, ADatelessReportIsPlacedByTheFirstDateItSchedules) {
  const auto ds = check_text(
      "Các đại hội chi bộ bắt đầu tổ chức từ giữa tháng 10/2024. Đại hội đảng bộ, chi bộ cơ sở hoàn thành trong "
      "tháng 7/2025.");
  EXPECT_NE(find(ds, "tw-35-2024/grassroots-deadline"), nullptr) << ::testing::PrintToString(rules_of(ds));
}

TEST(Rounds, A2019PlanIsHeldToThe2019Deadlines) {
  const auto ds = check_text(
      "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị, Huyện ủy ban hành Kế hoạch số 45-KH/HU ngày "
      "10/10/2019 về đại hội đảng bộ các cấp nhiệm kỳ 2020 - 2025. Đại hội đảng bộ cơ sở hoàn thành trong tháng "
      "7/2020.");
  ASSERT_NE(find(ds, "tw-35-2019/grassroots-deadline"), nullptr) << ::testing::PrintToString(rules_of(ds));
  for (const auto& d : ds) EXPECT_EQ(d.rule.rfind("tw-35-2024", 0), std::string::npos) << d.rule;
}

TEST(Start, BeforeTheEarliestStartOfTheProvincialPlan) {
  const auto ds = check_text(std::string(kHeader) +
                                 "Đại hội các đảng bộ cơ sở bắt đầu từ tháng 3/2025, hoàn thành trước ngày 30/6/2025.",
                             "ha-tinh-2024");
  const Diagnostic* d = find(ds, "ha-tinh-2024/grassroots-start");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(d->category, Category::start);
  EXPECT_EQ(d->plan->start->iso(), "2025-03-01");
}

TEST(Extends, AProvinceStricterThanTheCentreIsCheckedWithBoth) {
  const auto ds = check_text(std::string(kHeader) + "Đại hội Đảng bộ huyện hoàn thành trước ngày 30/8/2025.",
                             "ha-tinh-2024");
  EXPECT_NE(find(ds, "ha-tinh-2024/district-deadline"), nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(find(ds, "tw-35-2024/district-deadline"), nullptr);  // 30/8 is inside the centre's 31/8
}

TEST(Restated, AHigherPlanRestatedInThePlanIsALimit) {
  const auto ds = check_text(std::string(kHeader) +
                             "Theo Kế hoạch số 96-KH/TU ngày 26/8/2024 của Tỉnh ủy, các đại hội cấp cơ sở còn lại "
                             "tiến hành từ tháng 4/2025, hoàn thành trước ngày 30/6/2025. Huyện ủy chỉ đạo đại hội "
                             "các đảng bộ cơ sở tiến hành từ tháng 3/2025.");
  const Diagnostic* d = find(ds, "restated/grassroots-start");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(d->limit->directive, "96-KH/TU");
}

TEST(Order, ALevelDueBeforeTheLevelBelowIsAnError) {
  const auto ds = check_text(std::string(kHeader) +
                             "Đại hội đảng bộ cơ sở hoàn thành trước ngày 30/6/2025. Đại hội đại biểu Đảng bộ huyện "
                             "lần thứ XIV tổ chức từ ngày 25 - 27/6/2025.");
  const Diagnostic* d = find(ds, "tw-35-2024/order");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(d->severity, Severity::error);
  EXPECT_EQ(d->level, Level::district);
}

TEST(Order, ThePlansOwnCongressStartingEarlyIsAWarning) {
  const auto ds = check_text(std::string(kHeader) +
                             "Đại hội đảng bộ cơ sở hoàn thành trước ngày 30/6/2025. Đại hội đại biểu Đảng bộ huyện "
                             "lần thứ XIV bắt đầu từ tháng 6/2025, hoàn thành trước ngày 31/8/2025.");
  const Diagnostic* d = find(ds, "tw-35-2024/order");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(d->severity, Severity::warning);
}

// Issue 24's defect: a commune congress "trong tháng 3/2025" while its
// branches run to 15/3 can be held on 1/3, before they end: an error, as
// spec/check-json.md says; a span of months ("từ tháng 6 đến tháng 8")
// says when the work runs and stays a warning.
TEST(Order, ThePlansOwnCongressInAPeriodThatCanEndBeforeTheLevelBelowIsAnError) {
  const std::string head =
      "Đảng ủy xã Sơn Tây ban hành Kế hoạch số 15-KH/ĐU ngày 10/10/2024 thực hiện Chỉ thị số 35-CT/TW ngày "
      "14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030. Đại hội các chi bộ trực thuộc "
      "hoàn thành trước ngày 15/3/2025. ";
  auto ds = check_text(head + "Đại hội Đảng bộ xã Sơn Tây lần thứ XXV, nhiệm kỳ 2025 - 2030 tổ chức trong tháng 3/2025.");
  const Diagnostic* d = find(ds, "tw-35-2024/order");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(d->severity, Severity::error);
  EXPECT_EQ(d->level, Level::grassroots);
  EXPECT_NE(d->message_en.find("as early as 1 March 2025"), std::string::npos) << d->message_en;
  ds = check_text(head + "Đại hội Đảng bộ xã Sơn Tây lần thứ XXV, nhiệm kỳ 2025 - 2030 tổ chức trong tháng 4/2025.");
  EXPECT_EQ(find(ds, "tw-35-2024/order"), nullptr) << ::testing::PrintToString(rules_of(ds));
}

// Issue 24's defect: "tổ chức trong tháng 8/2025, hoàn thành trước ngày
// 20/8/2025" ends on 20/8: against 31/8 it is neither late nor tight.
TEST(Deadline, ACompletionInTheSameSentenceEndsTheWindow) {
  auto ds = check_text(std::string(kHeader) +
                       "Đại hội đại biểu Đảng bộ huyện Lạc Dương lần thứ XII, nhiệm kỳ 2025 - 2030 tổ chức trong "
                       "tháng 8/2025, hoàn thành trước ngày 20/8/2025.");
  EXPECT_EQ(find(ds, "tw-35-2024/district-deadline"), nullptr) << ::testing::PrintToString(rules_of(ds));
  // The month alone still ends on the deadline day: tight.
  ds = check_text(std::string(kHeader) +
                  "Đại hội đại biểu Đảng bộ huyện Lạc Dương lần thứ XII, nhiệm kỳ 2025 - 2030 tổ chức trong tháng "
                  "8/2025.");
  const Diagnostic* d = find(ds, "tw-35-2024/district-deadline");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(d->category, Category::tight);
}

TEST(Order, OverlapOfWholeLevelsInAProvincePlanIsSilent) {
  const auto ds = check_text(
      "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 96-KH/TU ngày 26/8/2024 thực hiện Chỉ thị số 35-CT/TW ngày "
      "14/6/2024 về đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030. Đại hội cấp cơ sở hoàn thành trước ngày 30/6/2025. "
      "Đại hội cấp trên trực tiếp cơ sở bắt đầu từ tháng 6/2025, hoàn thành trước ngày 25/8/2025.");
  EXPECT_EQ(find(ds, "tw-35-2024/order"), nullptr) << ::testing::PrintToString(rules_of(ds));
}

TEST(Pilot, APilotAfterTheMassStartsIsAnError) {
  const auto ds = check_text(std::string(kHeader) +
                             "Đại hội các đảng bộ cơ sở tiến hành từ tháng 4/2025, hoàn thành trước ngày 30/6/2025. "
                             "Ban Thường vụ Huyện ủy chọn Đảng bộ xã Đạ Nhim làm điểm đại hội cấp cơ sở, tổ chức trong "
                             "tháng 5/2025.");
  const Diagnostic* d = find(ds, "tw-35-2024/grassroots-pilot");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(d->category, Category::pilot);
  // The pilot unit's own congress in May is not a violation of the mass schedule.
  for (const auto& x : ds) EXPECT_NE(x.category, Category::start) << x.rule;
}

TEST(Pilot, APilotBeforeTheMassIsClean) {
  const auto ds = check_text(std::string(kHeader) +
                             "Đại hội các đảng bộ cơ sở tiến hành từ tháng 4/2025, hoàn thành trước ngày 30/6/2025. "
                             "Ban Thường vụ Huyện ủy chọn Đảng bộ xã Đạ Nhim làm điểm đại hội cấp cơ sở, tổ chức trong "
                             "tháng 3/2025.");
  EXPECT_EQ(find(ds, "tw-35-2024/grassroots-pilot"), nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(find(ds, "tw-35-2024/require"), nullptr);
}

// Held to a province's plan and the directive it extends, both with a
// grassroots pilot rule: the pilot that overlaps the plan's own "từ tháng
// 1/2025" is one finding (each set found it alike), reported once.
TEST(Pilot, OneFindingFromTwoSetsIsReportedOnce) {
  const auto ds = check_text(std::string(kHeader) +
                                 "Đại hội đảng bộ cơ sở bắt đầu từ tháng 1/2025 và hoàn thành trước ngày 30/6/2025. "
                                 "Ban Thường vụ Huyện ủy chọn Đảng bộ xã Đạ Sar tổ chức đại hội điểm trong tháng 1/2025.",
                             "ha-tinh-2024");
  int pilot = 0;
  for (const auto& d : ds) pilot += d.category == Category::pilot;
  EXPECT_EQ(pilot, 1) << ::testing::PrintToString(rules_of(ds));
  const Diagnostic* d = find(ds, "ha-tinh-2024/grassroots-pilot");  // the more specific set keeps it
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_NE(d->message_en.find("từ tháng 1/2025"), std::string::npos) << d->message_en;
}

// An article states its pilot in the title, the lead and the body (corpus
// 036): one statement, so one finding, where it is first made.
TEST(Pilot, APilotStatementRestatedIsOneFinding) {
  const auto ds = check_text(
      "Huyện ủy Lạc Dương tổ chức đại hội điểm cấp cơ sở trong tháng 7/2025\n" + std::string(kHeader) +
      "Theo kế hoạch, Huyện ủy tổ chức đại hội điểm cấp cơ sở trong tháng 7/2025. Đại hội đảng bộ cơ sở hoàn "
      "thành trước ngày 30/6/2025. Ban Thường vụ Huyện ủy chọn Đảng bộ xã Đạ Sar tổ chức đại hội điểm trong tháng "
      "7/2025.");
  std::vector<const Diagnostic*> pilot;
  for (const auto& d : ds)
    if (d.category == Category::pilot) pilot.push_back(&d);
  ASSERT_EQ(pilot.size(), 1u) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(pilot[0]->span->line, 1u);
}

TEST(Pilot, APilotThatCanEndAfterThePlansOwnCompletionIsAnError) {
  // No start stated: the pilot is held to the level's completion instead.
  const auto late = check_text(std::string(kHeader) +
                               "Đại hội đảng bộ, chi bộ cơ sở hoàn thành trước ngày 10.6.2025. Ban Thường vụ Huyện ủy "
                               "chọn Đảng bộ xã Hiệp An tổ chức đại hội điểm cấp cơ sở trong tháng 6/2025.");
  const Diagnostic* d = find(late, "tw-35-2024/grassroots-pilot");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(late));
  ASSERT_TRUE(d->limit.has_value());
  EXPECT_EQ(d->limit->time.text, "trước ngày 10.6.2025");
  const auto early = check_text(std::string(kHeader) +
                                "Đại hội đảng bộ, chi bộ cơ sở hoàn thành trước ngày 10.6.2025. Ban Thường vụ Huyện ủy "
                                "chọn Đảng bộ xã Hiệp An tổ chức đại hội điểm cấp cơ sở trong tháng 3/2025.");
  EXPECT_EQ(find(early, "tw-35-2024/grassroots-pilot"), nullptr) << ::testing::PrintToString(rules_of(early));
}

TEST(Require, NoPilotAndNoCompletionTime) {
  const auto ds = check_text(std::string(kHeader) + "Đại hội các đảng bộ cơ sở bắt đầu từ tháng 4/2025.");
  int missing = 0;
  for (const auto& d : ds)
    if (d.category == Category::missing) {
      ++missing;
      EXPECT_EQ(d.rule, "tw-35-2024/require");
    }
  EXPECT_EQ(missing, 2) << ::testing::PrintToString(rules_of(ds));
}

TEST(Citation, TheDirectiveOfAnotherRound) {
  const auto ds = check_text(
      "Huyện ủy ban hành Kế hoạch số 172-KH/HU ngày 20/9/2024 thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ "
      "Chính trị về đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030. Đại hội đảng bộ cơ sở hoàn thành trước ngày "
      "30/6/2025.");
  const Diagnostic* d = find(ds, "tw-35-2024/citation");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(d->severity, Severity::error);
  EXPECT_NE(d->message_en.find("XIII"), std::string::npos) << d->message_en;
}

// "35-CT/TƯ" (Trung ương written TƯ) is Chỉ thị 35-CT/TW: the same rule
// sets answer for it, and its 2019 date is another round's.
TEST(Citation, TheDirectiveWrittenTUIsTheSameDocument) {
  const auto ds = check_text(
      "Huyện ủy ban hành Kế hoạch số 172-KH/HU ngày 20/9/2024 thực hiện Chỉ thị số 35-CT/TƯ ngày 30/5/2019 của Bộ "
      "Chính trị về đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030. Đại hội đảng bộ cơ sở hoàn thành trước ngày "
      "30/6/2025.");
  const Diagnostic* d = find(ds, "tw-35-2024/citation");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_NE(d->message_en.find("XIII"), std::string::npos) << d->message_en;
  EXPECT_NE(d->message_en.find("35-CT/TƯ"), std::string::npos) << d->message_en;  // named as written
}

// The wrong directive cited twice with the same date (corpus 016): one
// citation, one finding, at the first mention.
TEST(Citation, TheSameWrongCitationTwiceIsOneFinding) {
  const auto ds = check_text(
      "Huyện ủy ban hành Kế hoạch số 172-KH/HU ngày 20/9/2024 thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ "
      "Chính trị về đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030.\nĐại hội đảng bộ cơ sở hoàn thành trước ngày "
      "30/6/2025.\nCác cấp ủy bám sát Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị.");
  int citation = 0;
  for (const auto& d : ds)
    if (d.category == Category::citation) {
      ++citation;
      EXPECT_EQ(d.span->line, 1u);
    }
  EXPECT_EQ(citation, 1) << ::testing::PrintToString(rules_of(ds));
}

TEST(Citation, ASupersededDirectiveCitedAfterItWasReplaced) {
  const auto ds = check_text(
      "Đảng ủy xã ban hành Kế hoạch số 12-KH/ĐU ngày 20/5/2025 thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ "
      "Chính trị về đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030; đại hội đảng bộ xã hoàn thành trước ngày "
      "30/6/2025.");
  const Diagnostic* d = find(ds, "tw-35-2024/citation");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(d->severity, Severity::warning);
  EXPECT_NE(d->message_en.find("45-CT/TW"), std::string::npos) << d->message_en;
}

TEST(Citation, AGuidanceWithAWrongDate) {
  const auto ds = check_text(std::string(kHeader) +
                             "Căn cứ Hướng dẫn số 27-HD/BTCTW ngày 26/9/2024 của Ban Tổ chức Trung ương. Đại hội đảng "
                             "bộ cơ sở hoàn thành trước ngày 30/6/2025.");
  ASSERT_NE(find(ds, "tw-35-2024/citation"), nullptr) << ::testing::PrintToString(rules_of(ds));
}

// Every province numbers its plans alike: a rule set for Lâm Đồng's
// 96-KH/TU holds a plan that cites 96-KH/TU only when the citation is that
// plan — its date, or its issuer's place — and a number alone gives a note.
TEST(Identity, ALocalPlanIsCitedByNumberWithDateOrPlaceNotByNumberAlone) {
  RuleBook b = RuleBook::builtin();
  b.add(parse_rule_file(R"(id = "lam-dong-96"
kind = "plan"
title = "Kế hoạch 96-KH/TU của Ban Thường vụ Tỉnh ủy Lâm Đồng"
number = "96-KH/TU"
date = 2024-08-20
issuer = "Ban Thường vụ Tỉnh ủy Lâm Đồng"
term = "2025-2030"
extends = ["tw-35-2024"]
source.vi = "thử"
source.en = "test"
[[deadline]]
level = "grassroots"
limit = "hoàn thành trước ngày 31/5/2025"
summary.vi = "x"
summary.en = "x"
)", "lam-dong.toml"));
  auto run = [&](const std::string& cited) {
    const Extraction x = analyze_utf8("Ban Thường vụ Huyện ủy Can Lộc ban hành Kế hoạch số 77-KH/HU ngày 12/9/2024 "
                                      "thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị và " +
                                          cited + " về đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030. Đại hội đảng bộ "
                                                  "cơ sở hoàn thành trước ngày 15/6/2025.",
                                      "plan.txt")
                              .extraction;
    return check(x, b.select(x), b);
  };
  // Another province's plan of the same number: not applied, nothing said.
  auto ds = run("Kế hoạch số 96-KH/TU của Ban Thường vụ Tỉnh ủy Hà Tĩnh");
  EXPECT_EQ(find(ds, "lam-dong-96/grassroots-deadline"), nullptr) << ::testing::PrintToString(rules_of(ds));
  ds = run("Kế hoạch số 96-KH/TU ngày 26/8/2024 của Ban Thường vụ Tỉnh ủy");  // another date
  EXPECT_EQ(find(ds, "lam-dong-96/grassroots-deadline"), nullptr) << ::testing::PrintToString(rules_of(ds));
  // The number alone: a note that names the set, no deadline from it.
  ds = run("Kế hoạch số 96-KH/TU của Ban Thường vụ Tỉnh ủy");
  EXPECT_EQ(find(ds, "lam-dong-96/grassroots-deadline"), nullptr) << ::testing::PrintToString(rules_of(ds));
  const Diagnostic* note = find(ds, "tw-35-2024/citation");
  ASSERT_NE(note, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(note->severity, Severity::note);
  EXPECT_NE(note->message_en.find("--ruleset lam-dong-96"), std::string::npos) << note->message_en;
  // That plan, by its place or by its date: its stricter deadline holds.
  for (const std::string cited : {"Kế hoạch số 96-KH/TU của Ban Thường vụ Tỉnh ủy Lâm Đồng",
                                  "Kế hoạch số 96-KH/TU ngày 20/8/2024 của Ban Thường vụ Tỉnh ủy"}) {
    ds = run(cited);
    const Diagnostic* d = find(ds, "lam-dong-96/grassroots-deadline");
    ASSERT_NE(d, nullptr) << cited << ": " << ::testing::PrintToString(rules_of(ds));
    EXPECT_EQ(d->severity, Severity::error);
    EXPECT_EQ(find(ds, "tw-35-2024/citation"), nullptr) << cited;
  }
}

// A plan's basis is issued before it: a higher committee's plan cited with
// a later date is a wrong number or date; a lower one dated later is a plan
// made under it, which an article reports next.
TEST(Citation, AHigherPlanDatedAfterThePlanButNotALowerOne) {
  const std::string head =
      "Ban Thường vụ Huyện ủy Hương Sơn ban hành Kế hoạch số 180-KH/HU ngày 20/9/2024 thực hiện Chỉ thị số "
      "35-CT/TW ngày 14/6/2024 của Bộ Chính trị và ";
  const std::string body =
      " về đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030. Đại hội đảng bộ cơ sở hoàn thành trước ngày 30/6/2025.";
  auto ds = check_text(head + "Kế hoạch số 200-KH/TU ngày 10/10/2024 của Ban Thường vụ Tỉnh ủy Hà Tĩnh" + body);
  const Diagnostic* d = find(ds, "tw-35-2024/citation");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(d->severity, Severity::error);
  EXPECT_NE(d->message_en.find("200-KH/TU"), std::string::npos) << d->message_en;
  ds = check_text(head + "Kế hoạch số 90-KH/TU ngày 10/8/2024 của Ban Thường vụ Tỉnh ủy Hà Tĩnh" + body +
                  " Đảng ủy xã Sơn Tây đã ban hành Kế hoạch số 15-KH/ĐU ngày 2/10/2024.");
  // No error; the province's plan, which no set stands for, is named in a note.
  d = find(ds, "tw-35-2024/citation");
  ASSERT_NE(d, nullptr) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(d->severity, Severity::note);
  EXPECT_NE(d->message_en.find("90-KH/TU of 10 August 2024 is cited but is neither in the batch nor in the rule sets"),
            std::string::npos)
      << d->message_en;
  EXPECT_EQ(std::count_if(ds.begin(), ds.end(), [](const Diagnostic& x) { return x.rule == "tw-35-2024/citation"; }), 1);
}

// A plan read as nothing must not pass as clean: the opening of a real
// article (corpus 005) in VNI read as Windows-1252, and typed without
// diacritics, and an article with no congress statement at all. Each gets
// one warning of its own, with or without a rule set that applies.
constexpr const char* kVniAsLatin1 =
    "Huyeän Viï Thuûy: 46/49 chi, ñaûng boä tröïc thuoäc Huyeän uûy hoaøn thaønh ñaïi hoäi\n"
    "\n"
    "01/04/2020 | 08:54 GMT+7\n"
    "\n"
    "(HG) - Ñeán nay, ñaõ coù 46/49 chi, ñaûng boä tröïc thuoäc Huyeän uûy Viï Thuûy toå chöùc xong ñaïi hoäi nhieäm kyø 2020-2025, trong ñoù coù 12 ñaûng boä vaø 34 chi boä. Taïi ñaïi hoäi naøy, 2 xaõ Viõnh Trung vaø Viï Thaéng baàu tröïc tieáp biù thö. Coøn laïi 3 ñaûng boä, goàm: Ñaûng boä Trung taâm y teá, Ñaûng boä xaõ Viï Thanh vaø Ñaûng boä xaõ Viõnh Töôøng theo keá hoaïch seõ toå chöùc hoaøn thaønh vaøo cuoái thaùng 3. Tuy nhieân, thöïc hieän theo Coâng vaên 1245 cuûa Tiûnh uûy veà vieäc taïm döøng toå chöùc ñaïi hoäi ñaûng boä caùc caáp vaø caùc hoaït ñoäng hoäi hoïp ñoâng\n";
constexpr const char* kWithoutDiacritics =
    "Huyen Vi Thuy: 46/49 chi, dang bo truc thuoc Huyen uy hoan thanh dai hoi\n"
    "\n"
    "01/04/2020 | 08:54 GMT+7\n"
    "\n"
    "(HG) - Den nay, da co 46/49 chi, dang bo truc thuoc Huyen uy Vi Thuy to chuc xong dai hoi nhiem ky 2020-2025, trong do co 12 dang bo va 34 chi bo. Tai dai hoi nay, 2 xa Vinh Trung va Vi Thang bau truc tiep bi thu. Con lai 3 dang bo, gom: Dang bo Trung tam y te, Dang bo xa Vi Thanh va Dang bo xa Vinh Tuong theo ke hoach se to chuc hoan thanh vao cuoi thang 3. Tuy nhien, thuc hien theo Cong van 1245 cua Tinh uy ve viec tam dung to chuc dai hoi dang bo cac cap va cac hoat dong hoi hop dong nguoi, Huyen uy Vi Thuy da tam dinh to chuc dai hoi o 3 don vi nay cho den khi nao co chi dao moi.\n"
    "\n"
    "THU\n";

TEST(Reading, ALegacyEncodingReadAsLatin1IsOneWarning) {
  const auto ds = check_text(kVniAsLatin1);
  ASSERT_EQ(ds.size(), 1u) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(ds[0].rule, "plancheck/legacy-encoding");
  EXPECT_EQ(ds[0].severity, Severity::warning);
  EXPECT_EQ(ds[0].category, Category::text);
  ASSERT_TRUE(ds[0].span);
  EXPECT_EQ(ds[0].span->line, 1u);
  EXPECT_NE(ds[0].message_en.find("Huyeän"), std::string::npos) << ds[0].message_en;  // the word, as written
}

TEST(Reading, TextWithoutDiacriticsIsOneWarningNotOnePerKeyword) {
  const auto ds = check_text(kWithoutDiacritics);
  ASSERT_EQ(ds.size(), 1u) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(ds[0].rule, "plancheck/no-diacritics");
  EXPECT_EQ(ds[0].category, Category::text);
}

TEST(Reading, NothingReadIsAWarningAndARealPlanIsNot) {
  const auto ds = check_text(
      "Sáng 12/3, tại hội trường UBND huyện, Huyện ủy tổ chức hội nghị sơ kết công tác quý I. Các đại biểu đánh "
      "giá kết quả phát triển kinh tế - xã hội, bàn giải pháp cho những tháng còn lại của năm.");
  ASSERT_EQ(ds.size(), 1u) << ::testing::PrintToString(rules_of(ds));
  EXPECT_EQ(ds[0].rule, "plancheck/nothing-read");
  EXPECT_EQ(ds[0].category, Category::missing);
  EXPECT_FALSE(ds[0].span);
  const auto plan = check_text(std::string(kHeader) + "Đại hội đảng bộ cơ sở hoàn thành trước ngày 30/6/2025.");
  for (const auto& d : plan) EXPECT_EQ(d.rule.rfind("plancheck/", 0), std::string::npos) << d.rule;
}

TEST(Text, TyposAndImpossibleDates) {
  const auto ds = check_text(std::string(kHeader) +
                             "Đại hội chi bộ trực thuộc hoàn thành trước ngafy 31/2/2025. Đại hội đảng bộ cơ sở hoàn "
                             "thành trước ngày 30/6/2025.");
  int text = 0;
  for (const auto& d : ds) text += d.category == Category::text;
  EXPECT_GE(text, 1) << ::testing::PrintToString(rules_of(ds));
}

TEST(Diagnostics, FingerprintsDoNotDependOnLines) {
  const std::string body = "Đại hội đảng bộ cơ sở hoàn thành trong tháng 7/2025.";
  const auto a = check_text(std::string(kHeader) + body);
  const auto b = check_text(std::string(kHeader) + "\n\nMột đoạn khác.\n" + body);
  const Diagnostic* da = find(a, "tw-35-2024/grassroots-deadline");
  const Diagnostic* db = find(b, "tw-35-2024/grassroots-deadline");
  ASSERT_TRUE(da && db);
  EXPECT_NE(da->span->line, db->span->line);
  EXPECT_EQ(da->fingerprint, db->fingerprint) << da->plan->text << " | " << db->plan->text << " | " << da->limit->time.text << " | " << db->limit->time.text;
}

}  // namespace
}  // namespace plancheck

namespace plancheck {
namespace {

// Diagnostic::fix: the words to write instead, in both languages; and the
// plan with them written in is clean of that finding (the fix is a fix).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(Fix, ADeadlineSaysCompleteByTheLimitsWords) {
  const std::string plan = std::string(kHeader) + "Đại hội đảng bộ cơ sở hoàn thành trong tháng 7/2025.";
  const Diagnostic* d = nullptr;
  const auto ds = check_text(plan);
  ASSERT_NE(d = find(ds, "tw-35-2024/grassroots-deadline"), nullptr);
  EXPECT_EQ(d->fix_vi, "hoàn thành trước ngày 30/6/2025");
  EXPECT_EQ(d->fix_en, "complete by 30 June 2025 (in the plan: \"hoàn thành trước ngày 30/6/2025\")");
  const auto fixed = check_text(replaced(plan, "hoàn thành trong tháng 7/2025", d->fix_vi));
  for (const auto& x : fixed) EXPECT_TRUE(x.category != Category::deadline && x.category != Category::tight) << x.rule;
}

TEST(Fix, AnEarlyStartSaysStartFromTheLimit) {
  const std::string plan =
      std::string(kHeader) + "Đại hội các đảng bộ cơ sở bắt đầu từ tháng 3/2025, hoàn thành trước ngày 30/6/2025.";
  const auto ds = check_text(plan, "ha-tinh-2024");
  const Diagnostic* d = find(ds, "ha-tinh-2024/grassroots-start");
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(d->limit && d->limit->time.start);
  EXPECT_EQ(d->fix_vi.rfind("bắt đầu ", 0), 0u) << d->fix_vi;
  EXPECT_NE(d->fix_en.find(date_text(*d->limit->time.start).en), std::string::npos) << d->fix_en;
  const auto fixed = check_text(replaced(plan, "bắt đầu từ tháng 3/2025", d->fix_vi), "ha-tinh-2024");
  EXPECT_EQ(find(fixed, "ha-tinh-2024/grassroots-start"), nullptr) << d->fix_vi;
}

TEST(Fix, APilotAfterTheMassStartsSaysTheDayBefore) {
  const std::string plan = std::string(kHeader) +
                           "Đại hội các đảng bộ cơ sở tiến hành từ tháng 4/2025, hoàn thành trước ngày 30/6/2025. "
                           "Ban Thường vụ Huyện ủy chọn Đảng bộ xã Đạ Nhim làm điểm đại hội cấp cơ sở, tổ chức trong "
                           "tháng 5/2025.";
  const auto ds = check_text(plan);
  const Diagnostic* d = find(ds, "tw-35-2024/grassroots-pilot");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->fix_vi, "tổ chức xong đại hội điểm chậm nhất ngày 31/3/2025");
  EXPECT_NE(d->fix_en.find("31 March 2025"), std::string::npos) << d->fix_en;
}

TEST(Fix, OrderHasNone) {
  // Which of the two statements to move is the plan-maker's call.
  const auto ds = check_text(std::string(kHeader) +
                             "Đại hội các đảng bộ cơ sở hoàn thành trước ngày 30/6/2025. Đại hội Đảng bộ huyện tổ "
                             "chức từ ngày 25/6/2025 đến ngày 27/6/2025.");
  size_t orders = 0;
  for (const auto& d : ds) {
    if (d.category == Category::order) {
      ++orders;
      EXPECT_TRUE(d.fix_vi.empty() && d.fix_en.empty()) << d.rule;
    }
  }
  EXPECT_GT(orders, 0u) << ::testing::PrintToString(rules_of(ds));
}

}  // namespace
}  // namespace plancheck

namespace plancheck {
namespace {

// Diagnostic::fingerprint is what a baseline matches findings by: lines
// inserted above leave it as it was; two requirements of one rule (neither
// with words of the plan) are told apart.
TEST(Fingerprint, SurvivesLinesAboveAndTellsFindingsApart) {
  const std::string body = "Đại hội các đảng bộ cơ sở bắt đầu từ tháng 4/2025, hoàn thành trong tháng 7/2025.";
  const auto before = check_text(std::string(kHeader) + "\n" + body);
  const auto after = check_text(std::string(kHeader) + "\nCăn cứ tình hình thực tế,\n\nBan Thường vụ thống nhất:\n" + body);
  ASSERT_EQ(before.size(), after.size()) << ::testing::PrintToString(rules_of(after));
  ASSERT_FALSE(before.empty());
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(before[i].fingerprint, after[i].fingerprint) << before[i].rule;
    if (before[i].span && after[i].span) {
      EXPECT_EQ(before[i].span->line + 3, after[i].span->line) << before[i].rule;
    }
  }
  std::vector<std::string> required;
  for (const auto& d : check_text(std::string(kHeader) + "Đại hội các đảng bộ cơ sở bắt đầu từ tháng 4/2025."))
    if (d.category == Category::missing) required.push_back(d.fingerprint);
  ASSERT_EQ(required.size(), 2u);
  EXPECT_NE(required[0], required[1]);
}

}  // namespace
}  // namespace plancheck
