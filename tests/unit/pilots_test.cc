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

// Two bare nouns of one list ("các Đảng bộ và chi bộ") are one kind of unit,
// the grassroots organisations, as "các đảng bộ, chi bộ" are.
TEST(Pilots, PartyCommitteesAndCellsListedBare) {
  auto x = testing::run(
      "Hiện nay các Đảng bộ và chi bộ được chọn làm đại hội điểm trên địa bàn huyện Đô Lương đã làm tốt công tác "
      "chuẩn bị để tiến hành đại hội vào dịp giữa tháng 3/2020.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);
  EXPECT_TRUE(x.pilots[0].units.empty());
  ASSERT_TRUE(x.pilots[0].time);
  EXPECT_EQ(x.pilots[0].time->period.start.iso(), "2020-03-11");
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

TEST(Pilots, UnitsWhoseOwnCongressesHaveDifferentTimesArePilotsOfTheirOwn) {
  auto x = testing::run(
      "Ban Thường vụ Huyện ủy Kim Thành đã chọn Đảng bộ xã Kim Anh và Đảng bộ Xí nghiệp Khai thác công trình thủy "
      "lợi huyện để tổ chức đại hội điểm nhiệm kỳ 2025-2030.\n\nĐại hội Đảng bộ xã Kim Anh dự kiến tổ chức trước "
      "ngày 25/3/2025; Đại hội Đảng bộ Xí nghiệp khai thác công trình thủy lợi huyện trước ngày 5/4/2025.");
  ASSERT_EQ(x.pilots.size(), 2u);
  EXPECT_EQ(x.pilots[0].units, std::vector<std::string>{"Đảng bộ xã Kim Anh"});
  EXPECT_EQ(x.pilots[0].time->period.start.iso(), "2025-03-25");
  EXPECT_EQ(x.pilots[1].units,
            std::vector<std::string>{"Đảng bộ Xí nghiệp Khai thác công trình thủy lợi huyện"});
  EXPECT_EQ(x.pilots[1].time->period.start.iso(), "2025-04-05");
  EXPECT_EQ(x.pilots[1].level, Level::grassroots);
}

TEST(Pilots, AUnitsOwnCongressTwoSentencesOnGivesTheTime) {
  auto x = testing::run(
      "Đảng bộ phường An Bình là đơn vị được Quận ủy giao nhiệm vụ tổ chức Đại hội điểm. Đến nay, công tác chuẩn "
      "bị cơ bản hoàn tất. Theo kế hoạch, Đại hội đại biểu Đảng bộ phường An Bình lần thứ 10 sẽ diễn ra ngày "
      "24/2/2025.");
  ASSERT_EQ(x.pilots.size(), 1u);
  ASSERT_TRUE(x.pilots[0].time);
  EXPECT_EQ(x.pilots[0].time->period.start.iso(), "2025-02-24");
}

TEST(Pilots, UnitsThatChooseToCarryItOutAndADistantSecretaryElection) {
  auto x = testing::run(
      "Các Đảng bộ: Sở Nội vụ, Sở Tư pháp và Văn phòng UBND tỉnh chọn thực hiện thí điểm chủ trương đại hội Đảng "
      "bộ cơ sở trực tiếp bầu bí thư Đảng ủy.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].kind, PilotKind::direct_election);
  EXPECT_EQ(x.pilots[0].units, (std::vector<std::string>{"Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND tỉnh"}));
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);
}

TEST(Pilots, TheSecretaryElectionOfALaterPilotIsNotTheEarliers) {
  auto x = testing::run(
      "Ban Thường vụ Huyện ủy chọn Đảng bộ xã Tân Lập tổ chức đại hội điểm và Đảng bộ xã Tân Hòa tổ chức đại hội "
      "thí điểm bầu trực tiếp bí thư.");
  ASSERT_EQ(x.pilots.size(), 2u);
  EXPECT_EQ(x.pilots[0].kind, PilotKind::model_congress);
  EXPECT_EQ(x.pilots[1].kind, PilotKind::direct_election);
}

TEST(Pilots, UnitsNamedAfterThePilotWords) {
  auto a = testing::run(
      "Ban Thường vụ Tỉnh ủy đã lựa chọn 2 đơn vị tổ chức đại hội điểm cấp huyện là Đảng bộ huyện Đại Từ và Đảng "
      "bộ Quân sự tỉnh.");
  ASSERT_EQ(a.pilots.size(), 1u);
  EXPECT_EQ(a.pilots[0].level, Level::district);
  EXPECT_EQ(a.pilots[0].units, (std::vector<std::string>{"Đảng bộ huyện Đại Từ", "Đảng bộ Quân sự tỉnh"}));
  // The list ends where the sentence goes on to something else.
  auto b = testing::run(
      "Có 03 đảng bộ cấp trên cơ sở được chọn làm đại hội điểm (gồm: Đảng bộ huyện Nam Đàn, Đảng bộ thị xã Thái "
      "Hòa, Đảng bộ Công an tỉnh) đã chỉ đạo 9 tổ chức cơ sở đảng trực thuộc tiến hành đại hội điểm hoàn thành "
      "trước ngày 20/3/2020.");
  ASSERT_EQ(b.pilots.size(), 2u);
  EXPECT_EQ(b.pilots[0].level, Level::district);
  EXPECT_EQ(b.pilots[0].units.size(), 3u);
  EXPECT_FALSE(b.pilots[0].time);
  EXPECT_EQ(b.pilots[1].level, Level::grassroots);
  EXPECT_EQ(b.pilots[1].count, 9);
  EXPECT_EQ(b.pilots[1].time->period.start.iso(), "2020-03-20");
}

TEST(Pilots, AReferencesDateAndIssuerAreNotThePilots) {
  auto x = testing::run(
      "Thực hiện Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị và Kế hoạch 207-KH/TU ngày 12/8/2019 của Tỉnh "
      "ủy, các huyện, thành, thị, đảng ủy trực thuộc đã chọn 91 đảng bộ, chi bộ cơ sở làm điểm để chỉ đạo.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);
  EXPECT_FALSE(x.pilots[0].time);
  EXPECT_NE(x.pilots[0].selected_by, "Bộ Chính trị");
}

TEST(Pilots, TheTimeOfTheCongressInTheNextSentenceNotADateOfAnotherStatement) {
  auto x = testing::run(
      "Ban Thường vụ Tỉnh ủy chọn đảng bộ các huyện: Kỳ Anh, Cẩm Xuyên và Đảng bộ Công an tỉnh làm điểm chỉ đạo "
      "đại hội.\n\nNgày 10/2, Tỉnh ủy ban hành Công văn số 2028-CV/TU về tổ chức đại hội điểm. Theo đó, Đảng bộ Kỳ "
      "Anh, Đảng bộ Cẩm Xuyên và Đảng bộ Công an tỉnh là các đơn vị tổ chức điểm đại hội.\n\nThời gian tổ chức "
      "đại hội vào tháng 5/2020.");
  ASSERT_EQ(x.pilots.size(), 2u);
  EXPECT_EQ(x.pilots[0].units, (std::vector<std::string>{"Kỳ Anh", "Cẩm Xuyên", "Đảng bộ Công an tỉnh"}));
  EXPECT_EQ(x.pilots[1].units,
            (std::vector<std::string>{"Đảng bộ Kỳ Anh", "Đảng bộ Cẩm Xuyên", "Đảng bộ Công an tỉnh"}));
  for (const auto& p : x.pilots) {
    EXPECT_EQ(p.level, Level::district);
    ASSERT_TRUE(p.time);
    EXPECT_EQ(p.time->period.start.iso(), "2020-05-01");  // not 10/2
  }
}

TEST(Pilots, OnePilotPerLevelOfItsUnits) {
  auto x = testing::run(
      "Đảng ủy Công an tỉnh đã lựa chọn chi bộ 3 trực thuộc Đảng bộ Phòng Hậu cần; chi bộ Phòng Hồ sơ và Đảng bộ "
      "Phòng Cảnh sát hình sự tổ chức Đại hội thí điểm bầu trực tiếp Bí thư cấp ủy.");
  ASSERT_EQ(x.pilots.size(), 2u);
  EXPECT_EQ(x.pilots[0].level, Level::branch);
  EXPECT_EQ(x.pilots[0].units, std::vector<std::string>{"chi bộ 3 trực thuộc Đảng bộ Phòng Hậu cần"});
  EXPECT_EQ(x.pilots[1].level, Level::grassroots);
  EXPECT_EQ(x.pilots[1].units,
            (std::vector<std::string>{"chi bộ Phòng Hồ sơ", "Đảng bộ Phòng Cảnh sát hình sự"}));
  for (const auto& p : x.pilots) EXPECT_EQ(p.kind, PilotKind::direct_election);
}

TEST(Pilots, AUnitsOwnWordsWinOverTheSelectorAndAClauseGoingOnSharesItsUnits) {
  auto x = testing::run(
      "Theo đó, Đảng bộ xã Kỳ Sơn được Ban Thường vụ Tỉnh ủy chọn chỉ đạo đại hội điểm; đồng thời, thực hiện thí "
      "điểm đại hội trực tiếp bầu ban thường vụ, bí thư, phó bí thư cấp ủy nhiệm kỳ 2025 – 2030.");
  ASSERT_EQ(x.pilots.size(), 2u);
  EXPECT_EQ(x.pilots[0].kind, PilotKind::model_congress);
  EXPECT_EQ(x.pilots[1].kind, PilotKind::direct_election);
  for (const auto& p : x.pilots) {
    EXPECT_EQ(p.level, Level::grassroots);
    EXPECT_EQ(p.units, std::vector<std::string>{"Đảng bộ xã Kỳ Sơn"});
  }
}

TEST(Pilots, ABranchDirectedByAGrassrootsCommitteeAndItsRepetition) {
  auto x = testing::run(
      "Vừa qua, Đảng ủy Khu kinh tế Dung Quất đã chỉ đạo Chi bộ Công ty Cổ phần Lọc hóa dầu Bình Sơn tiến hành "
      "Đại hội đảng viên làm điểm nhiệm kỳ 2025 - 2027 thành công tốt đẹp.\nChi bộ Công ty Cổ phần Lọc hóa dầu "
      "Bình Sơn tổ chức Đại hội điểm thành công tốt đẹp.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].level, Level::branch);
}

TEST(Pilots, ASubjectLeftOutIsTheUnitJustBefore) {
  auto x = testing::run(
      "Đại hội Đảng bộ Công an thị xã Sông Công dự kiến được tổ chức vào cuối tháng 3/2020.\nĐảng bộ Công an thị "
      "xã Sông Công hiện có 8 chi bộ trực thuộc. Là 1 trong 2 đảng bộ được Thị ủy Sông Công lựa chọn tiến hành đại "
      "hội điểm, đơn vị đã tập trung chuẩn bị tốt các điều kiện cho đại hội điểm.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].units, std::vector<std::string>{"Đảng bộ Công an thị xã Sông Công"});
  EXPECT_EQ(x.pilots[0].count, 2);
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);
  ASSERT_TRUE(x.pilots[0].time);
  EXPECT_EQ(x.pilots[0].time->period.start.iso(), "2020-03-21");
}

TEST(Pilots, PilotWordsAfterAPrepositionStateNoPilotUnlessTheyHeadTheClause) {
  EXPECT_TRUE(testing::run("Đảng bộ xã Hòa An đã chuẩn bị tốt các điều kiện cho đại hội điểm.").pilots.empty());
  auto x = testing::run(
      "Về đại hội điểm, Ban Thường vụ Huyện ủy chọn Đảng bộ xã Hòa Bình tổ chức trong tháng 3/2025.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].units, std::vector<std::string>{"Đảng bộ xã Hòa Bình"});
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);
  ASSERT_TRUE(x.pilots[0].time);
  EXPECT_EQ(x.pilots[0].time->period.start.iso(), "2025-03-01");
}

TEST(Pilots, AHeadlineCountRestatesTheNamedChoice) {
  auto x = testing::run(
      "Huyện ủy Thanh Bình chọn 2 đảng bộ tổ chức đại hội điểm\n\nBan Thường vụ Huyện ủy Thanh Bình đã chọn Đảng "
      "bộ xã Tân Mỹ và Đảng bộ xã Hồng Kim để tổ chức đại hội điểm.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].units.size(), 2u);
}

TEST(Pilots, ALevelsScheduleTimesItsCountedPilots) {
  auto x = testing::run(
      "Theo dự thảo, thời gian tổ chức đại hội điểm đảng bộ cấp cơ sở vào đầu quý I-2025. Ban Thường vụ Huyện ủy "
      "chọn 1 chi bộ làm điểm chỉ đạo đại hội chi bộ cơ sở; 1 đảng bộ xã làm điểm chỉ đạo đại hội đảng bộ cơ sở.");
  ASSERT_GE(x.pilots.size(), 2u);
  for (const auto& p : x.pilots) {
    EXPECT_EQ(p.level, Level::grassroots);
    ASSERT_TRUE(p.time);
    EXPECT_EQ(p.time->period.start.iso(), "2025-01-01");
  }
}

TEST(Pilots, UnitsThatCarryItOutAfterAnAuxiliaryAndAsides) {
  auto x = testing::run(
      "Cụ thể: Đảng bộ phường Nam Hà (TP Hà Tĩnh), Đảng bộ xã Thượng Lộc (Can Lộc) và Đảng bộ Sở Tài nguyên và "
      "Môi trường (Đảng bộ khối CCQ&DN tỉnh) sẽ tổ chức đại hội điểm rút kinh nghiệm cho các xã phường.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].units, (std::vector<std::string>{"Đảng bộ phường Nam Hà", "Đảng bộ xã Thượng Lộc",
                                                         "Đảng bộ Sở Tài nguyên và Môi trường"}));
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);
}

TEST(Pilots, CountedUnitsThatAreNoOrganisationWord) {
  auto x = testing::run("Đảng bộ cơ sở lựa chọn 1 đơn vị tổ chức đại hội điểm hoàn thành xong trong tháng 12-2024.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].count, 1);
  EXPECT_EQ(x.pilots[0].level, Level::branch);
  EXPECT_EQ(x.pilots[0].time->period.start.iso(), "2024-12-01");
}

TEST(Pilots, APlaceChosenInThePassive) {
  auto x = testing::run(
      "Đặc biệt, huyện Xuyên Mộc là địa phương được Ban Thường vụ Tỉnh ủy chọn tổ chức đại hội điểm Đảng bộ cấp "
      "huyện.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].units, std::vector<std::string>{"huyện Xuyên Mộc"});
  EXPECT_EQ(x.pilots[0].level, Level::district);
  EXPECT_EQ(x.pilots[0].selected_by, "Ban Thường vụ Tỉnh ủy");
  // Not a place without a name.
  EXPECT_TRUE(testing::run("Đặc biệt, huyện là địa phương được chọn tổ chức đại hội điểm.").pilots.empty() ||
              testing::run("Đặc biệt, huyện là địa phương được chọn tổ chức đại hội điểm.").pilots[0].units.empty());
}

TEST(Pilots, ThePilotCongressOfAUnitNamedRightAfterWithTheDateInFront) {
  auto x = testing::run("Ngày 5/3/2025, Đại hội điểm Đảng bộ xã Hòa Lợi nhiệm kỳ 2025-2030 đã diễn ra thành công.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].units, std::vector<std::string>{"Đảng bộ xã Hòa Lợi"});
  ASSERT_TRUE(x.pilots[0].time);
  EXPECT_EQ(x.pilots[0].time->period.start.iso(), "2025-03-05");
  // A date further away is another statement's.
  auto y = testing::run("Ngày 5/3/2025, Huyện ủy họp và thống nhất chọn Đảng bộ xã Hòa Lợi tổ chức đại hội điểm.");
  ASSERT_EQ(y.pilots.size(), 1u);
  EXPECT_FALSE(y.pilots[0].time);
}

TEST(Pilots, TheTimeInTheSentencesNextClauseAndANumberedWard) {
  auto x = testing::run(
      "Ban Thường vụ Thị ủy chọn 2 đơn vị tổ chức đại hội điểm là Đảng bộ phường 3 và Chi bộ Trường THCS Nguyễn "
      "Huệ; thời gian hoàn thành trước ngày 15/3/2025.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].units, (std::vector<std::string>{"Đảng bộ phường 3", "Chi bộ Trường THCS Nguyễn Huệ"}));
  ASSERT_TRUE(x.pilots[0].time);
  EXPECT_EQ(x.pilots[0].time->relation, Relation::before);
  EXPECT_EQ(x.pilots[0].time->period.start.iso(), "2025-03-15");
}

TEST(Pilots, TheCongressOfTheNextSentenceAndAUnitThatPilotsItself) {
  auto x = testing::run(
      "Ban Thường vụ Quận ủy quyết định chọn Đảng bộ phường Bến Nghé và Đảng bộ phường Đa Kao tổ chức đại hội "
      "điểm. Đại hội dự kiến diễn ra vào ngày 20/3/2025. Trong đó, Đảng bộ phường Bến Nghé thí điểm bầu trực tiếp "
      "bí thư tại đại hội.");
  ASSERT_EQ(x.pilots.size(), 2u);
  ASSERT_TRUE(x.pilots[0].time);
  EXPECT_EQ(x.pilots[0].time->period.start.iso(), "2025-03-20");
  EXPECT_EQ(x.pilots[1].kind, PilotKind::direct_election);
  EXPECT_EQ(x.pilots[1].units, std::vector<std::string>{"Đảng bộ phường Bến Nghé"});
  // Nor are the congresses of a level.
  auto z = testing::run(
      "Ban Thường vụ Quận ủy chọn Đảng bộ phường Bến Nghé tổ chức đại hội điểm. Đại hội cấp cơ sở hoàn thành "
      "trước ngày 30/6/2025.");
  ASSERT_EQ(z.pilots.size(), 1u);
  EXPECT_FALSE(z.pilots[0].time);
  // A congress of another unit in the next sentence is not the pilots'.
  auto y = testing::run(
      "Ban Thường vụ Quận ủy chọn Đảng bộ phường Bến Nghé tổ chức đại hội điểm. Đại hội Đảng bộ quận dự kiến "
      "diễn ra vào tháng 7/2025.");
  ASSERT_EQ(y.pilots.size(), 1u);
  EXPECT_FALSE(y.pilots[0].time);
}

TEST(Pilots, PlacesChosenByNameAndPlacesListedAfterACount) {
  auto x = testing::run("Huyện ủy chọn xã Phú Lộc và thị trấn Tân Phú làm điểm đại hội cấp cơ sở.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].units, (std::vector<std::string>{"xã Phú Lộc", "thị trấn Tân Phú"}));
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);
  auto y = testing::run(
      "Ban Thường vụ Huyện ủy chọn thí điểm bầu trực tiếp bí thư cấp ủy tại đại hội ở 3 đảng bộ xã: Phú Lộc, Phú "
      "Hòa và Tân An.");
  ASSERT_EQ(y.pilots.size(), 1u);
  EXPECT_EQ(y.pilots[0].kind, PilotKind::direct_election);
  EXPECT_EQ(y.pilots[0].units, (std::vector<std::string>{"Phú Lộc", "Phú Hòa", "Tân An"}));
  EXPECT_EQ(y.pilots[0].count, 3);
  EXPECT_EQ(y.pilots[0].level, Level::grassroots);
}

TEST(Pilots, TheLevelSaidIsThePilotsOwnNotTheCongressesItGuides) {
  auto x = testing::run(
      "Ban Thường vụ Tỉnh ủy chọn Đảng bộ huyện Yên Định làm điểm chỉ đạo đại hội cấp cơ sở nhiệm kỳ 2025 - 2030.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].level, Level::district);
  auto y = testing::run("Tỉnh ủy chọn Đảng bộ xã Định Tân làm điểm đại hội cấp xã.");
  ASSERT_EQ(y.pilots.size(), 1u);
  EXPECT_EQ(y.pilots[0].level, Level::grassroots);
}

TEST(Pilots, AssigningIsChoosing) {
  auto x = testing::run("Ban Thường vụ Huyện ủy phân công Đảng bộ xã Hòa Phong tổ chức đại hội điểm trong tháng 3/2025.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].units, std::vector<std::string>{"Đảng bộ xã Hòa Phong"});
  EXPECT_EQ(x.pilots[0].selected_by, "Ban Thường vụ Huyện ủy");
}

// A time sentence naming one kind of pilot gives its time to that kind only.
TEST(Pilots, TimeSentenceNamingModelCongressSkipsDirectElection) {
  auto x = testing::run(
      "Ban Thường vụ Huyện ủy chọn Đảng bộ xã A Lưới tổ chức đại hội điểm. Các đơn vị được chọn thí điểm bầu trực "
      "tiếp bí thư gồm Chi bộ Khoa Nội. Thời gian tổ chức đại hội điểm trong tháng 2/2025.");
  ASSERT_EQ(x.pilots.size(), 2u);
  EXPECT_EQ(x.pilots[0].kind, PilotKind::model_congress);
  ASSERT_TRUE(x.pilots[0].time);
  EXPECT_EQ(x.pilots[0].time->period.start.iso(), "2025-02-01");
  EXPECT_EQ(x.pilots[1].kind, PilotKind::direct_election);
  EXPECT_EQ(x.pilots[1].units, (std::vector<std::string>{"Chi bộ Khoa Nội"}));
  EXPECT_FALSE(x.pilots[1].time);
}

// Names in sentence case and numbered units are read whole.
TEST(Pilots, SentenceCaseAndNumberedUnitNames) {
  auto x = testing::run(
      "Ban Thường vụ Huyện ủy chọn Đảng bộ Trung đoàn 990 và Chi bộ Trường Tiểu học số 2 xã Gia Phú tổ chức đại "
      "hội điểm trong tháng 2/2025.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].units,
            (std::vector<std::string>{"Đảng bộ Trung đoàn 990", "Chi bộ Trường Tiểu học số 2 xã Gia Phú"}));
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);
}

// The level from the units chosen, not from who directs the choosers.
TEST(Pilots, LevelFromCountedUnitsNotTheDirectingCommittee) {
  auto x = testing::run(
      "Ban Thường vụ Tỉnh ủy chỉ đạo mỗi huyện ủy, thị ủy, thành ủy chọn 1 đảng bộ xã, phường và 1 chi bộ cơ sở tổ "
      "chức đại hội điểm, xong trước ngày 28.2.2025.");
  ASSERT_GE(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].level, Level::grassroots);
}

// "Các đại hội này …" in the next sentence gives the pilots' time.
TEST(Pilots, TimeOfTheseCongressesInNextSentence) {
  auto x = testing::run(
      "Ban Thường vụ Đảng ủy Khối chọn Chi bộ Công ty Cà phê Phước An và Chi bộ Ngân hàng TMCP Công thương chi nhánh "
      "Đắk Lắk thí điểm đại hội bầu trực tiếp bí thư cấp ủy. Các đại hội này sẽ diễn ra từ 15/3 đến 31/3/2020.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].kind, PilotKind::direct_election);
  EXPECT_EQ(x.pilots[0].units, (std::vector<std::string>{"Chi bộ Công ty Cà phê Phước An",
                                                          "Chi bộ Ngân hàng TMCP Công thương chi nhánh Đắk Lắk"}));
  ASSERT_TRUE(x.pilots[0].time);
  EXPECT_EQ(x.pilots[0].time->period.start.iso(), "2020-03-15");
}

// "Đây là …" stands for the unit of the sentence before, and its congress's time.
TEST(Pilots, DayLaStandsForThePreviousSentencesUnit) {
  auto x = testing::run(
      "Trong 2 ngày 6 và 7.7.2020, Đảng bộ huyện Sơn Dương tổ chức Đại hội đại biểu lần thứ XXII, nhiệm kỳ 2020 - "
      "2025. Đây là đảng bộ cấp huyện đầu tiên của tỉnh tổ chức đại hội, được Ban Thường vụ Tỉnh ủy chọn làm điểm.");
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].units, (std::vector<std::string>{"Đảng bộ huyện Sơn Dương"}));
  EXPECT_EQ(x.pilots[0].level, Level::district);
  ASSERT_TRUE(x.pilots[0].time);
  EXPECT_EQ(x.pilots[0].time->period.start.iso(), "2020-07-06");
}

// Without a unit in the sentence before, "Đây là" names none.
TEST(Pilots, DayLaWithoutAntecedentNamesNoUnit) {
  auto x = testing::run(
      "Công tác chuẩn bị đã hoàn tất. Đây là đơn vị được Ban Thường vụ Tỉnh ủy chọn làm điểm.");
  for (const auto& p : x.pilots) EXPECT_TRUE(p.units.empty());
}

}  // namespace
}  // namespace plancheck
