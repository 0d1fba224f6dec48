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

// Sentence and clause bounds, byte by byte, as DOMAIN.md's text rules put
// them: '\n', and '.', '!', '?' before a space, quote, bracket, line end or
// the end; ';' too for a clause; no look further than 2,000 bytes.
bool ends_here(std::string_view s, size_t i, bool clause) {
  const char c = s[i];
  if (c == '\n' || (clause && c == ';')) return true;
  if (c != '.' && c != '!' && c != '?') return false;
  if (i + 1 >= s.size()) return true;
  const char n = s[i + 1];
  return n == ' ' || n == '\n' || n == '"' || n == '\'' || n == ')';
}
size_t begin_by_bytes(std::string_view s, size_t pos, bool clause) {
  size_t floor = pos > 2000 ? pos - 2000 : 0;
  while (floor > 0 && (static_cast<unsigned char>(s[floor]) & 0xC0) == 0x80) --floor;
  while (pos > floor && !ends_here(s, pos - 1, clause)) --pos;
  return pos;
}
size_t end_by_bytes(std::string_view s, size_t pos, bool clause) {
  size_t ceiling = std::min(s.size(), pos + 2000);
  while (ceiling < s.size() && (static_cast<unsigned char>(s[ceiling]) & 0xC0) == 0x80) ++ceiling;
  while (pos < ceiling && !ends_here(s, pos, clause)) ++pos;
  return pos;
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
      ASSERT_EQ(sentence_begin(s, pos), begin_by_bytes(s, pos, false)) << pos;
      ASSERT_EQ(clause_begin(s, pos), begin_by_bytes(s, pos, true)) << pos;
      ASSERT_EQ(sentence_end(s, pos), end_by_bytes(s, pos, false)) << pos;
      ASSERT_EQ(clause_end(s, pos), end_by_bytes(s, pos, true)) << pos;
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
      std::optional<size_t> expected;
      for (size_t p = b; p + kw.size() <= e && !expected; ++p)
        if (s.compare(p, kw.size(), kw) == 0 && vi::at_word_start(s, p) && vi::at_word_end(s, p + kw.size()))
          expected = p;
      ASSERT_EQ(find_word(s, b, e, kw), expected) << s << " [" << b << ", " << e << ") " << kw;
      std::optional<size_t> last;
      for (size_t p = b; p + kw.size() <= e; ++p)
        if (s.compare(p, kw.size(), kw) == 0 && vi::at_word_start(s, p) && vi::at_word_end(s, p + kw.size())) last = p;
      ASSERT_EQ(rfind_word(s, b, e, kw), last) << s << " [" << b << ", " << e << ") " << kw;
    }
  }
}

}  // namespace
}  // namespace plancheck::scan
