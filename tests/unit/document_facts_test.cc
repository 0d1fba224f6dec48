#include <gtest/gtest.h>

#include "test_util.h"

namespace plancheck {
namespace {

TEST(DocumentFacts, TermFollowsTheCongressNotAnOldBanner) {
  auto x = testing::run(
      "ĐẢNG BỘ HUYỆN ĐỨC TRỌNG THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI KHÓA XIII, NHIỆM KỲ 2020-2025\n"
      "Chuẩn bị Đại hội Đảng bộ các cấp, nhiệm kỳ 2025-2030 tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của "
      "Đảng; tổng kết nhiệm kỳ 2020 - 2025.");
  ASSERT_TRUE(x.document.term);
  EXPECT_EQ(x.document.term->from, 2025);
  EXPECT_EQ(x.document.term->to, 2030);
  EXPECT_EQ(x.document.national_congress, "XIV");
}

TEST(DocumentFacts, TermWrittenOtherWays) {
  const auto term_of = [](const char* text) {
    const auto t = testing::run(text).document.term;
    return t ? std::to_string(t->from) + "-" + std::to_string(t->to) : std::string("none");
  };
  EXPECT_EQ(term_of("Đại hội chi bộ nhiệm kỳ: (2025-2027)"), "2025-2027");
  EXPECT_EQ(term_of("Kế hoạch tổ chức đại hội nhiệm kỳ 2025 - 2030"), "2025-2030");
  EXPECT_EQ(term_of("ĐẠI HỘI ĐẢNG BỘ XÃ, NHIỆM KỲ 2025–2030"), "2025-2030");  // en dash, capitals
  EXPECT_EQ(term_of("nhiệm kỳ (2020 -2025)"), "2020-2025");
  // Not a term: five digits, a year missing, a term of more than five years, the years reversed.
  EXPECT_EQ(term_of("nhiệm kỳ 20255 - 2030"), "none");
  EXPECT_EQ(term_of("nhiệm kỳ 2025 - 203"), "none");
  EXPECT_EQ(term_of("nhiệm kỳ 2020 - 2030"), "none");
  EXPECT_EQ(term_of("nhiệm kỳ 2030 - 2025"), "none");
  EXPECT_EQ(term_of("nhiệm kỳ tới, 2025 - 2030"), "none");
}

TEST(DocumentFacts, PastCongressResolutionIsNotTheCongressPrepared) {
  auto x = testing::run("triển khai thực hiện Nghị quyết Đại hội XIII của Đảng, nghị quyết đại hội nhiệm kỳ 2020 – 2025");
  EXPECT_FALSE(x.document.national_congress);
}

TEST(DocumentFacts, DistrictCongressNumberIsNotNational) {
  auto x = testing::run("tiến tới Đại hội Đảng bộ Quận lần thứ XXVII, nhiệm kỳ 2025 - 2030");
  EXPECT_FALSE(x.document.national_congress);
}

TEST(DocumentFacts, NationalCongressWrittenOtherWays) {
  EXPECT_EQ(testing::run("tiến tới ĐHĐB toàn quốc lần thứ 13 của Đảng").document.national_congress, "XIII");
  EXPECT_EQ(testing::run("chuẩn bị tiến tới Đại hội XIV, nhiệm kỳ 2025 - 2030").document.national_congress, "XIV");
  EXPECT_EQ(testing::run("tiến tới Đại hội lần thứ XIV của Đảng").document.national_congress, "XIV");
  // A province's twentieth congress is not a national one.
  EXPECT_FALSE(testing::run("Đại hội XX Đảng bộ tỉnh thành công tốt đẹp").document.national_congress);
  EXPECT_FALSE(testing::run("chuẩn bị Đại hội XIV Đảng bộ huyện Lạc Dương").document.national_congress);
}

TEST(DocumentFacts, IssuerFromTheBodyThatIssuesThePlan) {
  auto x = testing::run(
      "Huyện ủy Lạc Sơn đã ban hành Kế hoạch số 236-KH/HU, ngày 6/9/2019 quán triệt Chỉ thị số 35-CT/TW, ngày "
      "30/5/2019 của Bộ Chính trị.");
  EXPECT_EQ(x.document.issuer, "Huyện ủy Lạc Sơn");
}

TEST(DocumentFacts, IssuerNamedElsewhere) {
  auto x = testing::run(
      "Quận ủy Hai Bà Trưng tổ chức hội nghị. Kế hoạch số 203-KH/QU, ngày 29/7/2024 của Quận uỷ về tổ chức đại hội.");
  EXPECT_EQ(x.document.issuer, "Quận ủy Hai Bà Trưng");
}

}  // namespace
}  // namespace plancheck
