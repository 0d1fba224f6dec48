// Keywords typed without their diacritics (issue 17): Text reads them with
// their marks where the context makes them keywords, spans still map to
// the user's bytes, and each keyword read keeps one `typo` notice.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "extract/vocabulary.h"
#include "plancheck/text.h"
#include "test_util.h"

namespace plancheck {
namespace {

const char* const kPlan =
    "KẾ HOẠCH số 12-KH/HU ngày 5/9/2024 của Ban Thường vụ Huyện ủy X về đại hội đảng bộ các cấp nhiệm kỳ "
    "2025-2030.\n"
    "Đại hội chi bộ trực thuộc hoàn thành trong thang 4/2025.\n"
    "Đại hội đảng bộ cơ sở hoan thanh truoc ngay 30/6/2025.\n"
    "Dai hoi Dang bo huyen to chuc trong thang 9/2025.\n";

TEST(Toneless, KeywordsAreReadWithTheirMarksInTheCaseTyped) {
  const Text t(kPlan);
  EXPECT_NE(t.normalized().find("hoàn thành trong tháng 4/2025."), std::string::npos);
  EXPECT_NE(t.normalized().find("cơ sở hoàn thành trước ngày 30/6/2025."), std::string::npos);
  EXPECT_NE(t.normalized().find("\nĐại hội Đảng bộ huyện tổ chức trong tháng 9/2025.\n"), std::string::npos);
  EXPECT_NE(t.folded().find("đại hội đảng bộ huyện tổ chức"), std::string::npos);
  EXPECT_EQ(t.toneless_words(), 13u);  // thang; hoan thanh truoc ngay; Dai hoi Dang bo huyen to chuc thang
  // The original is the user's, whole.
  EXPECT_EQ(t.original(), kPlan);
  EXPECT_EQ(t.line(4), "Dai hoi Dang bo huyen to chuc trong thang 9/2025.");
}

TEST(Toneless, SpansMapBackToTheOriginalColumns) {
  const Text t(kPlan);
  const std::string& n = t.normalized();
  const size_t at = n.find("tháng 9/2025");
  const Span s = t.span(at, at + std::string("tháng 9/2025").size());
  EXPECT_EQ(s.line, 4u);
  EXPECT_EQ(s.column, 37u);  // "Dai hoi Dang bo huyen to chuc trong " is 36 characters
  const size_t nine = n.find("9/2025");
  EXPECT_EQ(t.span(nine, nine + 6).column, 43u);
  const size_t dang = n.find("Đảng bộ huyện");
  EXPECT_EQ(t.span(dang, dang + 1).column, 9u);
  const size_t truoc = n.find("trước ngày");
  EXPECT_EQ(t.span(truoc, truoc + 1).line, 3u);
  EXPECT_EQ(t.span(truoc, truoc + 1).column, 34u);
}

TEST(Toneless, OneNoticeAKeyword) {
  const Text t(kPlan);
  std::vector<std::string> said;
  for (const Notice& n : t.notices()) {
    EXPECT_EQ(n.code, "typo");
    said.push_back(n.text + " → " + *n.suggestion);
  }
  EXPECT_EQ(said, (std::vector<std::string>{"thang → tháng", "hoan thanh → hoàn thành", "truoc ngay → trước ngày",
                                            "Dai hoi → đại hội", "Dang bo → đảng bộ", "huyen → huyện",
                                            "to chuc → tổ chức", "thang → tháng"}));
  const Notice& first = t.notices().front();
  EXPECT_EQ(first.message, "'thang' is 'tháng' typed without its diacritics: read as 'tháng'");
  EXPECT_EQ(first.span.line, 2u);
  EXPECT_EQ(first.span.column, 44u);
  const Notice& huyen = t.notices()[5];
  EXPECT_EQ(huyen.span.line, 4u);
  EXPECT_EQ(huyen.span.column, 17u);
  EXPECT_EQ(t.normalized().substr(huyen.span.start, huyen.span.end - huyen.span.start), "huyện");
}

TEST(Toneless, TheLateDistrictCongressIsRead) {
  const Extraction x = testing::run(kPlan);
  const auto district = std::find_if(x.milestones.begin(), x.milestones.end(),
                                     [](const Milestone& m) { return m.level == Level::district; });
  ASSERT_NE(district, x.milestones.end());
  EXPECT_EQ(district->time.period.start.iso(), "2025-09-01");
  EXPECT_EQ(district->time.period.end.iso(), "2025-09-30");
  EXPECT_EQ(district->span.line, 4u);
  const auto grassroots = std::find_if(x.milestones.begin(), x.milestones.end(), [](const Milestone& m) {
    return m.level == Level::grassroots && m.time.relation == Relation::before;
  });
  ASSERT_NE(grassroots, x.milestones.end());
  EXPECT_EQ(grassroots->time.period.start.iso(), "2025-06-30");
  // The notices of the extraction: the keywords' once each.
  EXPECT_EQ(std::count_if(x.notices.begin(), x.notices.end(), [](const Notice& n) { return n.code == "typo"; }), 8);
}

TEST(Toneless, WithOtherNormalizationsTheOriginalAndColumnsHold) {
  // NFD marks, a look-alike Ð, CRLF, a NO-BREAK SPACE and a zero-width space around the repairs.
  const std::string original =
      "Ke hoach \xC3\x90\xE1\xBA\xA1i hội\r\n"  // "Ðại hội" with U+00D0
      "Đa\xCC\xA3i ho\xCC\xA3\xCC\x82i\xC2\xA0"  // "Đại hội" decomposed, then NBSP
      "Dang bo\xE2\x80\x8B xa hoan thanh truoc ngay 15/6/2025\r\n";
  const Text t(original);
  EXPECT_EQ(t.original(), original);
  EXPECT_EQ(t.normalized(), "Kế hoạch Đại hội\nĐại hội Đảng bộ xã hoàn thành trước ngày 15/6/2025\n");
  EXPECT_EQ(t.line(2), "Đa\xCC\xA3i ho\xCC\xA3\xCC\x82i\xC2\xA0" "Dang bo\xE2\x80\x8B xa hoan thanh truoc ngay 15/6/2025");
  // "xa" follows "Dang bo" once the zero-width space is gone: read too.
  std::vector<std::string> said;
  for (const Notice& n : t.notices()) said.push_back(n.code + " " + n.text);
  EXPECT_EQ(said, (std::vector<std::string>{"typo Ke hoach", "lookalike \xC3\x90", "typo Dang bo", "typo xa", "typo hoan thanh",
                                            "typo truoc ngay"}));
  EXPECT_EQ(t.notices()[1].span.column, 10u);
  const size_t date = t.normalized().find("15/6/2025");
  const Span s = t.span(date, date + 9);
  EXPECT_EQ(s.line, 2u);
  // "Đại hội " (8, NFD: 11 code points) "Dang bo" (7) ZWSP (1) " xa hoan thanh truoc ngay " (26)
  EXPECT_EQ(s.column, 11u + 7 + 1 + 26 + 1);
}

TEST(Toneless, TextsWithoutThemAreLeftAsTyped) {
  const std::string plain = "Đại hội đảng bộ cơ sở hoàn thành trong tháng 6/2025; lắp thang máy; báo cáo ngay; "
                            "Việt Nam 2025; Quy Nhơn; dai dẳng; to lớn 2025.";
  const Text t(plain);
  EXPECT_EQ(t.normalized(), plain);
  EXPECT_EQ(t.toneless_words(), 0u);
  EXPECT_TRUE(t.notices().empty());
}

TEST(Toneless, ATextWithoutDiacriticsIsReadWithOneNotice) {
  std::string s =
      "Ke hoach so 12-KH/HU ngay 5/9/2024 cua Ban Thuong vu Huyen uy X ve dai hoi dang bo cac cap nhiem ky 2025-2030. "
      "Dai hoi chi bo truc thuoc hoan thanh trong thang 4/2025. Dai hoi dang bo co so hoan thanh truoc ngay "
      "30/6/2025. Dai hoi Dang bo huyen to chuc trong thang 9/2025. Cac chi bo, dang bo co so chu dong xay dung "
      "ke hoach, bao cao ket qua ve Ban Thuong vu.";
  const Extraction x = testing::run(s);
  std::vector<std::string> codes;
  for (const Notice& n : x.notices) codes.push_back(n.code);
  EXPECT_EQ(codes, std::vector<std::string>{"no_diacritics"});
  EXPECT_EQ(x.notices.front().text, "Ke");  // as typed, though read as "Kế"
  EXPECT_TRUE(std::any_of(x.milestones.begin(), x.milestones.end(), [](const Milestone& m) {
    return m.level == Level::district && m.time.period.start.iso() == "2025-09-01";
  }));
}

// The characters of `line` from code-point column `column` (1-based) on.
std::string from_column(const std::string& line, uint32_t column) {
  size_t i = 0;
  for (uint32_t c = 1; c < column && i < line.size(); ++c) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  }
  return line.substr(i);
}

TEST(Toneless, RepairsAmongOtherNormalizationsKeepEveryPlaceRandomly) {
  // Toneless keywords beside NFD marks, look-alike letters, CRLF, NO-BREAK
  // and zero-width spaces: the original comes back whole, and every number
  // and every notice is found at its line and column in it.
  const std::vector<std::string> pieces = {
      "Dai hoi ", "dang bo huyen ", "hoan thanh ", "truoc ngay 30/6/2025", "trong thang 9/2025", "to chuc ",
      "\xC3\x90\xE1\xBA\xA1i hội ", "Đa\xCC\xA3i ho\xCC\xA3\xCC\x82i ", "\r\n", "\n", "\xC2\xA0", "\xE2\x80\x8B",
      "Ke hoach so 12-KH/HU ", "ngày 5/9/2024 ", "Việt Nam 2025 ", "thang máy ", "co so ", "\t"};
  std::mt19937 rng(17);
  for (int round = 0; round < 300; ++round) {
    std::string original;
    const int n = 1 + static_cast<int>(rng() % 30);
    for (int k = 0; k < n; ++k) original += pieces[rng() % pieces.size()];
    const Text t(original);
    ASSERT_EQ(t.original(), original);
    for (const Text::Run& r : t.digit_runs()) {
      const std::string digits = t.normalized().substr(r.begin, r.end - r.begin);
      const Span sp = t.span(r.begin, r.end);
      ASSERT_EQ(from_column(t.line(sp.line), sp.column).substr(0, digits.size()), digits) << original;
    }
    for (const Notice& notice : t.notices()) {
      ASSERT_EQ(from_column(t.line(notice.span.line), notice.span.column).substr(0, notice.text.size()), notice.text)
          << original;
      if (notice.code == "typo") {
        ASSERT_EQ(fold(t.normalized().substr(notice.span.start, notice.span.end - notice.span.start)),
                  fold(*notice.suggestion))
            << original;
      }
    }
  }
}

// Every toneless row's example is read: normalized() then holds the keyword.
TEST(Toneless, EveryRowsExampleIsRead) {
  auto reads = [](std::string_view example, std::string_view keyword) {
    const Text t{std::string(example)};
    return t.folded().find(fold(keyword)) != std::string::npos && t.toneless_words() > 0;
  };
  for (const auto& r : vocab::kMarklessWords) EXPECT_TRUE(reads(r.example, r.keyword)) << r.example;
  for (const auto& r : vocab::kMarklessPairs) EXPECT_TRUE(reads(r.example, r.keyword)) << r.example;
  for (const auto& r : vocab::kMarklessAfter) EXPECT_TRUE(reads(r.example, r.keyword)) << r.example;
  // A keyword's marked spelling has a letter for each bare one (each takes its case).
  auto letters = [](std::string_view w) {
    return std::count_if(w.begin(), w.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  };
  for (const auto& r : vocab::kMarklessPairs)
    EXPECT_EQ(letters(r.keyword), letters(r.first) + 1 + letters(r.second)) << r.keyword;
  for (const auto& r : vocab::kMarklessWords) EXPECT_EQ(letters(r.keyword), letters(r.bare)) << r.keyword;
  for (const auto& r : vocab::kMarklessAfter) EXPECT_EQ(letters(r.keyword), letters(r.bare)) << r.keyword;
}

}  // namespace
}  // namespace plancheck
