#include <gtest/gtest.h>

#include "test_util.h"

namespace plancheck {
namespace {

TEST(Pilots, CountedUnnamedBranchPilotWithTime) {
  auto x = testing::run("Về tổ chức đại hội điểm, Đảng ủy cơ sở chọn 1 chi bộ trực thuộc để chỉ đạo đại hội điểm trong tháng 1/2025.");
  ASSERT_EQ(x.pilots.size(), 1u);
  const Pilot& p = x.pilots[0];
  EXPECT_EQ(p.kind, PilotKind::model_congress);
  EXPECT_EQ(p.level, Level::branch);
  EXPECT_TRUE(p.units.empty());
  EXPECT_EQ(p.count, 1);
  EXPECT_EQ(p.selected_by, "Đảng ủy cơ sở");
  ASSERT_TRUE(p.time);
  EXPECT_EQ(p.time->period.start.iso(), "2025-01-01");
}

TEST(Pilots, NamedUnitsChosenByTheDistrict) {
  auto x = testing::run(
      "Ban Thường vụ Huyện ủy chọn Đảng bộ xã Đạ Nhim và Chi bộ Mặt trận - các đoàn thể để chỉ đạo đại hội điểm "
      "trong tháng 3/2025.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);
  EXPECT_EQ(x.pilots[0].units, (std::vector<std::string>{"Đảng bộ xã Đạ Nhim", "Chi bộ Mặt trận - các đoàn thể"}));
  EXPECT_EQ(x.pilots[0].count, 2);
  EXPECT_EQ(x.pilots[0].selected_by, "Ban Thường vụ Huyện ủy");
}

TEST(Pilots, TwoPilotsOneChoiceTimeInNextSentence) {
  auto x = testing::run(
      "Ban Thường vụ Huyện ủy đã thống nhất chọn Đảng bộ xã Liên Hiệp và Chi bộ Phòng Tài chính - Kế hoạch tổ chức "
      "đại hội điểm và Đảng bộ Trung tâm Y tế huyện tổ chức đại hội thí điểm trực tiếp bầu bí thư cấp ủy tại đại "
      "hội. Thời gian tổ chức đại hội điểm và thí điểm dự kiến trong tháng 3/2025.");
  ASSERT_EQ(x.pilots.size(), 2u);
  EXPECT_EQ(x.pilots[0].kind, PilotKind::model_congress);
  EXPECT_EQ(x.pilots[0].units.size(), 2u);
  EXPECT_EQ(x.pilots[1].kind, PilotKind::direct_election);
  EXPECT_EQ(x.pilots[1].units, std::vector<std::string>{"Đảng bộ Trung tâm Y tế huyện"});
  EXPECT_EQ(x.pilots[1].level, Level::grassroots);
  for (const auto& p : x.pilots) {
    ASSERT_TRUE(p.time);
    EXPECT_EQ(p.time->period.start.iso(), "2025-03-01");
  }
}

TEST(Pilots, DirectElectionWithoutTime) {
  auto x = testing::run(
      "Về thí điểm đại hội bầu trực tiếp Bí thư cấp ủy, Ban Thường vụ Huyện ủy chọn Đảng bộ thị trấn Lạc Dương để "
      "thí điểm bầu bí thư cấp ủy tại đại hội.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].kind, PilotKind::direct_election);
  EXPECT_EQ(x.pilots[0].units, std::vector<std::string>{"Đảng bộ thị trấn Lạc Dương"});
  EXPECT_FALSE(x.pilots[0].time);
}

TEST(Pilots, SeveralCountedUnits) {
  auto x = testing::run(
      "Ban Thường vụ Quận ủy lựa chọn 01 đảng bộ phường, 01 đảng bộ khối hành chính sự nghiệp, 01 chi bộ cơ sở để "
      "tổ chức đại hội điểm vào đầu quý I/2025.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].count, 3);
  EXPECT_TRUE(x.pilots[0].units.empty());
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);
  EXPECT_EQ(x.pilots[0].time->period.end.iso(), "2025-01-31");
}

TEST(Pilots, UnitsAfterTaiAndTimeInNextSentence) {
  auto x = testing::run(
      "Huyện đã thành lập Ban chỉ đạo Đại hội, chọn làm điểm tại Đảng bộ xã Văn Nghĩa và Trường THPT Lạc Sơn. Theo "
      "đó, các đơn vị được lựa chọn tổ chức đại hội điểm phải hoàn thành từ ngày 15 - 30/3/2020.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].units, (std::vector<std::string>{"Đảng bộ xã Văn Nghĩa", "Trường THPT Lạc Sơn"}));
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);
  ASSERT_TRUE(x.pilots[0].time);
  EXPECT_EQ(x.pilots[0].time->relation, Relation::between);
  EXPECT_TRUE(x.milestones.empty());
}

TEST(Pilots, PassiveChoiceAndExplicitLevel) {
  auto x = testing::run(
      "Đảng bộ Khối được Ban Thường vụ Tỉnh uỷ chỉ đạo tổ chức đại hội điểm cấp huyện (Khối trực thuộc) và hoàn "
      "thành trước tháng 5/2025.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].level, Level::district);
  EXPECT_EQ(x.pilots[0].units, std::vector<std::string>{"Đảng bộ Khối"});
  EXPECT_EQ(x.pilots[0].selected_by, "Ban Thường vụ Tỉnh uỷ");
  ASSERT_EQ(x.milestones.size(), 1u);
  EXPECT_EQ(x.milestones[0].level, Level::district);
  EXPECT_EQ(x.milestones[0].event, Event::complete);
}

TEST(Pilots, MentionsThatChooseNothingAreNotPilots) {
  auto x = testing::run(
      "phân công các đồng chí Ủy viên Ban Thường vụ Đảng ủy trực tiếp dự đại hội điểm, tổ chức hội nghị rút kinh "
      "nghiệm sau đại hội điểm; đại biểu tại điểm cầu các xã; thời điểm và địa điểm tổ chức.");
  EXPECT_TRUE(x.pilots.empty());
}

TEST(Pilots, ChoiceGoesOnAcrossASemicolon) {
  auto x = testing::run(
      "Ban Thường vụ Huyện ủy dự kiến chọn Đảng bộ xã Tân An tổ chức đại hội điểm; Đảng bộ xã Tân Bình để thực "
      "hiện thí điểm đại hội trực tiếp bầu bí thư.");
  ASSERT_EQ(x.pilots.size(), 2u);
  EXPECT_EQ(x.pilots[1].kind, PilotKind::direct_election);
  EXPECT_EQ(x.pilots[1].units, std::vector<std::string>{"Đảng bộ xã Tân Bình"});
}

TEST(Pilots, NamedUnitsTimeInTheNextSentence) {
  auto x = testing::run(
      "Đảng bộ xã Quảng Phú là đơn vị được chọn đại hội điểm của huyện. Dự kiến, Đảng bộ xã Quảng Phú tổ chức "
      "đại hội từ ngày 5.3 - 7.3.2025.");
  ASSERT_EQ(x.pilots.size(), 1u);
  ASSERT_TRUE(x.pilots[0].time);
  EXPECT_EQ(x.pilots[0].time->relation, Relation::between);
  EXPECT_EQ(x.pilots[0].time->period.start.iso(), "2025-03-05");
  EXPECT_EQ(x.pilots[0].time->period.end.iso(), "2025-03-07");
}

TEST(Pilots, UnitsThatCarryThePilotOutThemselves) {
  auto x = testing::run(
      "Đảng bộ xã Tân Hòa và Đảng bộ Công an huyện thực hiện thí điểm đại hội trực tiếp bầu Bí thư Đảng ủy "
      "nhiệm kỳ 2025 - 2030.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].kind, PilotKind::direct_election);
  EXPECT_EQ(x.pilots[0].count, 2);
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);  // an agency's organisation, not the district's
}

TEST(Pilots, PassiveChoiceOfACommitteeOrABareUnit) {
  auto a = testing::run("Đảng ủy xã Yên Lạc là đơn vị được Tỉnh ủy chọn để tổ chức Đại hội điểm cấp xã.");
  ASSERT_EQ(a.pilots.size(), 1u);
  EXPECT_EQ(a.pilots[0].units, std::vector<std::string>{"Đảng ủy xã Yên Lạc"});
  EXPECT_EQ(a.pilots[0].level, Level::grassroots);
  auto b = testing::run("Đây là Đảng bộ được Ban Thường vụ Huyện ủy chọn là đại hội điểm rút kinh nghiệm.");
  ASSERT_EQ(b.pilots.size(), 1u);
  EXPECT_EQ(b.pilots[0].count, 1);
  EXPECT_TRUE(b.pilots[0].units.empty());
}

TEST(Pilots, ScheduleByLevelWithoutChosenUnits) {
  auto x = testing::run(
      "- Thời gian tổ chức đại hội điểm: Cấp cơ sở vào đầu quý I/2025; cấp huyện và tương đương trước tháng "
      "5/2025.");
  ASSERT_EQ(x.pilots.size(), 2u);
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);
  EXPECT_EQ(x.pilots[0].count, 0);
  EXPECT_EQ(x.pilots[0].time->period.end.iso(), "2025-01-31");
  EXPECT_EQ(x.pilots[1].level, Level::district);
  EXPECT_EQ(x.pilots[1].time->relation, Relation::before);
  EXPECT_TRUE(x.milestones.empty());
}

TEST(Pilots, PilotOfALevelWithItsDeadline) {
  auto x = testing::run("Đại hội điểm cấp cơ sở hoàn thành trước ngày 15/4/2025.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);
  EXPECT_EQ(x.pilots[0].time->period.start.iso(), "2025-04-15");
  EXPECT_TRUE(x.milestones.empty());
}

}  // namespace
}  // namespace plancheck
