#include <gtest/gtest.h>

#include "test_util.h"

namespace plancheck {
namespace {

struct Case {
  const char* sentence;
  const char* text;  // the expression as extracted
  Relation relation;
  const char* start;
  const char* end;
  Part part = Part::none;
  bool inferred = false;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.sentence; }

class TimeForms : public ::testing::TestWithParam<Case> {};

TEST_P(TimeForms, ResolvesToPeriod) {
  const Case& c = GetParam();
  auto times = testing::times_of(c.sentence);
  ASSERT_EQ(times.size(), 1u) << c.sentence;
  const TimeExpr& t = times[0];
  EXPECT_EQ(t.text, c.text);
  EXPECT_EQ(t.relation, c.relation) << c.sentence;
  EXPECT_EQ(t.period.start.iso(), c.start) << c.sentence;
  EXPECT_EQ(t.period.end.iso(), c.end) << c.sentence;
  EXPECT_EQ(t.part, c.part) << c.sentence;
  EXPECT_EQ(t.year_inferred, c.inferred) << c.sentence;
}

INSTANTIATE_TEST_SUITE_P(
    Domain, TimeForms,
    ::testing::Values(
        Case{"Hội nghị diễn ra ngày 20/9/2024 tại huyện.", "ngày 20/9/2024", Relation::in, "2024-09-20", "2024-09-20"},
        Case{"Đăng lúc 24/02/2025 09:32 SA", "24/02/2025", Relation::in, "2025-02-24", "2025-02-24"},
        Case{"ký ngày 20 tháng 9 năm 2024 tại", "ngày 20 tháng 9 năm 2024", Relation::in, "2024-09-20", "2024-09-20"},
        Case{"ban hành 20-9-2024 và", "20-9-2024", Relation::in, "2024-09-20", "2024-09-20"},
        Case{"ban hành 20.9.2024 và", "20.9.2024", Relation::in, "2024-09-20", "2024-09-20"},
        Case{"hoàn thành trong tháng 2/2025;", "trong tháng 2/2025", Relation::in, "2025-02-01", "2025-02-28"},
        Case{"hoàn thành trong tháng 02/2024;", "trong tháng 02/2024", Relation::in, "2024-02-01", "2024-02-29"},
        Case{"hoàn thành trong tháng 2 năm 2025.", "trong tháng 2 năm 2025", Relation::in, "2025-02-01", "2025-02-28"},
        Case{"hoàn thành trước 15/6/2025;", "trước 15/6/2025", Relation::before, "2025-06-15", "2025-06-15"},
        Case{"hoàn thành trước ngày 20/7/2025.", "trước ngày 20/7/2025", Relation::before, "2025-07-20", "2025-07-20"},
        Case{"hoàn thành trước tháng 3/2025.", "trước tháng 3/2025", Relation::before, "2025-03-01", "2025-03-31"},
        Case{"bắt đầu từ tháng 01/2025, ", "từ tháng 01/2025", Relation::from, "2025-01-01", "2025-01-31"},
        Case{"phải hoàn thành từ ngày 15 - 30/3/2020.", "từ ngày 15 - 30/3/2020", Relation::between, "2020-03-15",
             "2020-03-30"},
        Case{"tổ chức từ ngày 15 đến ngày 30/3/2020.", "từ ngày 15 đến ngày 30/3/2020", Relation::between,
             "2020-03-15", "2020-03-30"},
        Case{"tiến hành từ tháng 4 đến tháng 6/2025.", "từ tháng 4 đến tháng 6/2025", Relation::between, "2025-04-01",
             "2025-06-30"},
        Case{"tiến hành từ 20/3/2025 đến 5/4/2025.", "từ 20/3/2025 đến 5/4/2025", Relation::between, "2025-03-20",
             "2025-04-05"},
        Case{"dự kiến vào cuối tháng 12/2019.", "vào cuối tháng 12/2019", Relation::in, "2019-12-21", "2019-12-31",
             Part::late},
        Case{"bắt đầu tổ chức từ giữa tháng 10/2024.", "từ giữa tháng 10/2024", Relation::from, "2024-10-11",
             "2024-10-20", Part::mid},
        Case{"khai mạc đầu tháng 9/2025.", "đầu tháng 9/2025", Relation::in, "2025-09-01", "2025-09-10", Part::early},
        Case{"tổ chức vào đầu quý I/2025.", "vào đầu quý I/2025", Relation::in, "2025-01-01", "2025-01-31",
             Part::early},
        Case{"tổ chức trong quý 1 năm 2025.", "trong quý 1 năm 2025", Relation::in, "2025-01-01", "2025-03-31"},
        Case{"tổ chức trong quý II/2025.", "trong quý II/2025", Relation::in, "2025-04-01", "2025-06-30"},
        Case{"tổ chức cuối quý IV/2025.", "cuối quý IV/2025", Relation::in, "2025-12-01", "2025-12-31", Part::late},
        Case{"hoàn thành trong 6 tháng đầu năm 2025.", "trong 6 tháng đầu năm 2025", Relation::in, "2025-01-01",
             "2025-06-30"},
        Case{"hoàn thành 6 tháng cuối năm 2025.", "6 tháng cuối năm 2025", Relation::in, "2025-07-01", "2025-12-31"},
        // Atoms that start words before the year's digits.
        Case{"hoàn thành trong nửa đầu năm 2025.", "trong nửa đầu năm 2025", Relation::in, "2025-01-01",
             "2025-06-30"},
        Case{"tổ chức trong sáu tháng cuối năm 2025.", "trong sáu tháng cuối năm 2025", Relation::in, "2025-07-01",
             "2025-12-31"},
        Case{"tổ chức trong quý III năm 2025.", "trong quý III năm 2025", Relation::in, "2025-07-01", "2025-09-30"},
        Case{"tổ chức trong quý 2/2025.", "trong quý 2/2025", Relation::in, "2025-04-01", "2025-06-30"},
        Case{"tổ chức trong quý iii-2025.", "trong quý iii-2025", Relation::in, "2025-07-01", "2025-09-30"},
        Case{"nhiệm vụ trọng tâm trong năm 2025;", "trong năm 2025", Relation::in, "2025-01-01", "2025-12-31"},
        Case{"Đại hội XIV dự kiến đầu năm 2026.", "đầu năm 2026", Relation::in, "2026-01-01", "2026-04-30",
             Part::early},
        Case{"Đến ngày 22/11/2024, 470/470 chi bộ", "Đến ngày 22/11/2024", Relation::by, "2024-11-22", "2024-11-22"},
        Case{"hoàn thành chậm nhất ngày 31/8/2025.", "chậm nhất ngày 31/8/2025", Relation::by, "2025-08-31",
             "2025-08-31"},
        Case{"hoàn thành trước hoặc trong tháng 8/2025.", "trước hoặc trong tháng 8/2025", Relation::by,
             "2025-08-01", "2025-08-31"},
        Case{"tổ chức sau ngày 30/6/2025.", "sau ngày 30/6/2025", Relation::after, "2025-06-30", "2025-06-30"},
        Case{"Sáng ngày 23/10/2024, tại trụ sở", "ngày 23/10/2024", Relation::in, "2024-10-23", "2024-10-23"},
        Case{"bắt đầu từ tháng 4.2015 và", "từ tháng 4.2015", Relation::from, "2015-04-01", "2015-04-30"},
        Case{"dự kiến từ ngày 2.6 - 12.6.2015.", "từ ngày 2.6 - 12.6.2015", Relation::between, "2015-06-02",
             "2015-06-12"},
        Case{"TRƯỚC NGÀY 30/6/2025", "TRƯỚC NGÀY 30/6/2025", Relation::before, "2025-06-30", "2025-06-30"}));

TEST(Times, YearInferredFromNearestDate) {
  auto t = testing::times_of("Ngày 25/9, hội nghị quán triệt Kế hoạch ngày 20/9/2024.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_TRUE(t[0].year_inferred);
  EXPECT_EQ(t[0].period.start.iso(), "2024-09-25");
  EXPECT_FALSE(t[1].year_inferred);
}

TEST(Times, MonthWithoutYearNeedsARelationWord) {
  // "tháng 3" alone may be anything; "trong tháng 3" with a year nearby is a time.
  auto t = testing::times_of("Kế hoạch ngày 10/1/2025: hoàn thành trong tháng 3.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].period.start.iso(), "2025-03-01");
  EXPECT_TRUE(t[1].year_inferred);
  EXPECT_TRUE(testing::times_of("lương tháng 3 và 470/470 chi bộ").empty());
}

TEST(Times, DayWithoutYearWithADash) {
  // "hoàn thành trước ngày 30-6" in a 2020 article: year from the date nearby.
  auto t = testing::times_of("bắt đầu từ tháng 4 và hoàn thành trước ngày 30-6. Đăng ngày 02/4/2020.");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].relation, Relation::before);
  EXPECT_EQ(t[1].period.start.iso(), "2020-06-30");
  EXPECT_TRUE(t[1].year_inferred);
}

TEST(Times, TwoDaysOfAMonthWithoutYear) {
  auto t = testing::times_of("Đăng ngày 08/05/2020. Trong 2 ngày 7 và 8-5, Đảng bộ xã tiến hành đại hội.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].relation, Relation::between);
  EXPECT_EQ(t[1].period.start.iso(), "2020-05-07");
  EXPECT_EQ(t[1].period.end.iso(), "2020-05-08");
  EXPECT_TRUE(t[1].year_inferred);
}

TEST(Times, DateWordMistypedWithATelexKey) {
  auto t = testing::times_of("tổ chức cuối thangs 7/2025; Chỉ thị số 35-CT/TW, ngafy 14/6/2024.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "cuối thangs 7/2025");
  EXPECT_EQ(t[0].part, Part::late);
  EXPECT_EQ(t[0].period.start.iso(), "2025-07-21");
  EXPECT_EQ(t[1].text, "ngafy 14/6/2024");
}

TEST(Times, TermRangesAndCountsAreNotTimes) {
  EXPECT_TRUE(testing::times_of("Đại hội Đảng bộ các cấp, nhiệm kỳ 2025 - 2030").empty());
  EXPECT_TRUE(testing::times_of("470/470 chi bộ; 8.021 đảng viên; tỷ lệ 76,35%; Trong tháng: 306").empty());
  EXPECT_TRUE(testing::times_of("tổng kết 15 năm thi hành điều lệ Đảng").empty());
}

TEST(Times, ImpossibleDateIsANoticeNotATime) {
  std::vector<Notice> notices;
  auto t = testing::times_of("hoàn thành trước ngày 31/2/2025.", &notices);
  EXPECT_TRUE(t.empty());
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].code, "invalid_date");
  EXPECT_EQ(notices[0].text, "ngày 31/2/2025");
}

TEST(Times, LeapDayIsValidOnlyInLeapYears) {
  EXPECT_EQ(testing::times_of("ngày 29/2/2024").size(), 1u);
  std::vector<Notice> notices;
  EXPECT_TRUE(testing::times_of("ngày 29/2/2025", &notices).empty());
  EXPECT_EQ(notices.size(), 1u);
}

TEST(Times, SeveralInOneSentenceKeepTheirOwnRelations) {
  auto t = testing::times_of(
      "Đại hội chi bộ trực thuộc đảng ủy cơ sở bắt đầu thực hiện từ tháng 01/2025, hoàn thành trong tháng 03/2025. "
      "Đại hội chi bộ cơ sở bắt đầu thực hiện từ tháng 04/2025, hoàn thành trước ngày 30/6/2025.");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].relation, Relation::from);
  EXPECT_EQ(t[1].relation, Relation::in);
  EXPECT_EQ(t[2].relation, Relation::from);
  EXPECT_EQ(t[3].relation, Relation::before);
}

TEST(Times, SpansPointAtTheExpression) {
  auto t = testing::times_of("Dòng 1\nhoàn thành trước ngày 30/6/2025");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].span.line, 2u);
  EXPECT_EQ(t[0].span.column, 12u);
}

}  // namespace
}  // namespace plancheck
