// The chunked folding engine against the reference, byte for byte: the
// folded text, the digit runs and the words, on the shipped plans, the seeds
// (when ../shared is there) and random text built to cross 64-byte blocks
// at every kind of character.
#include "fold.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "plancheck/source.h"

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

void expect_engines_agree(const std::string& s, const std::string& what) {
  const Folded ref = fold_with(fold_bytewise, s);
  const Folded got = fold_with(fold_chunked, s);
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

TEST(Fold, EnginesAgreeOnEveryShippedPlanAndSeed) {
  namespace fs = std::filesystem;
  size_t files = 0;
  for (const fs::path& dir : {fs::path(PLANCHECK_SOURCE_DIR) / "samples" / "plans",
                             fs::path(PLANCHECK_SOURCE_DIR) / ".." / "shared" / "seeds"}) {
    if (!fs::is_directory(dir)) continue;  // ../shared is optional here; the samples are not
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".txt") continue;
      const Source src = read_source(entry.path());
      expect_engines_agree(src.utf8, entry.path().string());
      ++files;
    }
  }
  EXPECT_GE(files, 8u);
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
