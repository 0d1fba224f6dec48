#include <gtest/gtest.h>

#include "test_util.h"

namespace plancheck {
namespace {

std::vector<Notice> notices_of(const std::string& s, const std::string& code) {
  std::vector<Notice> out;
  for (auto& n : testing::run(s).notices)
    if (n.code == code) out.push_back(n);
  return out;
}

TEST(Notices, TelexResidueInKeywords) {
  auto n = notices_of("Chỉ thị số 35-CT/TW, ngafy 14/6/2024 của Bộ Chính trị", "typo");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].text, "ngafy");
  EXPECT_EQ(n[0].suggestion, "ngày");
  EXPECT_EQ(n[0].span.column, 22u);
  auto m = notices_of("hoàn thành trong thangs 3/2025", "typo");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].suggestion, "tháng");
}

TEST(Notices, WrongToneOnUy) {
  auto n = notices_of("Phó Bí thư Quận uỳ, Chủ tịch UBND quận; Huyện ủy; Tỉnh uỷ; cán bộ có uy tín", "typo");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].text, "uỳ");
  EXPECT_EQ(n[0].suggestion, "ủy");
}

TEST(Notices, KeywordsTypedWithoutDiacritics) {
  // Keywords typed without their marks are read with them (issue 17), and
  // said, one notice a keyword: never passed over in silence.
  auto n = notices_of("Đại hội đảng bộ cơ sở hoàn thành trong thang 9/2025. Dai hoi dang bo huyen truoc ngay 31/8/2025.",
                      "typo");
  ASSERT_EQ(n.size(), 5u);
  EXPECT_EQ(n[0].text, "thang");
  EXPECT_EQ(*n[0].suggestion, "tháng");
  EXPECT_EQ(n[0].message, "'thang' is 'tháng' typed without its diacritics: read as 'tháng'");
  EXPECT_EQ(n[1].text, "Dai hoi");
  EXPECT_EQ(*n[1].suggestion, "đại hội");
  EXPECT_EQ(n[2].text, "dang bo");
  EXPECT_EQ(n[3].text, "huyen");
  EXPECT_EQ(*n[3].suggestion, "huyện");
  EXPECT_EQ(n[4].text, "truoc ngay");  // "ngay" before the number: the same keyword, no second notice
  // Words that are words without a number after them, or alone: not slips.
  EXPECT_TRUE(notices_of("Đơn vị báo cáo ngay sau hội nghị; lắp thang máy; dải đất dai dẳng.", "typo").empty());
  EXPECT_TRUE(notices_of("Nam Định, ngày 5/1/2025; Quy Nhơn 2025; Giải Việt Nam 2025.", "typo").empty());
}

TEST(Notices, ForeignWordsAreNotTypos) {
  EXPECT_TRUE(notices_of("Publish date 30/10/2024; Facebook Đảng uỷ Khối; LĐ online; website", "typo").empty());
}

TEST(Notices, LookalikeLettersFromNormalization) {
  auto n = notices_of("Ðể tổ chức Ðại hội", "lookalike");
  EXPECT_EQ(n.size(), 2u);
}

TEST(Notices, ImpossibleDateAndConflictingDates) {
  auto x = testing::run(
      "Chỉ thị số 35-CT/TW ngày 14/6/2024; hoàn thành trước ngày 31/2/2025; Chỉ thị số 35-CT/TW ngày 15/6/2024.");
  std::vector<std::string> codes;
  for (auto& n : x.notices) codes.push_back(n.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"invalid_date", "conflicting_date"}));
}

}  // namespace
}  // namespace plancheck
