// Block masks against their byte-by-byte definitions, on random blocks and
// on every byte value in every position.
#include "chunk.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace plancheck::chunk {
namespace {

template <typename P>
uint64_t mask_of(const unsigned char* b, P pred) {
  uint64_t m = 0;
  for (size_t i = 0; i < kBytes; ++i)
    if (pred(b[i])) m |= uint64_t{1} << i;
  return m;
}

TEST(Chunk, MasksMatchTheScalarDefinitions) {
  std::mt19937_64 rng(64);
  for (int round = 0; round < 20000; ++round) {
    unsigned char b[kBytes];
    for (auto& c : b) c = static_cast<unsigned char>(rng());
    b[rng() % kBytes] = static_cast<unsigned char>(round % 256);
    if (round % 3 == 0)
      for (auto& c : b) c &= 0x7F;
    const Block block(reinterpret_cast<const char*>(b));
    const unsigned char x = static_cast<unsigned char>(round % 256), y = static_cast<unsigned char>(rng());
    const unsigned char lo = std::min(x, y), hi = std::max(x, y);
    ASSERT_EQ(block.eq(x).bits(), mask_of(b, [&](unsigned char c) { return c == x; }));
    ASSERT_EQ(block.in(lo, hi).bits(), mask_of(b, [&](unsigned char c) { return c >= lo && c <= hi; }));
    ASSERT_EQ(block.at_least(x).bits(), mask_of(b, [&](unsigned char c) { return c >= x; }));
    ASSERT_EQ(block.high().bits(), mask_of(b, [](unsigned char c) { return c >= 0x80; }));
    ASSERT_EQ(block.odd().bits(), mask_of(b, [](unsigned char c) { return (c & 1) != 0; }));
    ASSERT_EQ(block.leads().bits(), mask_of(b, [](unsigned char c) { return c >= 0xC0; }));
    // Tests combined in vector form give the combination of their bits.
    const uint64_t e = block.eq(x).bits(), r = block.in(lo, hi).bits(), o = block.odd().bits();
    ASSERT_EQ(((block.eq(x) & ~block.in(lo, hi)) | block.odd()).bits(), (e & ~r) | o);
    char lowered[kBytes];
    block.lowered().store(lowered);
    for (size_t i = 0; i < kBytes; ++i)
      ASSERT_EQ(static_cast<unsigned char>(lowered[i]), b[i] >= 'A' && b[i] <= 'Z' ? b[i] + 32 : b[i]);
  }
}

TEST(Chunk, BitsBetween) {
  EXPECT_EQ(bits_between(0, 0), 0u);
  EXPECT_EQ(bits_between(0, 64), ~uint64_t{0});
  EXPECT_EQ(bits_between(3, 5), 0b11000u);
  EXPECT_EQ(bits_between(63, 64), uint64_t{1} << 63);
  std::vector<unsigned> seen;
  for_each_bit(0b1010'0001, [&](unsigned i) { seen.push_back(i); });
  EXPECT_EQ(seen, (std::vector<unsigned>{0, 5, 7}));
}

TEST(Chunk, WindowReadsTheTailPaddedWithZerosAndPutsWritesBack) {
  std::string s(100, 'a');
  {
    const Window<char> w(s.data(), s.size(), 64);  // 36 bytes left: a copy
    EXPECT_NE(w.data(), s.data() + 64);
    for (size_t i = 36; i < kBytes; ++i) EXPECT_EQ(w.data()[i], '\0');
    w.data()[0] = 'b';
    w.put_back();
  }
  EXPECT_EQ(s[64], 'b');
  const Window<const char> in_place(s.data(), s.size(), 0);  // 100 left: read where it stands
  EXPECT_EQ(in_place.data(), s.data());
}

TEST(Chunk, ForEachOccurrenceFindsWhatStringFindFinds) {
  std::mt19937 rng(8);
  static const char* kPieces[] = {"đại hội ", "đ", "ại", " ", "hội", "a", "lần thứ ", "lần", "đạ"};
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    for (size_t k = rng() % 60; k > 0; --k) s += kPieces[rng() % std::size(kPieces)];
    for (const std::string_view needle : {"đại hội ", "lần thứ ", "ại", " h", "đ", "aa"}) {
      std::vector<size_t> expected, got;
      for (size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) expected.push_back(p);
      for_each_occurrence(s, needle, [&](size_t p) { got.push_back(p); });
      ASSERT_EQ(got, expected) << s << " / " << needle;
    }
  }
}

}  // namespace
}  // namespace plancheck::chunk
