// The hand-written document code reader against its RE2 specification
// (extract/patterns.h) on real text and on random code-shaped
// strings; and what it reads on the forms of DOMAIN.md §2.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "extract/document_code.h"
#include "extract/patterns.h"
#include "test_util.h"

namespace plancheck {
namespace {

void expect_same_at(std::string_view s, size_t pos, size_t limit, const std::string& what) {
  const auto got = codes::read_document_code(s, pos, limit);
  const auto want = patterns::document_code(s, pos, limit);
  ASSERT_EQ(got.has_value(), want.has_value()) << what << " at " << pos << ": " << s.substr(pos, 40);
  if (!got) return;
  EXPECT_EQ(got->end, want->end) << what << " at " << pos;
  EXPECT_EQ(got->number, want->number) << what << " at " << pos;
  EXPECT_EQ(got->type, want->type) << what << " at " << pos;
  EXPECT_EQ(got->issuer, want->issuer) << what << " at " << pos;
}

TEST(DocumentCode, ReadsBothStyles) {
  struct Case {
    std::string_view text, number, type, issuer;
    size_t end;
  };
  for (const Case& c : {Case{"172-KH/HU ngày", "172", "KH", "HU", 9}, Case{"35 - CT/TW", "35", "CT", "TW", 10},
                        Case{"01-HD/BTCTW-BDTHU,", "01", "HD", "BTCTW-BDTHU", 17},
                        Case{"22/2019/NQ-HĐND tỉnh", "22", "NQ", "HĐND", 16}, Case{"15/QĐ-UBND2", "15", "QĐ", "UBND2", 12},
                        Case{"96-KH/TƯ", "96", "KH", "TƯ", 9}, Case{"84 QĐ/TWĐTN ngày", "84", "QĐ", "TWĐTN", 13}}) {
    const auto got = codes::read_document_code(c.text, 0, c.text.size());
    ASSERT_TRUE(got) << c.text;
    EXPECT_EQ(got->number, c.number) << c.text;
    EXPECT_EQ(got->type, c.type) << c.text;
    EXPECT_EQ(got->issuer, c.issuer) << c.text;
    EXPECT_EQ(got->end, c.end) << c.text;
  }
  // Dates, long numbers, small letters and a long type are not codes.
  for (std::string_view text : {"20/9/2024", "123456-KH/HU", "172-kh/hu", "172-KHABCDE/HU", "22/2019/", "2025 Đảng bộ",
                                "35  CT/TW", "12 TP.HCM"})
    EXPECT_FALSE(codes::read_document_code(text, 0, text.size())) << text;
}

TEST(DocumentCode, EnginesAgreeOnEveryShippedPlanAndSeed) {
  const auto texts = testing::shipped_texts();
  size_t codes_seen = 0;
  for (const auto& [name, s] : texts)
    for (size_t pos = 0; pos < s.size(); ++pos) {
      if (s[pos] < '0' || s[pos] > '9') continue;
      expect_same_at(s, pos, pos + 48, name);
      codes_seen += codes::read_document_code(s, pos, pos + 48).has_value();
    }
  EXPECT_GE(texts.size(), 8u);
  EXPECT_GE(codes_seen, 50u);  // the comparison saw codes, not only dates
}

// Code-shaped strings: numbers, separators and runs of capitals of every
// length around the limits (a run of 0 to 13 from A–Z, Đ, Ư, digits and the
// odd small letter), in any order; cut at a random limit now and then.
TEST(DocumentCode, EnginesAgreeOnRandomCodeShapes) {
  static const char* kSeparators[] = {"-", " - ", " -", "- ", "/", " ", "//", ".", ","};
  static const char* kLetters[] = {"A", "K", "H", "T", "W", "Đ", "Ư", "0", "9", "a", "đ", "Ơ"};  // capitals of the type first
  std::mt19937 rng(35);
  const auto capitals = [&] {
    std::string run;
    const size_t len = rng() % 14;
    for (size_t k = 0; k < len; ++k) run += kLetters[rng() % (rng() % 8 ? 6 : std::size(kLetters))];
    return run;
  };
  for (int round = 0; round < 40000; ++round) {
    std::string s = std::to_string(rng() % (rng() % 5 ? 1000 : 1000000));
    if (round % 2) {  // the skeleton of a code, each part of a random length
      s += rng() % 2 ? kSeparators[rng() % 4] : rng() % 2 ? "/" : "/2019/";
      s += capitals();
      s += rng() % 2 ? "/" : "-";
      s += capitals();
      if (rng() % 2) {
        s += '-';
        s += capitals();
      }
    }
    const size_t parts = rng() % 4;
    for (size_t k = 0; k < parts; ++k) {
      s += kSeparators[rng() % std::size(kSeparators)];
      s += rng() % 5 ? capitals() : std::to_string(rng() % 3000);
    }
    const size_t limit = rng() % 3 == 0 ? rng() % (s.size() + 1) : s.size();
    for (size_t pos = 0; pos < s.size(); ++pos)
      if (s[pos] >= '0' && s[pos] <= '9') expect_same_at(s, pos, std::max(limit, pos), "random '" + s + "'");
    if (::testing::Test::HasFailure()) return;
  }
}

}  // namespace
}  // namespace plancheck
