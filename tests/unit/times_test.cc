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
        // The time of day is part of the expression.
        Case{"Sáng ngày 23/10/2024, tại trụ sở", "Sáng ngày 23/10/2024", Relation::in, "2024-10-23", "2024-10-23"},
        Case{"bắt đầu từ tháng 4.2015 và", "từ tháng 4.2015", Relation::from, "2015-04-01", "2015-04-30"},
        Case{"dự kiến từ ngày 2.6 - 12.6.2015.", "từ ngày 2.6 - 12.6.2015", Relation::between, "2015-06-02",
             "2015-06-12"},
        Case{"TRƯỚC NGÀY 30/6/2025", "TRƯỚC NGÀY 30/6/2025", Relation::before, "2025-06-30", "2025-06-30"},
        // Dates written with dashes or dots keep the relation word in front.
        Case{"các chi bộ tiến hành đại hội trước ngày 31-12-2019.", "trước ngày 31-12-2019", Relation::before,
             "2019-12-31", "2019-12-31"},
        Case{"hoàn thành chậm nhất ngày 15.3.2020;", "chậm nhất ngày 15.3.2020", Relation::by, "2020-03-15",
             "2020-03-15"},
        Case{"Đến ngày 20-8-2020, 21/21 đảng bộ đã hoàn thành", "Đến ngày 20-8-2020", Relation::by, "2020-08-20",
             "2020-08-20"},
        Case{"Tính đến thời điểm ngày 11/2/2020, các huyện ủy đã tổ chức", "Tính đến thời điểm ngày 11/2/2020",
             Relation::by, "2020-02-11", "2020-02-11"},
        Case{"Đại hội sẽ diễn ra trong 3 ngày (từ 9 đến 11-10-2025), với 498 đại biểu", "từ 9 đến 11-10-2025",
             Relation::between, "2025-10-09", "2025-10-11"},
        Case{"từ ngày 26 đến 28.8.2020 tại hội trường", "từ ngày 26 đến 28.8.2020", Relation::between, "2020-08-26",
             "2020-08-28"},
        Case{"từ tháng 6 đến tháng 8-2020, tổ chức đại hội", "từ tháng 6 đến tháng 8-2020", Relation::between,
             "2020-06-01", "2020-08-31"},
        // Half a month.
        Case{"đại hội điểm cấp xã sẽ được tổ chức trong nửa đầu tháng 3/2020.", "trong nửa đầu tháng 3/2020",
             Relation::in, "2020-03-01", "2020-03-15"},
        Case{"tổ chức vào nửa cuối tháng 4/2025.", "vào nửa cuối tháng 4/2025", Relation::in, "2025-04-16",
             "2025-04-30"},
        // A year alone, and targets.
        Case{"Thời gian hoàn thành tổ chức đại hội đảng bộ cấp cơ sở năm 2025", "năm 2025", Relation::in,
             "2025-01-01", "2025-12-31"},
        Case{"phấn đấu đến năm 2030 tỷ lệ đảng viên", "đến năm 2030", Relation::by, "2030-01-01", "2030-12-31"},
        Case{"tính đến năm 2024, toàn tỉnh có", "tính đến năm 2024", Relation::by, "2024-01-01", "2024-12-31"},
        // Days listed before one month: one period, first day to last.
        Case{"Theo chương trình, đại hội làm việc trong ngày 9 và 10-7-2020.", "trong ngày 9 và 10-7-2020",
             Relation::in, "2020-07-09", "2020-07-10"},
        Case{"Đại hội diễn ra trong các ngày 3, 4 và 5.6.2020 tại hội trường.", "trong các ngày 3, 4 và 5.6.2020",
             Relation::in, "2020-06-03", "2020-06-05"},
        // The ten-day parts of a month.
        Case{"tổ chức trong thượng tuần tháng 8/2025;", "trong thượng tuần tháng 8/2025", Relation::in,
             "2025-08-01", "2025-08-10", Part::early},
        Case{"khai mạc vào hạ tuần tháng 9/2025.", "vào hạ tuần tháng 9/2025", Relation::in, "2025-09-21",
             "2025-09-30", Part::late}));

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
  EXPECT_EQ(t[1].text, "Trong 2 ngày 7 và 8-5");
  EXPECT_EQ(t[1].relation, Relation::in);  // "trong" says in; the same interval as between
  EXPECT_EQ(t[1].period.start.iso(), "2020-05-07");
  EXPECT_EQ(t[1].period.end.iso(), "2020-05-08");
  EXPECT_TRUE(t[1].year_inferred);
}

// The expression's text, relation, start and end, for compact checks.
std::vector<std::string> described(const std::vector<TimeExpr>& times) {
  std::vector<std::string> out;
  for (const auto& t : times)
    out.push_back(t.text + " | " + to_string(t.relation) + " " + t.period.start.iso() + " " + t.period.end.iso());
  return out;
}
using Described = std::vector<std::string>;

TEST(Times, DayAndMonthAfterATimeOfDayOrARelationWord) {
  // News datelines: "Sáng 4.3" is 4 March, "Sáng 2-10" is 2 October (not a range).
  EXPECT_EQ(described(testing::times_of("Sáng 4.3, đoàn công tác số 1 của Tỉnh ủy làm việc với Đảng ủy Công an "
                                        "tỉnh về chuẩn bị đại hội nhiệm kỳ 2020 – 2025.")),
            Described{"Sáng 4.3 | in 2020-03-04 2020-03-04"});
  EXPECT_EQ(described(testing::times_of("Sáng 2-10, Tỉnh ủy tổ chức họp báo. Đại hội sẽ diễn ra từ 9 đến 11-10-2025.")),
            (Described{"Sáng 2-10 | in 2025-10-02 2025-10-02", "từ 9 đến 11-10-2025 | between 2025-10-09 2025-10-11"}));
  EXPECT_EQ(described(testing::times_of("Cả ngày 14/10 và buổi sáng 15/10, đại biểu tham dự phiên chính thức. "
                                        "Kế hoạch ngày 2/10/2025.")),
            (Described{"ngày 14/10 | in 2025-10-14 2025-10-14", "buổi sáng 15/10 | in 2025-10-15 2025-10-15",
                       "ngày 2/10/2025 | in 2025-10-02 2025-10-02"}));
  EXPECT_EQ(described(testing::times_of("Theo tìm hiểu, đến 22/1, trong tỉnh có 3 đảng bộ hoàn thành; hoàn thành "
                                        "trong tháng 2/2025.")),
            (Described{"đến 22/1 | by 2025-01-22 2025-01-22", "trong tháng 2/2025 | in 2025-02-01 2025-02-28"}));
}

TEST(Times, BareDaysAfterTodayWordsAndRelationWords) {
  EXPECT_EQ(described(testing::times_of("Sáng nay (14/7), Đảng bộ xã tổ chức đại hội nhiệm kỳ 2025 - 2030.")),
            Described{"14/7 | in 2025-07-14 2025-07-14"});
  EXPECT_EQ(described(testing::times_of("Đại hội dự kiến diễn ra từ 14-15/7, nhiệm kỳ 2025-2030.")),
            Described{"từ 14-15/7 | between 2025-07-14 2025-07-15"});
  EXPECT_EQ(described(testing::times_of("Đại hội diễn ra ngày 14 tháng 7, nhiệm kỳ 2025-2030.")),
            Described{"ngày 14 tháng 7 | in 2025-07-14 2025-07-14"});
  EXPECT_EQ(described(testing::times_of("Đại hội diễn ra trong 2 ngày (14-15/7), nhiệm kỳ 2025-2030.")),
            Described{"14-15/7 | in 2025-07-14 2025-07-15"});
  EXPECT_EQ(described(testing::times_of("Đại hội diễn ra trong các ngày 14, 15 và 16/10, nhiệm kỳ 2025-2030.")),
            Described{"trong các ngày 14, 15 và 16/10 | in 2025-10-14 2025-10-16"});
  // A range to a whole date needs no word in front.
  EXPECT_EQ(described(testing::times_of("Đại hội Đảng bộ tỉnh (14/7 - 16/7/2025) thành công.")),
            Described{"14/7 - 16/7/2025 | between 2025-07-14 2025-07-16"});
  // Without such a word, numbers like these are counts; a share of a number is no date either.
  EXPECT_TRUE(testing::times_of("có 14-15/7 đơn vị; 3/5 xã, nhiệm kỳ 2025-2030 (kết quả 2/3).").empty());
  EXPECT_TRUE(testing::times_of("được tới 2/3 số đại biểu tán thành, nhiệm kỳ 2025-2030.").empty());
}

TEST(Times, FractionsCountsAndDurationsAreNotDates) {
  // With a year in the text, none of these may borrow it.
  const std::string year = " Kế hoạch ngày 10/1/2020.";
  for (const char* s : {"Hà Nội đã có 40/50 đảng bộ tổ chức thành công đại hội.",
                        "thực hiện đầy đủ 4/4 nội dung theo Chỉ thị", "đạt 46/49 đơn vị;",
                        "thời gian đại hội không quá 1/2 ngày.", "đại hội chi bộ trong 1/2 ngày.",
                        "tại 1.725 chi bộ trên tổng số 4.130 chi bộ", "đại diện cho 119.396 đảng viên",
                        "ít nhất trước 45 ngày làm việc", "dừng bổ sung cấp ủy viên trước 6 tháng",
                        "phiên trù bị từ 14 giờ đến 17 giờ 30 phút.", "trong 5 năm 2021 - 2025"}) {
    const auto t = testing::times_of(s + year);
    ASSERT_EQ(t.size(), 1u) << s;
    EXPECT_EQ(t[0].text, "ngày 10/1/2020") << s;
  }
}

TEST(Times, RangesAndListsOfDays) {
  // "đến hết" ends a range; the year comes from the text.
  EXPECT_EQ(described(testing::times_of("Đăng 25/02/2020. Đại hội cấp cơ sở dự kiến diễn ra từ tháng 4 đến hết "
                                        "tháng 5; đầu tháng 8 sẽ tổ chức Đại hội Đảng bộ huyện.")),
            (Described{"25/02/2020 | in 2020-02-25 2020-02-25", "từ tháng 4 đến hết tháng 5 | between 2020-04-01 2020-05-31",
                       "đầu tháng 8 | in 2020-08-01 2020-08-10"}));
  // Two days counted in front: one period, "trong" keeps "in".
  EXPECT_EQ(described(testing::times_of("Đại hội sẽ diễn ra trong hai ngày 24 và 25-2. Ngày 12/2/2025.")),
            (Described{"trong hai ngày 24 và 25-2 | in 2025-02-24 2025-02-25", "Ngày 12/2/2025 | in 2025-02-12 2025-02-12"}));
  EXPECT_EQ(described(testing::times_of("Cụ thể, trong các ngày 11/10 và ngày 12/10, đại biểu tham quan. Ngày 1/9/2025.")),
            (Described{"trong các ngày 11/10 và ngày 12/10 | in 2025-10-11 2025-10-12",
                       "Ngày 1/9/2025 | in 2025-09-01 2025-09-01"}));
  // Without a word that counts days, "và" joins nothing.
  EXPECT_EQ(testing::times_of("họp ngày 11/10 và ngày 12/10/2025 tại tỉnh").size(), 2u);
  // A clock time before each day is part of the range.
  EXPECT_EQ(described(testing::times_of("Phiên chính thức từ 7 giờ 30 phút ngày 1/10 đến 11 giờ 30 phút ngày 2/10. "
                                        "Ngày 5/9/2025.")),
            (Described{"từ 7 giờ 30 phút ngày 1/10 đến 11 giờ 30 phút ngày 2/10 | between 2025-10-01 2025-10-02",
                       "Ngày 5/9/2025 | in 2025-09-05 2025-09-05"}));
  EXPECT_EQ(described(testing::times_of("Đại hội diễn ra từ 7h30 ngày 14/7 đến 11h ngày 15/7/2025.")),
            Described{"từ 7h30 ngày 14/7 đến 11h ngày 15/7/2025 | between 2025-07-14 2025-07-15"});
  // Hours alone are no day: "ngày 30/9" after them stands alone.
  EXPECT_EQ(described(testing::times_of("phiên trù bị từ 14 giờ đến 17 giờ 30 phút, ngày 30/9. Ngày 5/9/2025.")),
            (Described{"ngày 30/9 | in 2025-09-30 2025-09-30", "Ngày 5/9/2025 | in 2025-09-05 2025-09-05"}));
}

TEST(Times, YearFromTheTermWhenNoneIsWritten) {
  EXPECT_EQ(described(testing::times_of("Đại hội Đảng bộ huyện nhiệm kỳ 2020 - 2025 được tổ chức từ ngày 26 đến 28/8.")),
            Described{"từ ngày 26 đến 28/8 | between 2020-08-26 2020-08-28"});
  EXPECT_EQ(described(testing::times_of("(HPĐT)- Ngày 17-2, Ban Chấp hành Đảng bộ phường duyệt chương trình Đại hội "
                                        "nhiệm kỳ 2025-2030.")),
            Described{"Ngày 17-2 | in 2025-02-17 2025-02-17"});
  // No year and no term: left out.
  EXPECT_TRUE(testing::times_of("Các đảng bộ hoàn thành đại hội trước ngày 30-6 do dịch COVID-19.").empty());
}

TEST(Times, ACitedDocumentsYearIsNotTheTextsYear) {
  // The only year written is the directive's; the congresses of the term 2020-2025 are in 2020.
  auto t = testing::times_of(
      "Hiện còn 10 đảng bộ cấp trên cơ sở nhiệm kỳ 2020-2025 chưa tổ chức đại hội, dự kiến sẽ tổ chức xong trước "
      "ngày 18/8. Các đại hội thực hiện đầy đủ 4/4 nội dung theo Chỉ thị 35-CT/TƯ ngày 30/5/2019 của Bộ Chính trị.");
  EXPECT_EQ(described(t), (Described{"trước ngày 18/8 | before 2020-08-18 2020-08-18",
                                     "ngày 30/5/2019 | in 2019-05-30 2019-05-30"}));
  // "ban hành hồi tháng 5-2019" dates the directive; the text's own year is 2020.
  t = testing::times_of(
      "Theo Chỉ thị 35 của Bộ Chính trị, ban hành hồi tháng 5-2019, đại hội sẽ bắt đầu từ tháng 4 này và hoàn thành "
      "trước ngày 30-6. Dịch bệnh không còn tính chất cấp tỉnh như hồi tháng 2-2020.");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[1].period.start.iso(), "2020-04-01");
  EXPECT_EQ(t[2].period.start.iso(), "2020-06-30");
}

TEST(Times, AReportDayFollowsTheDocumentsItCites) {
  // "Chiều 16/10": after the latest document the meeting carries out (16/9/2024), not in the term's 2025.
  auto t = testing::times_of(
      "Chiều 16/10, Huyện ủy Châu Đức tổ chức hội nghị triển khai Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính "
      "trị; Hướng dẫn số 03-HD/HU ngày 16/9/2024 về đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030.");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "Chiều 16/10");
  EXPECT_EQ(t[0].period.start.iso(), "2024-10-16");
  // After a source tag without parentheses.
  t = testing::times_of("ĐBP - Sáng 25/9, Huyện ủy quán triệt Kế hoạch số 172-KH/HU ngày 20/9/2024 của Huyện ủy; "
                        "đại hội cấp cơ sở hoàn thành trong tháng 2/2025.");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "Sáng 25/9");
  EXPECT_EQ(t[0].period.start.iso(), "2024-09-25");
  // A date in parentheses after the code is the document's too.
  t = testing::times_of("Chiều 16/10, Huyện ủy quán triệt Chỉ thị số 35-CT/TW (ngày 14/6/2024) về đại hội nhiệm kỳ "
                        "2025 - 2030.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].period.start.iso(), "2024-10-16");
  // Not from documents older than the preparation of the term: the term decides.
  t = testing::times_of("Sáng 14/7, Đảng ủy quán triệt Nghị quyết 18-NQ/TW ngày 25/10/2017 tại Đại hội nhiệm kỳ "
                        "2025 - 2030.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].period.start.iso(), "2025-07-14");
  // A day before the latest document's day and month is in the next year.
  t = testing::times_of("Ngày 10/1, Đảng ủy quán triệt Kế hoạch số 12-KH/ĐU ngày 20/12/2024 của Đảng ủy.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].period.start.iso(), "2025-01-10");
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

TEST(Times, RangesWhoseEndsDifferInForm) {
  // One span from the start of the first end to the end of the second, each end's part applied.
  EXPECT_EQ(described(testing::times_of("đại hội các đảng bộ cơ sở sẽ diễn ra từ tháng 3 đến cuối tháng 5-2020;")),
            (Described{"từ tháng 3 đến cuối tháng 5-2020 | between 2020-03-01 2020-05-31"}));
  EXPECT_EQ(described(testing::times_of("Trước đó, từ tháng 3 đến ngày 25.5.2020, 100% tổ chức cơ sở đảng")),
            (Described{"từ tháng 3 đến ngày 25.5.2020 | between 2020-03-01 2020-05-25"}));
  EXPECT_EQ(described(testing::times_of("tiến hành từ đầu tháng 3 đến giữa tháng 4/2025.")),
            (Described{"từ đầu tháng 3 đến giữa tháng 4/2025 | between 2025-03-01 2025-04-20"}));
  EXPECT_EQ(described(testing::times_of("tổ chức từ ngày 10/3 đến hết tháng 4/2025.")),
            (Described{"từ ngày 10/3 đến hết tháng 4/2025 | between 2025-03-10 2025-04-30"}));
  EXPECT_EQ(described(testing::times_of("thực hiện từ tháng 11 đến ngày 15/2/2025.")),
            (Described{"từ tháng 11 đến ngày 15/2/2025 | between 2024-11-01 2025-02-15"}));
  // Same-form ranges take their parts too.
  EXPECT_EQ(described(testing::times_of("từ cuối tháng 3 đến đầu tháng 4/2025")),
            (Described{"từ cuối tháng 3 đến đầu tháng 4/2025 | between 2025-03-21 2025-04-10"}));
  // A share after "đến" is no end.
  EXPECT_EQ(described(testing::times_of("Kế hoạch ngày 5/1/2025. Từ tháng 3 đến 2/3 số chi bộ đã đại hội.")).back(),
            "Từ tháng 3 | from 2025-03-01 2025-03-31");
  // Two times a sentence apart stay two.
  EXPECT_EQ(described(testing::times_of("bắt đầu từ tháng 4, đến ngày 30/6/2025 hoàn thành.")).size(), 2u);
}

TEST(Times, QuarterInRomanFiguresWithoutAYear) {
  EXPECT_EQ(described(testing::times_of(
                "tổ chức trong quý III/2020, xong trước ngày 31-8-2020. Huyện tổ chức đại hội điểm vào cuối quý II.")),
            (Described{"trong quý III/2020 | in 2020-07-01 2020-09-30", "trước ngày 31-8-2020 | before 2020-08-31 2020-08-31",
                       "vào cuối quý II | in 2020-06-01 2020-06-30"}));
  EXPECT_EQ(described(testing::times_of("Kế hoạch ngày 5/1/2025. Hoàn thành trong quý III.")).back(),
            "trong quý III | in 2025-07-01 2025-09-30");
  // Without a relation or a part word, and in names, no time.
  EXPECT_EQ(testing::times_of("Kế hoạch ngày 5/1/2025. Quý II là thời điểm quan trọng.").size(), 1u);
  EXPECT_EQ(testing::times_of("Kế hoạch ngày 5/1/2025. Trường THCS Lê Quý Đôn.").size(), 1u);
}

TEST(Times, TwoMonthsJoinedByVa) {
  EXPECT_EQ(described(testing::times_of("được tiến hành trong tháng 12/2019 và tháng 01/2020.")),
            (Described{"trong tháng 12/2019 và tháng 01/2020 | in 2019-12-01 2020-01-31"}));
  EXPECT_EQ(described(testing::times_of("tổ chức trong tháng 3 và tháng 4/2025.")),
            (Described{"trong tháng 3 và tháng 4/2025 | in 2025-03-01 2025-04-30"}));
  EXPECT_EQ(described(testing::times_of("dự kiến tổ chức trong quý III và quý IV/2025.")),
            (Described{"trong quý III và quý IV/2025 | in 2025-07-01 2025-12-31"}));
  // Months or quarters that do not follow each other are two times.
  EXPECT_EQ(testing::times_of("trong tháng 3/2025 và tháng 6/2025").size(), 2u);
  EXPECT_EQ(testing::times_of("trong quý I và quý III/2025").size(), 2u);
}

TEST(Times, YearsOfOtherArticlesAreNotTheTexts) {
  const auto t = testing::times_of(
      "Đảng bộ xã tổ chức đại hội ngày 20-2-2025. Trước ngày 30-6, huyện sẽ tổ chức Đại hội.\n\n"
      "Tin cùng chuyên mục\n• Tổng kết công tác xây dựng Đảng năm 2024 (10-1-2024)\n");
  ASSERT_GE(t.size(), 2u);
  EXPECT_EQ(t[1].period.start.iso(), "2025-06-30");
  // Below the heading the nearest year still counts: "(10-1)" there is 2024's.
  const auto u = testing::times_of("Đại hội ngày 20-2-2025.\n\nTin liên quan\n• Đại hội năm 2024 (ngày 10-1)\n");
  ASSERT_EQ(u.size(), 3u);
  EXPECT_EQ(u[2].period.start.iso(), "2024-01-10");
}

TEST(Times, RelationWordWithAWrongOrMissingMark) {
  for (const char* sentence : {"đại hội đảng bộ cơ sở hoàn thành trươc ngày 15/5/2025.",
                               "đại hội đảng bộ cơ sở hoàn thành truớc ngày 15/5/2025."}) {
    std::vector<Notice> notices;
    const auto t = testing::times_of(sentence, &notices);
    ASSERT_EQ(t.size(), 1u) << sentence;
    EXPECT_EQ(t[0].relation, Relation::before) << sentence;
    EXPECT_EQ(t[0].period.start.iso(), "2025-05-15");
    ASSERT_EQ(notices.size(), 1u) << sentence;
    EXPECT_EQ(notices[0].code, "typo");
    EXPECT_EQ(notices[0].suggestion, "trước");
  }
  // Both words without marks: read as "trước ngày" (Text writes them with
  // their marks and says so: one notice, none from the times).
  {
    std::vector<Notice> notices;
    const auto t = testing::times_of("các đảng bộ hoàn thành truoc ngay 31/8/2025.", &notices);
    ASSERT_EQ(t.size(), 1u);
    EXPECT_EQ(t[0].text, "trước ngày 31/8/2025");
    EXPECT_EQ(t[0].relation, Relation::before);
    EXPECT_EQ(t[0].period.start.iso(), "2025-08-31");
    EXPECT_TRUE(notices.empty());
    EXPECT_EQ(described(testing::times_of("Tổ chức trong thang 3/2025.")),
              (Described{"trong tháng 3/2025 | in 2025-03-01 2025-03-31"}));
    EXPECT_EQ(testing::times_of("Kế hoạch ngày 5/1/2025. Triển khai ngay 3 nhiệm vụ.").size(), 1u);
  }
  // The right word gives no notice; a weekday "Tư" is no "từ".
  std::vector<Notice> notices;
  auto t = testing::times_of("hoàn thành trước ngày 15/5/2025. Thứ Tư ngày 5/3/2025.", &notices);
  EXPECT_TRUE(notices.empty());
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].relation, Relation::in);
}

TEST(Times, ADeadlineBesideATermTakesItsFirstYear) {
  // The nearest written year is 2024's, but the sentence names the term the congress opens.
  auto t = testing::times_of(
      "Năm 2024, huyện đã chuẩn bị. Trước ngày 30-6, huyện sẽ tổ chức Đại hội Đảng bộ huyện lần thứ XIII, "
      "nhiệm kỳ 2025 - 2030.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].period.start.iso(), "2025-06-30");
  // The day of a report keeps the nearest year: the plan for the term is issued the year before.
  t = testing::times_of(
      "Cập nhật: 06/11/2024\n(BĐ) - Ngày 5.11, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch về tổ chức đại hội đảng bộ "
      "các cấp nhiệm kỳ 2025 - 2030.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].period.start.iso(), "2024-11-05");
}

}  // namespace
}  // namespace plancheck
