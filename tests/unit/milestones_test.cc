#include <gtest/gtest.h>

#include "test_util.h"

namespace plancheck {
namespace {

struct Want {
  Level level;
  Event event;
  Relation relation;
  const char* start;
  const char* end;
};

void expect_milestones(const std::string& text, const std::vector<Want>& want) {
  auto x = testing::run(text);
  ASSERT_EQ(x.milestones.size(), want.size()) << text;
  for (size_t i = 0; i < want.size(); ++i) {
    const Milestone& m = x.milestones[i];
    EXPECT_EQ(m.level, want[i].level) << i << ": " << m.subject;
    EXPECT_EQ(m.event, want[i].event) << i << ": " << m.subject;
    EXPECT_EQ(m.time.relation, want[i].relation) << i;
    EXPECT_EQ(m.time.period.start.iso(), want[i].start) << i;
    EXPECT_EQ(m.time.period.end.iso(), want[i].end) << i;
  }
}

TEST(Milestones, QuotedSpeechIsAttributedToTheSpeakersUnit) {
  auto x = testing::run(
      "Đồng chí Bùi Đức Dính, Bí thư Đảng ủy xã Văn Nghĩa cho biết: \"Các chi bộ trực thuộc còn lại tổ chức đại hội hoàn "
      "thành trong tháng 1/2020 để kịp diễn ra Đại hội Đảng bộ xã trong tháng 3/2020\". Đại hội cấp cơ sở hoàn "
      "thành trước ngày 30/6/2020.");
  ASSERT_EQ(x.milestones.size(), 3u);
  ASSERT_TRUE(x.milestones[0].quoted_from);
  EXPECT_EQ(x.milestones[0].quoted_from->name, "Đảng ủy xã Văn Nghĩa");
  ASSERT_TRUE(x.milestones[1].quoted_from);
  EXPECT_FALSE(x.milestones[2].quoted_from);  // after the quotation closes
  // A quoted term is not speech: "đại hội điểm" in quotes.
  auto y = testing::run("Huyện chọn Đảng bộ xã Đạ Nhim làm \"điểm\", đại hội cấp cơ sở hoàn thành trước ngày 30/6/2025.");
  for (const auto& m : y.milestones) EXPECT_FALSE(m.quoted_from);
}

// A quotation left open ends with its paragraph; the milestones of a long
// text are attributed in one pass, and asked in any order give the same.
TEST(Milestones, AQuotationEndsWithItsParagraph) {
  const std::string text =
      "Bí thư Đảng ủy xã Văn Nghĩa cho biết: \"Các chi bộ trực thuộc tổ chức đại hội hoàn thành trong tháng "
      "1/2020.\nĐại hội cấp cơ sở hoàn thành trước ngày 30/6/2020.\nBí thư Đảng ủy xã Lạc Lâm nói: \"Đại hội "
      "các chi bộ trực thuộc hoàn thành trong tháng 2/2020\".";
  auto x = testing::run(text);
  ASSERT_EQ(x.milestones.size(), 3u);
  ASSERT_TRUE(x.milestones[0].quoted_from);
  EXPECT_EQ(x.milestones[0].quoted_from->name, "Đảng ủy xã Văn Nghĩa");
  EXPECT_FALSE(x.milestones[1].quoted_from);  // the next paragraph
  ASSERT_TRUE(x.milestones[2].quoted_from);
  EXPECT_EQ(x.milestones[2].quoted_from->name, "Đảng ủy xã Lạc Lâm");

  Text t(text);
  std::vector<Milestone> reversed(x.milestones.rbegin(), x.milestones.rend());
  for (auto& m : reversed) m.quoted_from.reset();
  attribute_quoted_milestones(t, x.units, &reversed);
  ASSERT_TRUE(reversed[0].quoted_from);
  EXPECT_EQ(reversed[0].quoted_from->name, "Đảng ủy xã Lạc Lâm");
  EXPECT_FALSE(reversed[1].quoted_from);
  ASSERT_TRUE(reversed[2].quoted_from);
  EXPECT_EQ(reversed[2].quoted_from->name, "Đảng ủy xã Văn Nghĩa");
}

TEST(Milestones, SubjectVerbTime) {
  expect_milestones(
      "Theo Kế hoạch, huyện đặt mục tiêu Đại hội Chi bộ trực thuộc Đảng bộ cơ sở hoàn thành trong tháng 2/2025; "
      "Đại hội đảng viên hoặc Đại hội đại biểu cấp cơ sở hoàn thành trước 15/6/2025; Đại hội đại biểu Đảng bộ huyện "
      "nhiệm kỳ 2025 - 2030 hoàn thành trước ngày 20/7/2025.",
      {{Level::branch, Event::complete, Relation::in, "2025-02-01", "2025-02-28"},
       {Level::grassroots, Event::complete, Relation::before, "2025-06-15", "2025-06-15"},
       {Level::district, Event::complete, Relation::before, "2025-07-20", "2025-07-20"}});
}

TEST(Milestones, StartAndCompleteInOneSentence) {
  expect_milestones(
      "Đại hội chi bộ trực thuộc đảng ủy cơ sở bắt đầu thực hiện từ tháng 01/2025, hoàn thành trong tháng 03/2025. "
      "Đại hội đảng viên hoặc đại hội đại biểu đảng bộ cơ sở (sau khi tiến hành đại hội các chi bộ trực thuộc xong) "
      "bắt đầu từ tháng 4/2025, hoàn thành trước ngày 30/6/2025.",
      {{Level::branch, Event::start, Relation::from, "2025-01-01", "2025-01-31"},
       {Level::branch, Event::complete, Relation::in, "2025-03-01", "2025-03-31"},
       {Level::grassroots, Event::start, Relation::from, "2025-04-01", "2025-04-30"},
       {Level::grassroots, Event::complete, Relation::before, "2025-06-30", "2025-06-30"}});
}

TEST(Milestones, VerbBeforeTheCongressPhrase) {
  expect_milestones("Theo kế hoạch, huyện sẽ hoàn thành Đại hội các Chi bộ trực thuộc Đảng ủy cơ sở trong tháng 2/2025.",
                    {{Level::branch, Event::complete, Relation::in, "2025-02-01", "2025-02-28"}});
}

TEST(Milestones, ProvincialPlanLevels) {
  expect_milestones(
      "Đại hội đại biểu đảng bộ cấp trên trực tiếp cơ sở tổ chức từ tháng 6/2025, hoàn thành trước ngày 25/8/2025. "
      "Đại hội đại biểu Đảng bộ tỉnh lần thứ XX hoàn thành trước ngày 31/10/2025. Đại hội đại biểu toàn quốc lần "
      "thứ XIV của Đảng dự kiến tổ chức trong quý I/2026.",
      {{Level::district, Event::start, Relation::from, "2025-06-01", "2025-06-30"},
       {Level::district, Event::complete, Relation::before, "2025-08-25", "2025-08-25"},
       {Level::province, Event::complete, Relation::before, "2025-10-31", "2025-10-31"},
       {Level::national, Event::hold, Relation::in, "2026-01-01", "2026-03-31"}});
}

TEST(Milestones, OtherWorkWithADeadlineIsNotACongress) {
  expect_milestones(
      "Sau hội nghị, các tổ chức cơ sở đảng tổ chức quán triệt Kế hoạch số 172-KH/HU của Huyện ủy về đại hội đảng "
      "các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng, hoàn thành trước ngày 15/10/2024. Đề nghị "
      "các TCCS Đảng tổ chức hội nghị để quán triệt các văn bản về công tác đại hội Đảng của Trung ương hoàn thành "
      "trong tháng 10/2024.",
      {});
}

TEST(Milestones, ReportedAsDone) {
  auto x = testing::run(
      "Đến ngày 22/11/2024, 470/470 chi bộ trực thuộc đảng bộ cơ sở đã hoàn thành việc tổ chức đại hội chi bộ.");
  ASSERT_EQ(x.milestones.size(), 1u);
  EXPECT_EQ(x.milestones[0].level, Level::branch);
  EXPECT_EQ(x.milestones[0].event, Event::complete);
  EXPECT_EQ(x.milestones[0].status, Status::done);
}

TEST(Milestones, PlannedIsPlanned) {
  auto x = testing::run("Đại hội chi bộ cơ sở hoàn thành trước ngày 30/6/2025.");
  ASSERT_EQ(x.milestones.size(), 1u);
  EXPECT_EQ(x.milestones[0].status, Status::planned);
  EXPECT_FALSE(x.milestones[0].source);
}

TEST(Milestones, RestatedHigherScheduleCarriesItsSource) {
  auto x = testing::run(
      "Kế hoạch số 180-KH/HU ngày 1/10/2024 của Huyện ủy Hương Sơn. Theo Kế hoạch số 96-KH/TU, các đại hội cấp cơ "
      "sở còn lại tiến hành từ tháng 4/2025, hoàn thành trước ngày 30/6/2025. Huyện ủy yêu cầu đại hội cấp cơ sở "
      "hoàn thành trước ngày 15/6/2025.");
  ASSERT_EQ(x.milestones.size(), 3u);
  EXPECT_EQ(x.milestones[0].source, "96-KH/TU");
  EXPECT_EQ(x.milestones[0].event, Event::start);
  EXPECT_EQ(x.milestones[1].source, "96-KH/TU");
  EXPECT_FALSE(x.milestones[2].source);
}

TEST(Milestones, AStatementMadeTwiceIsKeptOnceWhereItIsFirstMade) {
  // A plan's summary and its body often give the same schedule; a higher
  // plan's schedule restated with its number is another statement.
  auto x = testing::run(
      "Kế hoạch số 180-KH/HU ngày 1/10/2024 của Huyện ủy Hương Sơn.\n"
      "I. MỤC ĐÍCH: Đại hội cấp cơ sở hoàn thành trước ngày 30/6/2025.\n"
      "II. THỜI GIAN: Theo Kế hoạch số 96-KH/TU, đại hội cấp cơ sở hoàn thành trước ngày 30/6/2025. "
      "Đại hội cấp cơ sở hoàn thành trước ngày 30/6/2025; đại hội cấp huyện hoàn thành trước ngày 31/8/2025.");
  ASSERT_EQ(x.milestones.size(), 3u);
  EXPECT_EQ(x.milestones[0].level, Level::grassroots);
  EXPECT_FALSE(x.milestones[0].source);
  EXPECT_EQ(x.milestones[0].span.line, 2u);  // the first statement's, not the repeat's
  EXPECT_EQ(x.milestones[1].level, Level::grassroots);
  EXPECT_EQ(x.milestones[1].source, "96-KH/TU");
  EXPECT_EQ(x.milestones[2].level, Level::district);
  EXPECT_EQ(x.milestones[2].time.period.start.iso(), "2025-08-31");
}

TEST(Milestones, ScheduleLaidOutByLevel) {
  expect_milestones(
      "Thời gian tổ chức đại hội các cấp:\n- Cấp cơ sở: bắt đầu từ tháng 4/2025, hoàn thành trước ngày 30/6/2025.\n"
      "- Cấp huyện: hoàn thành trước ngày 31/8/2025.\nHội nghị sơ kết cấp huyện hoàn thành trước ngày 15/10/2025.",
      {{Level::grassroots, Event::start, Relation::from, "2025-04-01", "2025-04-30"},
       {Level::grassroots, Event::complete, Relation::before, "2025-06-30", "2025-06-30"},
       {Level::district, Event::complete, Relation::before, "2025-08-31", "2025-08-31"}});
}

TEST(Milestones, RestatedDirectiveWithoutItsCodeIsNamedAsWritten) {
  auto x = testing::run(
      "Theo Chỉ thị 35 của Bộ Chính trị, Đại hội đại biểu đảng bộ cơ sở sẽ bắt đầu từ tháng 4/2020 và hoàn thành "
      "trước ngày 30/6/2020.");
  ASSERT_EQ(x.milestones.size(), 2u);
  EXPECT_EQ(x.milestones[0].source, "Chỉ thị 35");
  EXPECT_EQ(x.milestones[1].event, Event::complete);
}

TEST(Milestones, RemainingUnitsWithoutTheWordCongress) {
  expect_milestones(
      "Huyện chọn làm điểm tại Đảng bộ xã Văn Nghĩa. Các chi, Đảng bộ còn lại tập trung hoàn thành trong tháng "
      "6/2020 theo kế hoạch.",
      {{Level::grassroots, Event::complete, Relation::in, "2020-06-01", "2020-06-30"}});
}

TEST(Milestones, BareChiBoFollowsContext) {
  expect_milestones(
      "Đảng bộ xã hiện có 12 chi bộ trực thuộc. Sau đó, các chi bộ còn lại tổ chức đại hội hoàn thành trong tháng "
      "1/2020 để kịp diễn ra Đại hội Đảng bộ xã trong tháng 3/2020.",
      {{Level::branch, Event::complete, Relation::in, "2020-01-01", "2020-01-31"},
       {Level::grassroots, Event::hold, Relation::in, "2020-03-01", "2020-03-31"}});
}

TEST(Milestones, DistrictOwnNumberIsNotTheNational) {
  expect_milestones("Đại hội đại biểu Đảng bộ huyện lần thứ XIV, nhiệm kỳ 2025-2030 hoàn thành trong tháng 8/2025.",
                    {{Level::district, Event::complete, Relation::in, "2025-08-01", "2025-08-31"}});
}

TEST(Milestones, SemicolonInsideOneBulletKeepsTheSubject) {
  expect_milestones(
      "- Đại hội các chi bộ trực thuộc đảng bộ cơ sở, đảng bộ bộ phận không quá 1 ngày; hoàn thành trước ngày "
      "28/02/2025.\n- Đại hội đại biểu Đảng bộ tỉnh lần thứ XX không quá 4 ngày, tổ chức trước ngày 31/10/2025.",
      {{Level::branch, Event::complete, Relation::before, "2025-02-28", "2025-02-28"},
       // "tổ chức" alone holds the congress by then (NOTES 001), it does not say it completes.
       {Level::province, Event::hold, Relation::before, "2025-10-31", "2025-10-31"}});
}

TEST(Milestones, AClauseWithItsOwnSubjectDoesNotBorrow) {
  // The second clause names other work; it must not take the first clause's congress.
  expect_milestones("Đại hội chi bộ cơ sở hoàn thành trong tháng 5/2025; hoàn thiện hồ sơ nhân sự trước ngày 10/4/2025.",
                    {{Level::grassroots, Event::complete, Relation::in, "2025-05-01", "2025-05-31"}});
}

// The verb group that governs the time says the event: a start or
// completion verb says more than a verb of holding; "tổ chức", "tiến hành",
// "diễn ra" alone hold the congress (by then, in that period).
TEST(Milestones, VerbsOfHoldingHold) {
  expect_milestones("Đại hội đại biểu Đảng bộ tỉnh lần thứ XX tổ chức trước ngày 31/10/2025.",
                    {{Level::province, Event::hold, Relation::before, "2025-10-31", "2025-10-31"}});
  expect_milestones("Đối với các chi bộ trực thuộc Đảng bộ xã Bình Mỹ sẽ tiến hành đại hội trước ngày 31/12/2019.",
                    {{Level::branch, Event::hold, Relation::before, "2019-12-31", "2019-12-31"}});
  expect_milestones("Ban Thường vụ yêu cầu hoàn thành tổ chức đại hội cấp cơ sở trước ngày 15/6/2020.",
                    {{Level::grassroots, Event::complete, Relation::before, "2020-06-15", "2020-06-15"}});
  expect_milestones("Còn lại 3 đảng bộ theo kế hoạch sẽ tổ chức hoàn thành vào cuối tháng 3/2020.",
                    {{Level::grassroots, Event::complete, Relation::in, "2020-03-21", "2020-03-31"}});
}

TEST(Milestones, TheCongressNamedAfterItsTime) {
  expect_milestones(
      "Ban Thường vụ Huyện ủy dự kiến: từ tháng 7 đến tháng 12/2019 triển khai quán triệt các văn bản về công tác "
      "đại hội; từ tháng 1 đến tháng 3/2020 sẽ tiến hành đại hội các chi bộ trực thuộc Đảng bộ cơ sở; từ tháng 4 "
      "đến tháng 6/2020 tiến hành đại hội các chi bộ, Đảng bộ cơ sở; từ tháng 6 đến tháng 8/2020 tiến hành đại hội "
      "Đảng bộ huyện.",
      {{Level::branch, Event::hold, Relation::between, "2020-01-01", "2020-03-31"},
       {Level::grassroots, Event::hold, Relation::between, "2020-04-01", "2020-06-30"},
       {Level::district, Event::hold, Relation::between, "2020-06-01", "2020-08-31"}});
  expect_milestones("Các đảng bộ này phấn đấu trong tháng 2/2025 sẽ hoàn thành đại hội chi bộ.",
                    {{Level::branch, Event::complete, Relation::in, "2025-02-01", "2025-02-28"}});
  expect_milestones(
      "Đại hội Đảng bộ cấp cơ sở dự kiến diễn ra trong tháng 5/2020; đầu tháng 8/2020 sẽ tổ chức Đại hội Đảng bộ "
      "huyện.",
      {{Level::grassroots, Event::hold, Relation::in, "2020-05-01", "2020-05-31"},
       {Level::district, Event::hold, Relation::in, "2020-08-01", "2020-08-10"}});
}

TEST(Milestones, ListOfLevelsInOneSentence) {
  expect_milestones(
      "Đại hội chi bộ trực thuộc đảng bộ cơ sở trong quý I/2020, đại hội cơ sở trong quý II/2020, đại hội cấp huyện "
      "trong quý III/2020.",
      {{Level::branch, Event::hold, Relation::in, "2020-01-01", "2020-03-31"},
       {Level::grassroots, Event::hold, Relation::in, "2020-04-01", "2020-06-30"},
       {Level::district, Event::hold, Relation::in, "2020-07-01", "2020-09-30"}});
}

// Negations and suspensions schedule nothing; a negation elsewhere in the
// sentence does not cancel the verb that governs the time.
TEST(Milestones, NegatedOrSuspendedIsNoMilestone) {
  expect_milestones("Do đó không thể tổ chức Đại hội đảng bộ cấp cơ sở ngay trong tháng 4/2020 được.", {});
  expect_milestones("Tỉnh ủy yêu cầu tạm dừng tổ chức đại hội đảng bộ cấp xã từ ngày 5/3/2025.", {});
  // After the units it suspends, too: the suspension ends their name.
  expect_milestones("Các chi bộ trực thuộc tạm dừng tổ chức đại hội trong tháng 4/2025.", {});
  expect_milestones("Các chi bộ trực thuộc tạm dừng việc tổ chức đại hội trong tháng 4/2025.", {});
  expect_milestones(
      "Hiện còn 10 đảng bộ cấp trên cơ sở chưa tổ chức đại hội, dự kiến sẽ tổ chức xong trước ngày 18/8/2020.",
      {{Level::district, Event::complete, Relation::before, "2020-08-18", "2020-08-18"}});
}

// A committee acting on a date (a document, a meeting) is not a congress.
TEST(Milestones, ADateOfACommitteesActIsNoMilestone) {
  expect_milestones(
      "Ngày 17/4/2020, Ban Thường vụ Thành ủy có Công văn yêu cầu các cấp ủy hoàn thành tổ chức đại hội cấp cơ sở "
      "trước ngày 15/6/2020.",
      {{Level::grassroots, Event::complete, Relation::before, "2020-06-15", "2020-06-15"}});
}

// A time in an aside: the aside's own subject, else the clause around it.
TEST(Milestones, TimesInAsides) {
  expect_milestones(
      "Các tỉnh ủy tập trung lãnh đạo: Tổ chức đại hội đảng bộ các cấp bảo đảm đúng tiến độ (các đảng bộ cấp trên "
      "trực tiếp của tổ chức cơ sở đảng, đảng bộ xã, phường, đặc khu hoàn thành trong tháng 8-2025; các đảng bộ trực "
      "thuộc Trung ương hoàn thành trong tháng 10-2025).",
      {{Level::district, Event::complete, Relation::in, "2025-08-01", "2025-08-31"},
       {Level::province, Event::complete, Relation::in, "2025-10-01", "2025-10-31"}});
  expect_milestones(
      "Tỉnh ủy tổ chức họp báo thông tin về Đại hội đại biểu Đảng bộ tỉnh Lâm Đồng lần thứ I.\nTheo kế hoạch, Đại "
      "hội sẽ diễn ra trong 3 ngày (từ ngày 9/10/2025 đến ngày 11/10/2025), với 498 đại biểu.",
      {{Level::province, Event::hold, Relation::between, "2025-10-09", "2025-10-11"}});
}

// "Đại hội" alone and a "Thời gian …" clause speak of the congress named before.
TEST(Milestones, TheCongressNamedBefore) {
  expect_milestones(
      "Sáng 25/7/2020, Đảng bộ huyện Núi Thành tổ chức Đại hội đại biểu lần thứ XXII, nhiệm kỳ 2020 - 2025. Theo kế "
      "hoạch, đại hội sẽ diễn ra từ ngày 25/7/2020 đến ngày 26/7/2020.",
      {{Level::district, Event::hold, Relation::in, "2020-07-25", "2020-07-25"},
       {Level::district, Event::hold, Relation::between, "2020-07-25", "2020-07-26"}});
  expect_milestones(
      "Bí thư Tỉnh ủy vừa ban hành thông tri triệu tập Đại hội đại biểu Đảng bộ tỉnh lần thứ XX nhiệm kỳ 2025 - "
      "2030.\nThời gian diễn ra trong 3 ngày, từ ngày 30/9/2025 đến ngày 2/10/2025 tại Trung tâm Văn hóa tỉnh.",
      {{Level::province, Event::hold, Relation::between, "2025-09-30", "2025-10-02"}});
}

// A clause without its verb takes the verb of the clause before it.
TEST(Milestones, ALeftOutVerb) {
  expect_milestones(
      "Đại hội Đảng bộ xã Tân Việt dự kiến tổ chức trước ngày 25/3/2020; Đại hội Đảng bộ Xí nghiệp khai thác công "
      "trình thủy lợi huyện trước ngày 5/4/2020.",
      {{Level::grassroots, Event::hold, Relation::before, "2020-03-25", "2020-03-25"},
       {Level::grassroots, Event::hold, Relation::before, "2020-04-05", "2020-04-05"}});
}

TEST(Milestones, ProgressReportsAreDone) {
  auto x = testing::run(
      "Đến ngày 31/3/2025, 100% chi bộ, đảng bộ trực thuộc Đảng bộ UBND tỉnh đã tổ chức thành công đại hội nhiệm kỳ "
      "2025 - 2030. Đến giữa tháng 3 năm 2020, Đảng bộ Công an tỉnh đã có 62/64 chi bộ trực thuộc các đảng bộ cơ sở "
      "tiến hành đại hội.");
  ASSERT_EQ(x.milestones.size(), 2u);
  EXPECT_EQ(x.milestones[0].level, Level::grassroots);
  EXPECT_EQ(x.milestones[0].event, Event::hold);
  EXPECT_EQ(x.milestones[0].status, Status::done);
  EXPECT_EQ(x.milestones[1].level, Level::branch);
  EXPECT_EQ(x.milestones[1].status, Status::done);
}

// After a speaker's colon, the organisation that heads what is said.
TEST(Milestones, TheSubjectAfterASpeakersColon) {
  expect_milestones(
      "Đảng bộ có 7 chi bộ trực thuộc. Bí thư Đảng ủy các Khu công nghiệp nhấn mạnh: Đối với các chi bộ còn lại "
      "tiếp tục tổ chức đại hội theo đúng kế hoạch hoàn thành vào tháng 2-2020.",
      {{Level::branch, Event::complete, Relation::in, "2020-02-01", "2020-02-29"}});
}

// Units under the issuer: one level below it.
TEST(Milestones, UnitsUnderTheIssuer) {
  expect_milestones(
      "Kế hoạch số 12-KH/TU ngày 2/10/2024 của Ban Thường vụ Tỉnh ủy Hà Tĩnh. Các đảng bộ trực thuộc hoàn thành "
      "đại hội trước ngày 25/8/2025.",
      {{Level::district, Event::complete, Relation::before, "2025-08-25", "2025-08-25"}});
  expect_milestones(
      "Kế hoạch số 12-KH/TU ngày 2/10/2024 của Ban Thường vụ Tỉnh ủy Hà Tĩnh. Ban Thường vụ Tỉnh ủy yêu cầu các "
      "huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc Tỉnh ủy hoàn thành đại hội cấp mình trước ngày 31/8/2025.",
      {{Level::district, Event::complete, Relation::before, "2025-08-31", "2025-08-31"}});
  expect_milestones(
      "Kế hoạch số 172-KH/HU ngày 20/9/2024 của Huyện ủy Lạc Dương. Các đảng bộ trực thuộc hoàn thành đại hội "
      "trước ngày 15/6/2025.",
      {{Level::grassroots, Event::complete, Relation::before, "2025-06-15", "2025-06-15"}});
}

TEST(Milestones, ADayItIsHeldOn) {
  expect_milestones(
      "Sáng 14/7/2025, Đảng bộ xã Tân Phú long trọng khai mạc Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030.",
      {{Level::grassroots, Event::hold, Relation::in, "2025-07-14", "2025-07-14"}});
  // A committee acting on a day is not; in a period it schedules.
  expect_milestones(
      "Ngày 17/2/2025, thực hiện chỉ đạo của Quận ủy, Ban Chấp hành Đảng bộ phường tổ chức duyệt chương trình tổ "
      "chức Đại hội đại biểu Đảng bộ phường.",
      {});
  expect_milestones("Trong quý I/2025, Ban Thường vụ Huyện ủy chỉ đạo hoàn thành đại hội chi bộ trực thuộc.",
                    {{Level::branch, Event::complete, Relation::in, "2025-01-01", "2025-03-31"}});
  // A session ends on a day the congress is held; a session's congress is the one named before.
  expect_milestones("Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII kết thúc phiên trù bị lúc 16 giờ 30 ngày 13-10-2020.",
                    {{Level::province, Event::hold, Relation::in, "2020-10-13", "2020-10-13"}});
  expect_milestones(
      "Sáng ngày 21/7/2020, Đại hội Đại biểu Đảng bộ huyện Duy Xuyên lần thứ XXI tổ chức phiên Đại hội trù bị. "
      "Phiên Đại hội chính thức sẽ diễn ra trong 02 ngày 22 & 23/7/2020.",
      {{Level::district, Event::hold, Relation::in, "2020-07-22", "2020-07-23"}});
}

// The subject nearest before its verb, past a committee that asks.
TEST(Milestones, TheOrganisationNearestItsVerb) {
  expect_milestones(
      "Huyện ủy yêu cầu các đảng bộ cơ sở chưa tổ chức đại hội trong tháng 4/2025 phải hoàn thành trước ngày "
      "15/5/2025.",
      {{Level::grassroots, Event::complete, Relation::before, "2025-05-15", "2025-05-15"}});
  expect_milestones(
      "Ban Thường vụ Huyện ủy yêu cầu các chi bộ trực thuộc tổ chức đại hội hoàn thành trước ngày 31/3/2025.",
      {{Level::branch, Event::complete, Relation::before, "2025-03-31", "2025-03-31"}});
}

TEST(Milestones, BodiesOfTheProvinceAndTheCentre) {
  // The national congress after "tiến tới" is a topic, except as the subject
  // of the verbs right after it; the provinces' completion keeps its own time.
  expect_milestones(
      "Các đảng bộ tỉnh hoàn thành đại hội trong tháng 10/2020, tiến tới Đại hội XIII của Đảng dự kiến tổ chức "
      "vào đầu năm 2021.",
      {{Level::province, Event::complete, Relation::in, "2020-10-01", "2020-10-31"},
       {Level::national, Event::hold, Relation::in, "2021-01-01", "2021-04-30"}});
  expect_milestones(
      "Đại hội đại biểu Đảng bộ Khối các cơ quan Trung ương lần thứ XIV diễn ra trong tháng 9/2025. Đại hội Đảng bộ "
      "UBND tỉnh hoàn thành trong tháng 7/2025.",
      {{Level::province, Event::hold, Relation::in, "2025-09-01", "2025-09-30"},
       {Level::district, Event::complete, Relation::in, "2025-07-01", "2025-07-31"}});
}

TEST(Milestones, APilotAsATimeIsNotThePilotsStatement) {
  expect_milestones("Sau đại hội điểm, các chi bộ còn lại tổ chức đại hội từ ngày 1/3/2020 đến ngày 31/3/2020.",
                    {{Level::branch, Event::hold, Relation::between, "2020-03-01", "2020-03-31"}});
  expect_milestones("Đại hội điểm cấp cơ sở hoàn thành trong tháng 3/2025.", {});
}

TEST(Milestones, ACommitteeHoldingItsOwnCongress) {
  expect_milestones("Ngày 3/3/2020, Đảng ủy xã Tân Lập tổ chức Đại hội đại biểu Đảng bộ xã lần thứ XXV.",
                    {{Level::grassroots, Event::hold, Relation::in, "2020-03-03", "2020-03-03"}});
}

TEST(Milestones, OtherWorkOfTheOrganisation) {
  expect_milestones("Các chi bộ tổ chức hội nghị quán triệt hoàn thành trong tháng 10/2024.", {});
  expect_milestones(
      "Còn lại 3 đảng bộ, gồm: Đảng bộ Trung tâm y tế, Đảng bộ xã Vị Thanh và Đảng bộ xã Vĩnh Tường theo kế hoạch "
      "sẽ tổ chức hoàn thành vào cuối tháng 3/2020.",
      {{Level::grassroots, Event::complete, Relation::in, "2020-03-21", "2020-03-31"}});
}

TEST(Milestones, NounsTheCongressQualifies) {
  expect_milestones("Kết quả đại hội chi bộ được báo cáo trước ngày 10/4/2025.", {});
  expect_milestones("Hồ sơ đại hội đảng bộ cơ sở gửi về Ban Tổ chức Huyện ủy trước ngày 15/7/2025.", {});
}

TEST(Milestones, HeldSuccessfullyOnADay) {
  expect_milestones(
      "Ngày 15/4/2020, tại Hội trường UBND xã, Đảng bộ xã An Phú tổ chức thành công Đại hội đại biểu lần thứ XX.",
      {{Level::grassroots, Event::hold, Relation::in, "2020-04-15", "2020-04-15"}});
}

// Congresses joined by "và" share the verb and the time; one level said twice is one milestone.
TEST(Milestones, CoordinatedCongresses) {
  expect_milestones(
      "Đại hội chi bộ trực thuộc đảng ủy cơ sở và đại hội đảng bộ cơ sở hoàn thành trước ngày 30/6/2020.",
      {{Level::branch, Event::complete, Relation::before, "2020-06-30", "2020-06-30"},
       {Level::grassroots, Event::complete, Relation::before, "2020-06-30", "2020-06-30"}});
  expect_milestones("Đại hội chi bộ cơ sở và đại hội đảng bộ cơ sở hoàn thành trước ngày 30/6/2020.",
                    {{Level::grassroots, Event::complete, Relation::before, "2020-06-30", "2020-06-30"}});
  // Not across a verb and a time of its own.
  expect_milestones(
      "Đại hội chi bộ trực thuộc hoàn thành trong tháng 3/2020, đại hội đảng bộ cơ sở hoàn thành trước ngày "
      "30/6/2020.",
      {{Level::branch, Event::complete, Relation::in, "2020-03-01", "2020-03-31"},
       {Level::grassroots, Event::complete, Relation::before, "2020-06-30", "2020-06-30"}});
}

TEST(Milestones, DoneOnlyByTheStatementsOwnVerb) {
  auto x = testing::run(
      "Huyện ủy đã ban hành kế hoạch, theo đó đại hội cấp cơ sở hoàn thành trước ngày 30/6/2025. Huyện đã hoàn thành "
      "đại hội chi bộ trực thuộc trong tháng 1/2025.");
  ASSERT_EQ(x.milestones.size(), 2u);
  EXPECT_EQ(x.milestones[0].status, Status::planned);
  EXPECT_EQ(x.milestones[1].status, Status::done);
}

}  // namespace
}  // namespace plancheck

namespace plancheck {
namespace {

// A named organisation whose name does not tell its level: the issuer's own
// takes the level above the units the text puts under it; with nothing that
// tells, no milestone.
TEST(Milestones, NamedUnitLevelFromTheDocumentsScope) {
  expect_milestones(
      "Đảng ủy Đại học Huế triển khai Kế hoạch số 89-KH/ĐU của Đảng ủy Đại học Huế về đại hội đảng bộ các cấp. "
      "Đại hội các đảng bộ, chi bộ cơ sở trong Đại học Huế kết thúc trước 30/4/2025. Đại hội đại biểu Đảng bộ "
      "Đại học Huế lần thứ VI dự kiến tổ chức vào tháng 6/2025.",
      {{Level::grassroots, Event::complete, Relation::before, "2025-04-30", "2025-04-30"},
       {Level::district, Event::hold, Relation::in, "2025-06-01", "2025-06-30"}});
  // A unit under the issuer: one level below it.
  expect_milestones(
      "Thực hiện Kế hoạch số 96-KH/TU ngày 9/9/2024 của Tỉnh ủy Quảng Ninh về đại hội đảng bộ các cấp, Đại hội "
      "Đảng bộ Tập đoàn Than - Khoáng sản Việt Nam lần thứ IV dự kiến tổ chức trong tháng 7/2025.",
      {{Level::district, Event::hold, Relation::in, "2025-07-01", "2025-07-31"}});
  // An article about another unit, nothing under it named: nothing tells.
  expect_milestones("Tin tức.\nĐại hội đại biểu Đảng bộ Tập đoàn Dầu khí lần thứ IV dự kiến tổ chức vào tháng 6/2025.", {});
}

// "7 đơn vị còn lại", "số còn lại": the units counted before.
TEST(Milestones, CountOnlyBackReference) {
  expect_milestones(
      "Đến nay, 45/52 tổ chức cơ sở đảng trực thuộc Đảng bộ Khối đã tổ chức thành công đại hội; 7 đơn vị còn lại sẽ "
      "hoàn thành trong tháng 4-2025.",
      {{Level::grassroots, Event::complete, Relation::in, "2025-04-01", "2025-04-30"}});
  expect_milestones(
      "Đến nay, 40/46 chi bộ trực thuộc đã tổ chức xong đại hội. Số còn lại hoàn thành trước ngày 30/4/2025.",
      {{Level::branch, Event::complete, Relation::before, "2025-04-30", "2025-04-30"}});
  expect_milestones(
      "Đến nay, 12/20 đảng bộ xã đã tổ chức đại hội; số còn lại sẽ tổ chức đại hội trước ngày 30/4/2025.",
      {{Level::grassroots, Event::hold, Relation::before, "2025-04-30", "2025-04-30"}});
  expect_milestones("Đến nay, 12/20 đảng bộ xã đã tổ chức đại hội. Các đơn vị còn lại hoàn thành trong tháng 5/2025.",
                    {{Level::grassroots, Event::complete, Relation::in, "2025-05-01", "2025-05-31"}});
  // After a comma, with a verb of holding: the remainder's own statement, planned.
  auto x = testing::run(
      "Đến nay, 45/52 tổ chức cơ sở đảng đã tổ chức thành công đại hội, 7 đơn vị còn lại sẽ hoàn thành trong tháng "
      "4-2025.");
  ASSERT_EQ(x.milestones.size(), 1u);
  EXPECT_EQ(x.milestones[0].level, Level::grassroots);
  EXPECT_EQ(x.milestones[0].status, Status::planned);
  EXPECT_EQ(x.milestones[0].subject, "7 đơn vị còn lại");
  expect_milestones(
      "Huyện có 30/35 chi bộ trực thuộc đảng ủy cơ sở đã tổ chức đại hội. 5 đơn vị còn lại sẽ tổ chức trước ngày "
      "15/3/2025.",
      {{Level::branch, Event::hold, Relation::before, "2025-03-15", "2025-03-15"}});
  expect_milestones(
      "Đến nay, 45/52 đảng bộ xã đã tổ chức đại hội; 7/52 đơn vị còn lại hoàn thành trước ngày 30/4/2025.",
      {{Level::grassroots, Event::complete, Relation::before, "2025-04-30", "2025-04-30"}});
  // Not a remainder of units counted: no milestone.
  expect_milestones("Ban Thường vụ Huyện ủy đã họp; các nội dung còn lại hoàn thành trước ngày 30/4/2025.", {});
}

// A target of the term is not a congress date; a congress schedule headed
// by "phấn đấu" is.
TEST(Milestones, TargetsAreNotMilestones) {
  expect_milestones(
      "Đại hội đã thảo luận, thông qua báo cáo chính trị, xác định mục tiêu phấn đấu đến năm 2025 thu nhập bình quân "
      "đầu người đạt 65 triệu đồng/năm; bầu Ban Chấp hành Đảng bộ huyện khóa XXII.",
      {});
  expect_milestones("Đại hội Đảng bộ huyện đề ra chỉ tiêu đến năm 2030 tỷ lệ hộ nghèo giảm còn 2%.", {});
  expect_milestones("Đại hội Đảng bộ tỉnh xác định mục tiêu: đến năm 2030, tỉnh trở thành tỉnh khá.", {});
  expect_milestones(
      "Phấn đấu đến ngày 15 tháng 3 năm 2020, các đảng bộ xã, phường và chi bộ cơ sở hoàn thành đại hội.",
      {{Level::grassroots, Event::complete, Relation::by, "2020-03-15", "2020-03-15"}});
  expect_milestones(
      "Đại hội Đảng bộ huyện thống nhất phấn đấu đến năm 2030 hoàn thành xây dựng nông thôn mới nâng cao; tầm nhìn "
      "đến năm 2045 trở thành huyện phát triển.",
      {});
  expect_milestones("Đại hội Đảng bộ huyện khẳng định quyết tâm đến năm 2030 đưa huyện trở thành thị xã.", {});
  expect_milestones("Phấn đấu đến ngày 30/6/2025, các đảng bộ cơ sở hoàn thành.",
                    {{Level::grassroots, Event::complete, Relation::by, "2025-06-30", "2025-06-30"}});
  expect_milestones("Huyện phấn đấu hoàn thành đại hội chi bộ trong tháng 2/2025.",
                    {{Level::branch, Event::complete, Relation::in, "2025-02-01", "2025-02-28"}});
}

}  // namespace
}  // namespace plancheck

namespace plancheck {
namespace {

// A bound on the time before takes its verb: both held, none completed.
TEST(Milestones, ABoundOnTheTimeBeforeTakesItsVerb) {
  expect_milestones(
      "Đại hội đại biểu Đảng bộ thị xã lần thứ XII tổ chức trong quý II/2020, chậm nhất là ngày 30/6/2020.",
      {{Level::district, Event::hold, Relation::in, "2020-04-01", "2020-06-30"},
       {Level::district, Event::hold, Relation::by, "2020-06-30", "2020-06-30"}});
  // Its own completion verb stays, before or after it.
  expect_milestones(
      "Đại hội đảng bộ cơ sở tổ chức trong quý II/2025, hoàn thành chậm nhất ngày 30/6/2025.",
      {{Level::grassroots, Event::hold, Relation::in, "2025-04-01", "2025-06-30"},
       {Level::grassroots, Event::complete, Relation::by, "2025-06-30", "2025-06-30"}});
  expect_milestones(
      "Đại hội đảng bộ cơ sở tổ chức trong quý II/2025, chậm nhất ngày 30/6/2025 phải hoàn thành.",
      {{Level::grassroots, Event::hold, Relation::in, "2025-04-01", "2025-06-30"},
       {Level::grassroots, Event::complete, Relation::by, "2025-06-30", "2025-06-30"}});
}

}  // namespace
}  // namespace plancheck
