// Congress levels from their phrases (DOMAIN.md §1) and the units that carry them.
#include <gtest/gtest.h>

#include "extract/orgs.h"
#include "test_util.h"

namespace plancheck {
namespace {

std::optional<Level> level(const std::string& phrase) { return orgs::level_of_phrase(fold(phrase)).level; }

TEST(Levels, BranchVersusGrassroots) {
  EXPECT_EQ(level("chi bộ trực thuộc đảng bộ cơ sở"), Level::branch);
  EXPECT_EQ(level("chi bộ trực thuộc đảng ủy cơ sở"), Level::branch);
  EXPECT_EQ(level("các chi bộ trực thuộc đảng bộ bộ phận"), Level::branch);
  EXPECT_EQ(level("chi bộ thôn Đông"), Level::branch);
  EXPECT_EQ(level("chi bộ cơ sở"), Level::grassroots);
  EXPECT_EQ(level("đảng viên hoặc đại hội đại biểu cấp cơ sở"), Level::grassroots);
  EXPECT_EQ(level("đảng bộ, chi bộ cơ sở"), Level::grassroots);
  EXPECT_EQ(level("các Chi bộ, Đảng bộ cơ sở"), Level::grassroots);
  EXPECT_EQ(level("đảng bộ xã Đạ Nhim"), Level::grassroots);
  EXPECT_EQ(level("đảng bộ phường"), Level::grassroots);
}

TEST(Levels, DistrictProvinceNational) {
  EXPECT_EQ(level("đại biểu Đảng bộ huyện lần thứ XIV"), Level::district);
  EXPECT_EQ(level("đại biểu Đảng bộ quận Hai Bà Trưng"), Level::district);
  EXPECT_EQ(level("cấp trên trực tiếp cơ sở"), Level::district);
  EXPECT_EQ(level("Đảng bộ Khối các cơ quan tỉnh"), Level::district);
  EXPECT_EQ(level("đại biểu Đảng bộ tỉnh lần thứ XX"), Level::province);
  EXPECT_EQ(level("đại biểu Đảng bộ thành phố Hồ Chí Minh"), Level::province);
  EXPECT_EQ(level("đại biểu toàn quốc lần thứ XIV của Đảng"), Level::national);
  EXPECT_EQ(level("XIV của Đảng"), Level::national);
}

TEST(Levels, CommunesFormedIn2025SitAboveGrassroots) {
  // Chỉ thị 45-CT/TW: the new communes, wards and special zones share the
  // deadline of the level directly above grassroots.
  EXPECT_EQ(level("đảng bộ xã mới sau sắp xếp"), Level::district);
  EXPECT_EQ(level("các đảng bộ xã, phường mới"), Level::district);
  EXPECT_EQ(level("Đảng bộ đặc khu Phú Quốc"), Level::district);
  EXPECT_EQ(level("đảng bộ cấp xã sau sáp nhập"), Level::district);
  // An existing commune is still grassroots.
  EXPECT_EQ(level("đảng bộ xã Hợp Tiến"), Level::grassroots);
}

// A body's own name says its level before any place word in it.
TEST(Levels, OrganisationsByTheirWholeName) {
  EXPECT_EQ(level("Đảng bộ Xí nghiệp khai thác công trình thủy lợi huyện"), Level::grassroots);
  EXPECT_EQ(level("Đảng bộ các Khu công nghiệp Tiền Giang"), Level::grassroots);
  EXPECT_EQ(level("Đảng bộ Trung tâm Y tế huyện"), Level::grassroots);
  EXPECT_EQ(level("Đảng bộ Công an tỉnh"), Level::district);
  EXPECT_EQ(level("Đảng bộ Quân sự tỉnh"), Level::district);
  EXPECT_EQ(level("Đảng bộ Công an huyện"), Level::grassroots);
  EXPECT_EQ(level("Đảng bộ Công an T.X Phổ Yên"), Level::grassroots);
  EXPECT_EQ(level("Đảng bộ Khối các cơ quan tỉnh"), Level::district);
  EXPECT_EQ(level("đại biểu Đảng bộ huyện Đại Từ"), Level::district);
  EXPECT_EQ(level("Đảng bộ TP Chí Linh"), Level::district);
  EXPECT_EQ(level("Đảng bộ TX Kinh Môn"), Level::district);
  EXPECT_EQ(level("đại biểu Đảng bộ TP Hồ Chí Minh"), Level::province);
  EXPECT_EQ(level("đại biểu Đảng bộ TP. Hà Nội"), Level::province);
  EXPECT_EQ(level("Đảng bộ Khối các cơ quan Trung ương"), Level::province);
  EXPECT_EQ(level("Đảng bộ UBND tỉnh"), Level::district);
}

// Under a body: one level below it.
TEST(Levels, UnderABody) {
  EXPECT_EQ(level("chi bộ thuộc đảng bộ cơ sở"), Level::branch);
  EXPECT_EQ(level("chi bộ trực thuộc Đảng bộ xã Bình Mỹ"), Level::branch);
  EXPECT_EQ(level("chi bộ trực thuộc Huyện ủy"), Level::grassroots);
  EXPECT_EQ(level("chi bộ trực thuộc Tỉnh ủy"), Level::grassroots);  // a chi bộ is never above grassroots
  EXPECT_EQ(level("đảng bộ trực thuộc Tỉnh ủy"), Level::district);
  EXPECT_EQ(level("các đảng bộ trực thuộc Trung ương"), Level::province);
  EXPECT_EQ(level("chi, đảng bộ trực thuộc Huyện ủy Vị Thủy"), Level::grassroots);
  EXPECT_EQ(level("chi bộ, đảng bộ trực thuộc Đảng bộ UBND tỉnh"), Level::grassroots);
  EXPECT_EQ(level("các tổ chức cơ sở đảng trực thuộc"), Level::grassroots);
  EXPECT_EQ(level("các chi, Đảng bộ cơ sở"), Level::grassroots);
  EXPECT_EQ(level("đảng bộ cấp trên trực tiếp"), Level::district);
  // No body named: the issuer's units (the milestone reader knows the issuer).
  const auto g = orgs::level_of_phrase(fold("các đảng bộ trực thuộc"));
  EXPECT_FALSE(g.level);
  EXPECT_TRUE(g.under_issuer);
}

TEST(Levels, BodiesByTheirNames) {
  EXPECT_EQ(orgs::body_level(fold("Ban Thường vụ Huyện ủy")), Level::district);
  EXPECT_EQ(orgs::body_level(fold("Đảng ủy Khối doanh nghiệp tỉnh")), Level::district);
  EXPECT_EQ(orgs::body_level(fold("Ban Thường vụ Tỉnh ủy Hà Tĩnh")), Level::province);
  EXPECT_EQ(orgs::body_level(fold("Bộ Chính trị")), Level::national);
  EXPECT_EQ(orgs::body_level(fold("Trung ương")), Level::national);
  EXPECT_EQ(orgs::body_level(fold("Đảng ủy cơ sở")), Level::grassroots);
  EXPECT_EQ(orgs::body_level(fold("xã")), Level::grassroots);
  EXPECT_FALSE(orgs::body_level(fold("Phòng Tham mưu")));
}

TEST(Levels, AllLevelsAndBarePhrasesSayNothingAlone) {
  EXPECT_TRUE(orgs::level_of_phrase(fold("đảng bộ các cấp")).all_levels);
  EXPECT_TRUE(orgs::level_of_phrase(fold("chi bộ")).bare_chi_bo);
  EXPECT_TRUE(orgs::level_of_phrase(fold("điểm")).pilot);
}

TEST(Levels, BareChiBoTakesTheNearestEarlierQualifiedOne) {
  const std::string s = fold("Đảng bộ xã có 12 chi bộ trực thuộc. Các chi bộ còn lại tổ chức đại hội.");
  EXPECT_EQ(orgs::contextual_chi_bo_level(s, s.find("các chi bộ")), Level::branch);
  const std::string g = fold("Huyện có 42 chi bộ cơ sở. Các chi bộ hoàn thành đại hội.");
  EXPECT_EQ(orgs::contextual_chi_bo_level(g, g.find("các chi bộ")), Level::grassroots);
}

TEST(Levels, TheSameAnswersOnceRememberedAndAfterTheMemoryFills) {
  // Answers are remembered per thread in a bounded table: asked again, and
  // asked after thousands of other phrases have filled and emptied it,
  // a phrase gets what it got first. Phrases short and long (past what is
  // remembered), of every level.
  const std::string kinds[] = {"chi bộ trực thuộc xã ", "đảng bộ cơ sở ", "đảng bộ huyện ", "các chi bộ ", "cấp tỉnh ",
                               "đảng bộ ", "chi bộ thôn "};
  std::vector<std::string> phrases;
  for (int k = 0; k < 6000; ++k) {
    std::string p = kinds[k % std::size(kinds)] + "số " + std::to_string(k);
    if (k % 97 == 0) p += std::string(120, 'x');  // too long to be remembered
    phrases.push_back(fold(p));
  }
  std::vector<orgs::LevelGuess> first;
  for (const auto& p : phrases) first.push_back(orgs::level_of_phrase(p));
  // Each again right away (remembered) and in a second round (forgotten
  // and worked out anew, the table having filled meanwhile).
  for (int round = 0; round < 2; ++round)
    for (size_t k = 0; k < phrases.size(); ++k)
      for (int ask = 0; ask < 2; ++ask) {
        const auto again = orgs::level_of_phrase(phrases[k]);
        ASSERT_EQ(again.level, first[k].level) << phrases[k];
        ASSERT_EQ(again.bare_chi_bo, first[k].bare_chi_bo) << phrases[k];
        ASSERT_EQ(again.plural, first[k].plural) << phrases[k];
      }
  size_t with_level = 0;
  for (const auto& g : first) with_level += g.level.has_value();
  EXPECT_GT(with_level, phrases.size() / 2);
  EXPECT_EQ(level("chi bộ trực thuộc đảng bộ cơ sở"), Level::branch);
  EXPECT_EQ(level("đảng bộ huyện"), Level::district);
}

TEST(Units, NamesTypesAndLevels) {
  auto x = testing::run(
      "Ban Thường vụ Huyện ủy chọn Đảng bộ xã Đạ Nhim và Chi bộ Phòng Tài chính - Kế hoạch tổ chức đại hội; "
      "Trường THPT Lạc Sơn, Sở NN&PTNT và Bưu điện tỉnh tham gia.");
  std::vector<std::string> names;
  for (const auto& u : x.units) names.push_back(u.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Ban Thường vụ Huyện ủy", "Đảng bộ xã Đạ Nhim",
                                             "Chi bộ Phòng Tài chính - Kế hoạch", "Trường THPT Lạc Sơn", "Sở NN&PTNT",
                                             "Bưu điện tỉnh"}));
  EXPECT_EQ(x.units[0].type, UnitType::committee);
  EXPECT_EQ(x.units[0].level, Level::district);
  EXPECT_EQ(x.units[1].type, UnitType::dang_bo);
  EXPECT_EQ(x.units[1].level, Level::grassroots);
  EXPECT_EQ(x.units[2].type, UnitType::chi_bo);
  EXPECT_EQ(x.units[3].type, UnitType::agency);
}

std::vector<std::string> unit_names(const std::string& text) {
  std::vector<std::string> names;
  for (const auto& u : testing::run(text).units) names.push_back(u.name);
  return names;
}

TEST(Units, AgencyNamesRunOnThroughTheirLowerCaseWords) {
  EXPECT_EQ(unit_names("chọn Đảng bộ Trường Cao đẳng Y tế Đồng Nai và Đảng bộ Trường cao đẳng y tế Quảng Nam để tổ chức"),
            (std::vector<std::string>{"Đảng bộ Trường Cao đẳng Y tế Đồng Nai", "Đảng bộ Trường cao đẳng y tế Quảng Nam"}));
  EXPECT_EQ(unit_names("Đảng bộ Xí nghiệp khai thác công trình thủy lợi huyện để tổ chức đại hội"),
            std::vector<std::string>{"Đảng bộ Xí nghiệp khai thác công trình thủy lợi huyện"});
  EXPECT_EQ(unit_names("Chi bộ Trường Trung học phổ thông Nguyễn Du chỉ đạo tổ chức"),
            std::vector<std::string>{"Chi bộ Trường Trung học phổ thông Nguyễn Du"});
  EXPECT_EQ(unit_names("Chi bộ Công ty TNHH Nhà máy bia Sài Gòn - Miền Tây tiến hành đại hội"),
            std::vector<std::string>{"Chi bộ Công ty TNHH Nhà máy bia Sài Gòn - Miền Tây"});
  EXPECT_EQ(unit_names("Hội Liên hiệp phụ nữ tỉnh, Đảng bộ Phòng Cảnh sát giao thông tổ chức"),
            (std::vector<std::string>{"Hội Liên hiệp phụ nữ tỉnh", "Đảng bộ Phòng Cảnh sát giao thông"}));
  // A verb after the name is not part of it, even one the names' words begin ("giao").
  EXPECT_EQ(unit_names("Đảng bộ Sở Y tế giao nhiệm vụ cho các chi bộ"), std::vector<std::string>{"Đảng bộ Sở Y tế"});
  EXPECT_EQ(unit_names("Đảng bộ Sở Y tế quyết định chọn"), std::vector<std::string>{"Đảng bộ Sở Y tế"});
  EXPECT_EQ(unit_names("Đảng bộ Sở Y tế kiểm tra công tác"), std::vector<std::string>{"Đảng bộ Sở Y tế"});
  EXPECT_EQ(unit_names("Trung tâm Y tế huyện thông tin về công tác"), std::vector<std::string>{"Trung tâm Y tế huyện"});
  // A compound whose second word is a stop word elsewhere: "Phòng Hậu cần".
  EXPECT_EQ(unit_names("Chi bộ Phòng Hậu cần tổ chức đại hội"), std::vector<std::string>{"Chi bộ Phòng Hậu cần"});
}

TEST(Units, AndJoinsPartsOfOneAgencyNotTwoOrganisations) {
  EXPECT_EQ(unit_names("Đảng bộ Sở Tài nguyên và Môi trường, Đảng bộ cơ sở Phòng Cảnh sát PCCC và CNCH tổ chức"),
            (std::vector<std::string>{"Đảng bộ Sở Tài nguyên và Môi trường", "Đảng bộ cơ sở Phòng Cảnh sát PCCC và CNCH"}));
  EXPECT_EQ(unit_names("Sở Nội vụ, Sở Công thương và Văn phòng UBND tỉnh chọn thực hiện"),
            (std::vector<std::string>{"Sở Nội vụ", "Sở Công thương", "Văn phòng UBND tỉnh"}));
  EXPECT_EQ(unit_names("Đảng bộ Sở Tư pháp và Đảng bộ xã An Bình tổ chức"),
            (std::vector<std::string>{"Đảng bộ Sở Tư pháp", "Đảng bộ xã An Bình"}));
}

TEST(Units, AbbreviatedPlacesNumberedBranchesAndListedPlaces) {
  EXPECT_EQ(unit_names("Chi bộ Trường THPT Cư M'gar và Đảng bộ xã Ea H'leo"),
            (std::vector<std::string>{"Chi bộ Trường THPT Cư M'gar", "Đảng bộ xã Ea H'leo"}));
  EXPECT_EQ(unit_names("Đảng bộ Công an T.X Phổ Yên hiện có 10 chi bộ"),
            std::vector<std::string>{"Đảng bộ Công an T.X Phổ Yên"});
  auto x = testing::run("đã lựa chọn chi bộ 2 trực thuộc Đảng bộ Phòng Tham mưu tổ chức đại hội");
  ASSERT_FALSE(x.units.empty());
  EXPECT_EQ(x.units[0].name, "chi bộ 2 trực thuộc Đảng bộ Phòng Tham mưu");
  EXPECT_EQ(x.units[0].level, Level::branch);
  // A number alone after "chi bộ" names nothing without its parent.
  EXPECT_TRUE(unit_names("có 2 chi bộ 3 đảng viên").empty());
  auto l = testing::run("chọn đảng bộ các huyện: Kỳ Anh, Cẩm Xuyên và Đảng bộ Quân sự tỉnh làm điểm");
  std::vector<std::string> names;
  for (const auto& u : l.units) names.push_back(u.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Kỳ Anh", "Cẩm Xuyên", "Đảng bộ Quân sự tỉnh"}));
  EXPECT_EQ(l.units[0].level, Level::district);
  EXPECT_EQ(unit_names("Cùng với Đảng bộ các huyện Kỳ Anh, Cẩm Xuyên, Đảng bộ"),
            (std::vector<std::string>{"Kỳ Anh", "Cẩm Xuyên"}));
}

TEST(Units, ProvincialPoliceAndArmyAreDistrictLevelOtherAgenciesGrassroots) {
  auto x = testing::run(
      "Đảng bộ Công an tỉnh, Đảng bộ Bộ đội Biên phòng tỉnh, Đảng bộ Công an huyện, Đảng bộ Sở Y tế tỉnh, Đảng bộ "
      "Công an tỉnh Quảng Trị, Đảng bộ Công an xã Gio Linh tỉnh Quảng Trị, Chi bộ Khối Dân vận huyện");
  ASSERT_EQ(x.units.size(), 7u);
  EXPECT_EQ(x.units[0].level, Level::district);
  EXPECT_EQ(x.units[1].level, Level::district);
  EXPECT_EQ(x.units[2].level, Level::grassroots);
  EXPECT_EQ(x.units[3].level, Level::grassroots);
  EXPECT_EQ(x.units[4].level, Level::district);
  EXPECT_EQ(x.units[5].level, Level::grassroots);
  EXPECT_EQ(x.units[6].level, Level::grassroots);  // a chi bộ is never above grassroots
}

TEST(Units, CommonWordsAreNotAgencies) {
  auto x = testing::run("các tổ chức cơ sở đảng và phòng họp của trường");
  EXPECT_TRUE(x.units.empty());
}

}  // namespace
}  // namespace plancheck

namespace plancheck {
namespace {

// OrgIndex::in(b, e) against a scan of [b, e) of its own, at every pair of
// word boundaries of a text dense in names (mentions that run across b
// included: there the index must scan again).
TEST(OrgIndex, AnyStretchGivesWhatAScanOfItGives) {
  const Text text(
      "Ban Thường vụ Huyện ủy Lâm Hà chọn Đảng bộ xã Đạ Nhim và Chi bộ Phòng Tài chính - Kế hoạch tổ chức "
      "đại hội điểm; Đảng ủy Khối các cơ quan tỉnh, Trường THPT Lạc Sơn, Sở NN&PTNT, 01 chi bộ trực thuộc "
      "đảng bộ cơ sở, Ủy ban nhân dân huyện và Ban Chỉ huy Quân sự huyện cùng Đảng bộ Công an huyện.");
  const orgs::OrgIndex index(text);
  ASSERT_GE(index.all().size(), 8u);
  const auto& words = text.words();
  std::vector<size_t> cuts = {0, text.folded().size()};
  for (const auto& w : words) {
    cuts.push_back(w.begin);
    cuts.push_back(w.begin + 1);  // inside a word
    cuts.push_back(w.end);
  }
  size_t compared = 0;
  for (size_t b : cuts)
    for (size_t e : cuts) {
      if (e < b) continue;
      const auto want = orgs::orgs_in(text, b, e);
      const auto got = index.in(b, e);
      ASSERT_EQ(got.size(), want.size()) << b << ".." << e;
      for (size_t k = 0; k < got.size(); ++k) {
        ASSERT_EQ(got[k].b, want[k].b) << b << ".." << e;
        ASSERT_EQ(got[k].e, want[k].e) << b << ".." << e;
        ASSERT_EQ(got[k].level, want[k].level);
        ASSERT_EQ(got[k].count, want[k].count);
      }
      ++compared;
    }
  EXPECT_GT(compared, 1000u);
}

}  // namespace
}  // namespace plancheck
