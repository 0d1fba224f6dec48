#include "swar.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace plancheck::swar {
namespace {

// Every test against its byte-by-byte definition, on random words and on
// every byte value in every position.
size_t first(const unsigned char* b, bool (*pred)(unsigned char)) {
  for (size_t i = 0; i < 8; ++i)
    if (pred(b[i])) return i;
  return 8;
}

TEST(Swar, FirstFlaggedMatchesTheScalarDefinitions) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 200000; ++round) {
    unsigned char b[8];
    const uint64_t r = rng();
    for (size_t i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(r >> (8 * i));
    if (round % 2) b[rng() % 8] = static_cast<unsigned char>(round / 2 % 256);  // every value, often ASCII
    if (round % 3 == 0)
      for (auto& c : b) c &= 0x7F;
    const uint64_t w = load8(reinterpret_cast<const char*>(b));
    ASSERT_EQ(first_flagged(not_ascii(w)), first(b, [](unsigned char c) { return c >= 0x80; }));
    ASSERT_EQ(first_flagged(below(w, 0x20) | not_ascii(w)),
              first(b, [](unsigned char c) { return c < 0x20 || c >= 0x80; }));
    int cont = 0;
    for (unsigned char c : b) cont += (c & 0xC0) == 0x80;
    ASSERT_EQ(std::popcount(continuations(w)), cont);
    ASSERT_EQ(count_flagged(continuations(w)), static_cast<size_t>(cont));
    ASSERT_EQ(count_flagged(not_ascii(w)), static_cast<size_t>(std::popcount(not_ascii(w))));
  }
}

TEST(Swar, CodePointsCountsCharactersNotBytes) {
  const std::string s = "Đảng bộ xã Đạ Nhim, nhiệm kỳ 2025–2030 — “đại hội điểm” 🇻🇳.";
  for (size_t b = 0; b <= s.size(); ++b)
    for (size_t e = b; e <= s.size(); ++e) {
      size_t expected = 0;
      for (size_t k = b; k < e; ++k) expected += (static_cast<unsigned char>(s[k]) & 0xC0) != 0x80;
      ASSERT_EQ(code_points(s.data() + b, e - b), expected) << b << ".." << e;
    }
  EXPECT_EQ(code_points(s.data(), s.size()), 59u);  // Python: len(s)
}

}  // namespace
}  // namespace plancheck::swar
