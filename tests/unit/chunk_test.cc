// The 64-byte blocks (chunk.h, chunk_avx512.h): masks against their
// byte-by-byte definitions, bit helpers, windows, occurrences.
#include "chunk.h"
#include "test_util.h"
#include "chunk_avx512.h"

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

// Masks against their byte-by-byte definitions, for each Block.
namespace sse2 {
using chunk::Block;
#include "chunk_masks.inc"
}  // namespace sse2

#if PLANCHECK_HAVE_AVX512
PLANCHECK_AVX512_BEGIN
namespace wide {
using chunk::avx512::Block;
#include "chunk_masks.inc"
}  // namespace wide
PLANCHECK_AVX512_END
#endif

TEST(Chunk, MasksMatchTheScalarDefinitions) { sse2::expect_masks_match_definitions(); }

TEST(Chunk, Avx512MasksMatchTheScalarDefinitions) {
#if PLANCHECK_HAVE_AVX512
  if (!avx512::usable()) GTEST_SKIP() << "this CPU has no AVX-512BW";
  wide::expect_masks_match_definitions();
#else
  GTEST_SKIP() << "not built for x86-64";
#endif
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

TEST(Chunk, OccurrencesAreWhatStringFindFinds) {
  std::mt19937 rng(8);
  static const char* kPieces[] = {"đại hội ", "đ", "ại", " ", "hội", "a", "lần thứ ", "lần", "đạ"};
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    for (size_t k = rng() % 60; k > 0; --k) s += kPieces[rng() % std::size(kPieces)];
    for (const std::string_view needle : {"đại hội ", "lần thứ ", "ại", " h", "đ", "aa"}) {
      std::vector<size_t> expected;
      for (size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) expected.push_back(p);
      const std::string_view one[] = {needle};
      testing::for_each_isa([&](const char* isa) {
        ASSERT_EQ(occurrences(s, one)[0], expected) << isa << ": " << s << " / " << needle;
      });
    }
  }
}

TEST(Chunk, OccurrencesOfSeveralNeedlesAreEachOnesOwn) {
  // One pass for several needles of different lengths gives each what a
  // pass of its own gives, on text long and short (shorter than some).
  std::mt19937 rng(9);
  static const char* kPieces[] = {"đại hội ", "đ", "ại", " ", "hội", "a", "lần thứ ", "nhiệm kỳ", "kỳ", "đạ"};
  static constexpr std::string_view kNeedles[] = {"lần thứ ", "đại hội ", "nhiệm kỳ", "a", " h"};
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    for (size_t k = rng() % 90; k > 0; --k) s += kPieces[rng() % std::size(kPieces)];
    testing::for_each_isa([&](const char* isa) {
      const auto all = occurrences(s, kNeedles);
      ASSERT_EQ(all.size(), std::size(kNeedles));
      for (size_t k = 0; k < std::size(kNeedles); ++k) {
        std::vector<size_t> expected;
        for (size_t p = s.find(kNeedles[k]); p != std::string::npos; p = s.find(kNeedles[k], p + 1)) expected.push_back(p);
        ASSERT_EQ(all[k], expected) << isa << ": " << s << " / " << kNeedles[k];
      }
    });
  }
}

}  // namespace
}  // namespace plancheck::chunk
