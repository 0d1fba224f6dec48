// scan helpers: KeywordSet (the keyword found at a position, its filters
// never turning away a word a keyword starts with) and sentence and clause
// bounds (64 bytes at a time) against a byte-by-byte reading.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "extract/scan.h"
#include "oracles.h"
#include "vi.h"
#include "plancheck/text.h"

namespace plancheck::scan {
namespace {

TEST(KeywordSet, LongestKeywordStandingAtAPositionAsWholeWords) {
  const KeywordSet set = {"khu", "khu dân cư", "đảng bộ", "đảng ủy", "ubnd", "sở"};
  const std::string s = fold("Khu dân cư số 3, khu phố, Đảng bộ xã, đảng ủy viên, UBND, cơ sở, sởi");
  size_t end = 0;
  EXPECT_EQ(set.match(s, 0, &end), 1);  // "khu dân cư" over "khu"
  EXPECT_EQ(s.substr(0, end), fold("Khu dân cư"));
  const size_t khu_pho = s.find("khu phố");
  EXPECT_EQ(set.match(s, khu_pho, &end), 0);
  EXPECT_EQ(set.match(s, s.find("đảng bộ")), 2);
  EXPECT_EQ(set.match(s, s.find("đảng ủy")), 3);  // "ủy" ends where "viên" starts after a space
  EXPECT_EQ(set.match(s, s.find("ubnd")), 4);
  EXPECT_EQ(set.match(s, s.find("sởi")), -1);    // a longer word is not the keyword
  EXPECT_EQ(set.match(s, s.find("ân cư")), -1);  // not at a word start
}

// match_word() hashes a word in the text with one masked load; the keyword
// table was built with hash() on the keywords alone: the two must agree for
// every length, with any bytes after the word.
TEST(KeywordSet, WordHashIsTheHashOfTheWordAlone) {
  std::mt19937 rng(11);
  for (int round = 0; round < 2000; ++round) {
    std::string buffer(24, '\0');
    for (char& c : buffer) c = static_cast<char>(rng());
    for (size_t n = 1; n <= 16; ++n)
      for (size_t avail = n; avail <= buffer.size(); ++avail)
        ASSERT_EQ(word_hash(buffer.data(), avail, n), hash(std::string_view(buffer.data(), n)))
            << "length " << n << ", readable " << avail;
  }
}

TEST(KeywordSet, RefusesKeywordsTooShortForItsFilters) {
  EXPECT_THROW(KeywordSet({"a", "đảng bộ"}), std::logic_error);
}

TEST(KeywordSet, FiltersLetThroughEveryWordAKeywordStartsWith) {
  // The words of the shipped head list and look-alikes around them: wherever
  // match_word() finds a keyword, may_be_first_word() and the byte filters
  // must have said yes.
  const std::vector<std::string_view> keywords = {"đảng bộ", "chi bộ", "ban thường vụ", "huyện ủy", "ủy ban nhân dân",
                                                  "sở", "hội", "ubnd", "tổng công ty", "đài", "xyzw"};
  const KeywordSet set(keywords);
  static const char* kWords[] = {"đảng", "bộ", "chi", "ban", "thường", "vụ", "huyện", "ủy", "nhân", "dân", "sở",
                                 "hội", "ubnd", "tổng", "công", "ty", "đài", "a", "xyzw", "đã", "cho", "sởi", "hộ",
                                 "ba", "xyz", "xyzwv", "2025", "Đảng", "HỘI"};
  std::mt19937 rng(5);
  for (int round = 0; round < 20000; ++round) {
    std::string raw;
    for (size_t k = 1 + rng() % 5; k > 0; --k) raw += std::string(kWords[rng() % std::size(kWords)]) + " ";
    const Text text(raw);
    const std::string& s = text.folded();
    for (const auto& w : text.words()) {
      if (set.match_word(s, w.begin, w.end) < 0) continue;
      ASSERT_TRUE(set.may_be_first_word(s, w.begin, w.end - w.begin)) << s << " at " << w.begin;
      ASSERT_TRUE(set.may_start_at(s, w.begin) && set.may_start_with_prefix(s, w.begin)) << s << " at " << w.begin;
    }
  }
}

TEST(Scan, SentenceAndClauseBoundsAgreeWithReadingByteByByte) {
  static const char* kPieces[] = {"đại hội ", "x", "ạ", ". ", ".", "3.5", ";", "\n", "! ", "?", ".\"", ".)",
                                  "Đảng bộ xã Đạ Nhim tổ chức đại hội trong tháng 3/2025 "};
  std::mt19937 rng(11);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const size_t target = rng() % (round % 20 == 0 ? 5000 : 400);
    while (s.size() < target) s += kPieces[rng() % (round % 7 == 0 ? 3 : std::size(kPieces))];
    for (int k = 0; k < 20; ++k) {
      const size_t pos = s.empty() ? 0 : rng() % (s.size() + 1);
      ASSERT_EQ(sentence_begin(s, pos), oracle::bound_begin(s, pos, false)) << pos;
      ASSERT_EQ(clause_begin(s, pos), oracle::bound_begin(s, pos, true)) << pos;
      ASSERT_EQ(sentence_end(s, pos), oracle::bound_end(s, pos, false)) << pos;
      ASSERT_EQ(clause_end(s, pos), oracle::bound_end(s, pos, true)) << pos;
    }
  }
}

TEST(Scan, FindAndRfindWordAgreeWithTryingEveryPosition) {
  // Keywords found as whole words in stretches short and long (the long
  // ones are searched 64 starts at a time).
  static const char* kPieces[] = {"điểm", "đại hội", " ", "điểm cầu", "x", "thời điểm", "đ", "m", "đại", "hội",
                                  "làm điểm ", "(", "điểmx"};
  static const std::string_view kKeywords[] = {"điểm", "đại hội", "làm điểm", "hội", "m"};
  std::mt19937 rng(12);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const size_t target = rng() % 600;
    while (s.size() < target) s += kPieces[rng() % std::size(kPieces)];
    for (const std::string_view kw : kKeywords) {
      const size_t b = s.empty() ? 0 : rng() % (s.size() + 1);
      const size_t e = b + rng() % (s.size() - b + 1);
      ASSERT_EQ(find_word(s, b, e, kw), oracle::find_word(s, b, e, kw)) << s << " [" << b << ", " << e << ") " << kw;
      ASSERT_EQ(rfind_word(s, b, e, kw), oracle::rfind_word(s, b, e, kw)) << s << " [" << b << ", " << e << ") " << kw;
    }
  }
}

TEST(Scan, WordsBeforeIsTheFirstKeywordInListOrderEndingThere) {
  // Keywords sharing last bytes and ending one another ("chậm nhất là" and
  // "là", "trước" and "trước hoặc trong"), at every end of random text,
  // against trying each keyword in order.
  static constexpr std::string_view kKeywords[] = {"chậm nhất là", "chậm nhất", "trước hoặc trong", "trong",
                                                   "trước", "là", "đến", "cho đến", "đầu", "nhất"};
  static const char* kPieces[] = {"chậm ", "nhất ", "là ", "trước ", "hoặc ", "trong ", "đến ", "cho ",
                                  "đầu", "nhiều", "x", " ", "ngày"};
  static constexpr WordsBefore kBefore(kKeywords);
  std::mt19937 rng(13);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    for (size_t k = rng() % 8; k > 0; --k) s += kPieces[rng() % std::size(kPieces)];
    for (size_t end = 0; end <= s.size(); ++end) {
      std::optional<size_t> want;
      size_t want_begin = 0;
      for (size_t k = 0; k < std::size(kKeywords) && !want; ++k)
        if (word_before(s, end, kKeywords[k], &want_begin)) want = k;
      size_t begin = 0;
      ASSERT_EQ(kBefore.find(s, end, &begin), want) << s << " ending at " << end;
      if (want) {
        ASSERT_EQ(begin, want_begin) << s << " ending at " << end;
      }
    }
  }
}

}  // namespace
}  // namespace plancheck::scan
