// The chunked folding engine (both compilations: for this CPU and the
// baseline) against the reference, byte for byte: the
// folded text, the digit runs and the words, on the shipped plans, the seeds
// (when ../shared is there) and random text built to cross 64-byte blocks
// at every kind of character.
#include "fold.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "chunk_avx512.h"
#include "test_util.h"
#include "vi.h"

namespace plancheck::folding {
namespace {

struct Folded {
  std::string text;
  std::vector<Text::Run> digits;
  std::vector<Text::Word> words;
};

Folded fold_with(void (*engine)(std::string&, std::vector<Text::Run>*, std::vector<Text::Word>*),
                 const std::string& s) {
  Folded f{s, {}, {}};
  engine(f.text, &f.digits, &f.words);
  return f;
}

void expect_same(const Folded& got, const Folded& ref, const std::string& what) {
  ASSERT_EQ(got.text, ref.text) << what;
  ASSERT_EQ(got.digits.size(), ref.digits.size()) << what;
  for (size_t k = 0; k < ref.digits.size(); ++k) {
    ASSERT_EQ(got.digits[k].begin, ref.digits[k].begin) << what << " digit run " << k;
    ASSERT_EQ(got.digits[k].end, ref.digits[k].end) << what << " digit run " << k;
  }
  ASSERT_EQ(got.words.size(), ref.words.size()) << what;
  for (size_t k = 0; k < ref.words.size(); ++k) {
    ASSERT_EQ(got.words[k].begin, ref.words[k].begin) << what << " word " << k;
    ASSERT_EQ(got.words[k].end, ref.words[k].end) << what << " word " << k;
    ASSERT_EQ(got.words[k].flags, ref.words[k].flags) << what << " word " << k;
  }
}

// The chunked engine as compiled for this CPU (AVX-512 where it has it) and
// as compiled for every x86-64 (SSE2), each against the reference.
void expect_engines_agree(const std::string& s, const std::string& what) {
  const Folded ref = fold_with(fold_bytewise, s);
  testing::for_each_isa([&](const char* isa) {
    expect_same(fold_with(fold_chunked, s), ref, what + " (" + isa + ")");
  });
}

TEST(Fold, EnginesAgreeOnEveryShippedPlanAndSeed) {
  const auto texts = testing::shipped_texts();
  for (const auto& [name, utf8] : texts) expect_engines_agree(utf8, name);
  EXPECT_GE(texts.size(), 8u);
}

TEST(Fold, EnginesAgreeOnRandomText) {
  // Capitals and small letters with and without diacritics (two and three
  // bytes), old tone placement ("oà", "uỷ", "Uỳ"), digits, punctuation,
  // non-letters beyond ASCII (× ÷ … “), combining marks, letters that fold
  // to another letter of the same length (µ → μ, Ω), four-byte characters
  // (😀, Deseret capitals that fold), and lone ASCII capitals.
  static const char* kPieces[] = {
      "a",  "Z",  "o",  "u",  "O",  "U",  "q",  "đ",  "Đ",  "ạ",  "Ạ",  "Ỹ",  "ỹ",  "ư",  "Ư",  "ơ",
      "Ơ",  "à",  "À",  "ầ",  "Ầ",  "y",  "ỳ",  "ỷ",  "Ỷ",  "oà", "oè", "uỷ", "Uỳ", "hoà", "0",  "7",
      "2025", " ",  " ",  "-",  "/",  ".",  ",",  "\n", "“",  "”",  "…",  "×",  "÷",  "\u0301", "µ",
      "Ω",  "ß",  "ẞ",  "Ⅻ",  "😀", "𐐀",  "ﬁ",  "ĸ",  "Ŀ",  "ŉ",  "Ǆ",  "ɐ",  "ɖ",  "中", "İ"};
  std::mt19937 rng(2026);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const size_t n = rng() % (round % 10 == 0 ? 400 : 90);
    for (size_t k = 0; k < n; ++k) s += kPieces[rng() % std::size(kPieces)];
    expect_engines_agree(s, ::testing::PrintToString(s));
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(Fold, EnginesAgreeOnEveryCharacter) {
  // Every code point of the BMP and a sample beyond it, as a capital's
  // neighbour, after 'o' and 'u' (tone placement), inside a word and
  // straddling the first block edge.
  for (uint32_t cp = 0x80; cp < 0x110000; cp += cp < 0x10000 ? 1 : 0x3F) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string ch;
    vi::append_utf8(ch, cp);
    for (const size_t pad : {size_t{0}, size_t{61}, size_t{62}, size_t{63}}) {
      expect_engines_agree(std::string(pad, 'A') + ch + "o" + ch + " U" + ch + "x9" + ch, "U+" + std::to_string(cp));
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
}

TEST(Fold, EnginesAgreeAtEveryBlockEdge) {
  // A multi-byte capital, a non-word character and a word running across
  // each byte offset around the 64-byte block edges.
  for (const std::string piece : {"Ầ", "…", "ĐẢNG", "😀", "oà", "12", "×"}) {
    for (size_t pad = 50; pad < 140; ++pad) {
      std::string s(pad, 'x');
      s[pad / 2] = ' ';
      s += piece;
      s += "bộ Hoà 3";
      expect_engines_agree(s, piece + " after " + std::to_string(pad));
      expect_engines_agree(s.substr(0, pad + piece.size()), piece + " ending the text after " + std::to_string(pad));
    }
  }
}

}  // namespace
}  // namespace plancheck::folding
