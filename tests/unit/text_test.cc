#include "plancheck/text.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "test_util.h"
#include "vi.h"

#include <random>

namespace plancheck {
namespace {

std::string nfd(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString u = n->normalize(icu::UnicodeString::fromUTF8(s), err);
  std::string out;
  u.toUTF8String(out);
  return out;
}

TEST(Text, DecomposedInputNormalizesToComposed) {
  const std::string composed = "Đại hội chi bộ trực thuộc hoàn thành trước ngày 30/6/2025.";
  const std::string decomposed = nfd(composed);
  ASSERT_NE(decomposed, composed);
  EXPECT_EQ(Text(decomposed).normalized(), Text(composed).normalized());
  EXPECT_EQ(Text(decomposed).folded(), Text(composed).folded());
}

TEST(Text, DecomposedInputExtractsTheSame) {
  const std::string plan =
      "Đại hội đảng viên hoặc Đại hội đại biểu cấp cơ sở hoàn thành trước 15/6/2025; "
      "Đại hội đại biểu Đảng bộ huyện hoàn thành trước ngày 20/7/2025.";
  auto a = testing::run(plan), b = testing::run(nfd(plan));
  ASSERT_EQ(a.milestones.size(), 2u);
  ASSERT_EQ(b.milestones.size(), 2u);
  EXPECT_EQ(b.milestones[1].time.period, a.milestones[1].time.period);
  // Columns point into the decomposed original: the same code point count
  // differs, but the line does not.
  EXPECT_EQ(b.milestones[1].time.span.line, 1u);
  EXPECT_GT(b.milestones[1].time.span.column, a.milestones[1].time.span.column);
}

TEST(Text, LookalikeEthBecomesDWithStrokeAndANotice) {
  Text t("Ðại hội Ðảng bộ");  // U+00D0 twice
  EXPECT_EQ(t.normalized(), "Đại hội Đảng bộ");
  ASSERT_EQ(t.notices().size(), 2u);
  EXPECT_EQ(t.notices()[0].code, "lookalike");
  EXPECT_EQ(t.notices()[0].text, "Ð");
  EXPECT_EQ(t.notices()[1].span.column, 9u);
  Text african("Ɖảng ủy");  // U+0189
  EXPECT_EQ(african.normalized(), "Đảng ủy");
}

TEST(Text, SpacesDashesQuotesAndZeroWidthAreFolded) {
  Text t("Kế\u00A0hoạch\u200B số 172\u2013KH/HU \u201Cđiểm\u201D\r\nx");
  EXPECT_EQ(t.normalized(), "Kế hoạch số 172-KH/HU \"điểm\"\nx");
}

TEST(Text, FoldingIsCaseInsensitiveAndKeepsLength) {
  Text t("ĐẠI HỘI ĐẢNG BỘ HUYỆN ĐỨC TRỌNG");
  EXPECT_EQ(t.folded(), "đại hội đảng bộ huyện đức trọng");
  EXPECT_EQ(t.folded().size(), t.normalized().size());
}

TEST(Text, OldAndNewTonePlacementFoldTheSame) {
  EXPECT_EQ(fold("Quận uỷ"), fold("Quận ủy"));
  EXPECT_EQ(fold("hoà"), fold("hòa"));
  EXPECT_EQ(fold("thuỷ"), fold("thủy"));
  EXPECT_EQ(fold("khoẻ"), fold("khỏe"));
  // Inside a closed syllable the tone has one place only.
  EXPECT_EQ(fold("hoàn"), "hoàn");
  // "quý": u belongs to "qu".
  EXPECT_EQ(fold("quý"), "quý");
}

TEST(Text, EveryReplacementIsFoundWhereverItFallsInTheFirstLook) {
  // Text decides from a first look, 64 bytes at a time, whether anything
  // needs normalizing; each character it must not miss, at every offset
  // around the block edges, with the plain letters around it.
  struct Case {
    const char* written;
    const char* normalized;
  };
  const Case cases[] = {{"\u00D0", "\u0110"}, {"\u00F0", "\u0111"}, {"\u0189", "\u0110"}, {"\u00A0", " "},
                        {"\u1680", " "},       {"\t", " "},           {"\r\n", "\n"},     {"\u200B", ""},
                        {"\u2013", "-"},       {"o\u0301", "\u00F3"}, {"\u201C", "\""}};
  for (const Case& c : cases) {
    for (size_t pad = 55; pad < 140; ++pad) {
      // Plain letters of one, two and three bytes up to `pad` bytes.
      std::string prefix(pad % 4, 'a');
      while (prefix.size() + 5 <= pad) prefix += "\u0111\u1EA1";  // đạ
      prefix.append(pad - prefix.size(), 'b');
      for (const std::string suffix : {"", " x\u1EBF"}) {
        testing::for_each_isa([&](const char* isa) {
          const Text t(prefix + c.written + suffix);
          ASSERT_EQ(t.normalized(), prefix + c.normalized + suffix)
              << isa << ", after " << prefix.size() << " bytes: " << c.written;
        });
      }
    }
  }
}

TEST(Text, SpanMapsBackToOriginalLineAndColumn) {
  const std::string src = "Dòng một\r\nNgày 25/9, Huyện ủy tổ chức";
  Text t(src);
  const size_t at = t.normalized().find("25/9");
  Span s = t.span(at, at + 4);
  EXPECT_EQ(s.line, 2u);
  EXPECT_EQ(s.column, 6u);  // "Ngày " is five code points
}

TEST(Text, ZeroWidthRemovalShiftsOffsetsButNotColumns) {
  Text t("a\u200Bb ngày");
  const size_t at = t.normalized().find("ngày");
  EXPECT_EQ(t.span(at, at + 1).column, 5u);  // a, ZWSP, b, space: ngày is the fifth code point
}

TEST(Text, LineReturnsTheOriginalLineWithoutItsEnd) {
  Text t("Kế hoạch\r\nĐại hội chi bộ\n\nhết");
  EXPECT_EQ(t.line(1), "Kế hoạch");
  EXPECT_EQ(t.line(2), "Đại hội chi bộ");
  EXPECT_EQ(t.line(3), "");
  EXPECT_EQ(t.line(4), "hết");
  EXPECT_EQ(t.line(5), "");
  EXPECT_EQ(t.line(0), "");
}

// The original is kept only where it differs from the normalized text
// (issue 23): rebuilt, it is the original byte for byte, and so are its
// lines and their UTF-16 columns.
void expect_original_kept(const std::string& original, const std::string& what) {
  const Text t(original);
  ASSERT_EQ(t.original_size(), original.size()) << what;
  ASSERT_EQ(t.original(), original) << what;
  uint32_t n = 1;
  for (size_t at = 0; at <= original.size(); ++n) {
    size_t end = original.find('\n', at);
    if (end == std::string::npos) end = original.size();
    std::string want = original.substr(at, end - at);
    if (!want.empty() && want.back() == '\r') want.pop_back();
    ASSERT_EQ(t.line(n), want) << what << " line " << n;
    for (uint32_t col : {1u, 2u, 7u, 40u, 100000u})
      ASSERT_EQ(t.utf16_column(n, col), utf16_column(want, col)) << what << " line " << n << " column " << col;
    at = end + 1;
  }
}

TEST(Text, OriginalIsRebuiltFromWhatDiffers) {
  for (const auto& [name, utf8] : testing::shipped_texts()) expect_original_kept(utf8, name);
  expect_original_kept("Kế hoạch\r\nĐại hội\tchi bộ “điểm” – Ðảng bộ\u00a0xã\u200b 📅 Ð\n", "edits");
  expect_original_kept("Ke\u0302\u0301 hoa\u0323ch\rx\r\n\u2028y\u00ad", "NFD and line ends");
  // Random mixtures of plain text and every kind of edit, some a few bytes apart.
  static const char* kPieces[] = {"a", "đại hội ", "\t", "\r\n", "\n", "“", "”", "–", "\u00a0", "\u200b",
                                  "Ð", "ð", "e\u0301", "\u0300", "📅", "ủy ", "\u2028", "\x01"};
  std::mt19937 rng(23);
  for (int round = 0; round < 300; ++round) {
    std::string s;
    for (size_t k = 1 + rng() % 60; k > 0; --k) s += kPieces[rng() % std::size(kPieces)];
    expect_original_kept(s, "random " + std::to_string(round));
  }
}

// A text appended window by window (a long document, analyze.h) answers
// as the whole text read at once: its normalized form, every offset's line
// and column, lines, the original's bytes and UTF-16 columns. Cut after a
// line end, after a space, or inside a line at a character's start.
void expect_appended_as_whole(const std::string& original, const std::vector<size_t>& cuts, const std::string& what) {
  const Text whole(original);
  Text appended{std::string()};
  size_t from = 0;
  for (size_t k = 0; k <= cuts.size(); ++k) {
    const size_t to = k < cuts.size() ? cuts[k] : original.size();
    appended.append(Text(original.substr(from, to - from)));
    from = to;
  }
  ASSERT_EQ(appended.normalized(), whole.normalized()) << what;
  EXPECT_EQ(appended.original(), original) << what;
  EXPECT_TRUE(appended.folded().empty());  // what only extractors read is gone
  const std::string& n = whole.normalized();
  for (size_t at = 0; at <= n.size(); ++at) {
    if (at < n.size() && (static_cast<unsigned char>(n[at]) & 0xC0) == 0x80) continue;
    const Span a = appended.span(at, at), b = whole.span(at, at);
    ASSERT_EQ(a.line, b.line) << what << " at " << at;
    ASSERT_EQ(a.column, b.column) << what << " at " << at;
    ASSERT_EQ(appended.utf16_column(a.line, a.column), whole.utf16_column(b.line, b.column)) << what << " at " << at;
    ASSERT_EQ(appended.original_text(at, std::min(n.size(), at + 9)), whole.original_text(at, std::min(n.size(), at + 9)))
        << what << " at " << at;
  }
  for (uint32_t l = 1; l <= whole.span(n.size(), n.size()).line + 1; ++l) EXPECT_EQ(appended.line(l), whole.line(l)) << what;
  ASSERT_EQ(appended.notices().size(), whole.notices().size()) << what;
  for (size_t k = 0; k < whole.notices().size(); ++k) EXPECT_EQ(appended.notices()[k].span, whole.notices()[k].span) << what;
}

TEST(Text, AppendedWindowsAnswerAsTheWholeText) {
  for (const auto& [name, utf8] : testing::shipped_texts()) {
    std::vector<size_t> cuts;  // after line ends, after spaces, and inside words
    for (size_t at = 1; at < utf8.size(); at += 1 + utf8.size() / 5) {
      size_t c = at;
      while (c < utf8.size() && (static_cast<unsigned char>(utf8[c]) & 0xC0) == 0x80) ++c;
      if (utf8[c - 1] == '\r') continue;  // never between CR and LF
      if (cuts.empty() || c > cuts.back()) cuts.push_back(c);
    }
    expect_appended_as_whole(utf8, cuts, name);
    std::vector<size_t> line_cuts;
    for (size_t at = utf8.find('\n'); at != std::string::npos && at + 1 < utf8.size(); at = utf8.find('\n', at + 300))
      line_cuts.push_back(at + 1);
    expect_appended_as_whole(utf8, line_cuts, name + " at line ends");
  }
  // Edits of every kind on both sides of the cuts: look-alike letters (with
  // their notices), CRLF, NO-BREAK SPACE, NFD, curly quotes, emoji.
  static const char* kPieces[] = {"a", "đại hội ", "\t", "\r\n", "\n", "“", "”", "–", "\u00a0", "\u200b",
                                  "Ð", "ð", "é", "📅", "ủy ", "\u2028", "Kế hoạch "};
  std::mt19937 rng(31);
  for (int round = 0; round < 200; ++round) {
    std::string s;
    std::vector<size_t> cuts;
    for (size_t k = 1 + rng() % 80; k > 0; --k) {
      s += kPieces[rng() % std::size(kPieces)];
      if (rng() % 9 == 0 && s.back() != '\r') cuts.push_back(s.size());
    }
    if (!cuts.empty() && cuts.back() == s.size()) cuts.pop_back();
    expect_appended_as_whole(s, cuts, "random " + std::to_string(round));
  }
}

TEST(Text, Utf16ColumnCountsSurrogatePairsTwice) {
  // Vietnamese letters are one UTF-16 unit each (BMP); an emoji is two.
  EXPECT_EQ(utf16_column("Đại hội tháng 7", 9), 9u);
  EXPECT_EQ(utf16_column("📅 Đại hội", 3), 4u);
  EXPECT_EQ(utf16_column("📅📅x", 3), 5u);
  EXPECT_EQ(utf16_column("ab", 5), 5u);  // past the end: one unit per column
}

// Columns on a line longer than the block stride (block columns used) and
// on short lines (counted from the line start) agree with a plain count.
TEST(Text, ColumnsOnLongAndShortLinesAgreeWithCounting) {
  std::string long_line;
  while (long_line.size() < 20000) long_line += "Đảng bộ xã Đạ Nhim tổ chức đại hội; ";
  const std::string original = "Kế hoạch\n" + long_line + "\nngắn ở đây\n";
  const Text text(original);
  const auto column_of = [&](size_t byte, size_t line_start) {
    uint32_t col = 1;
    for (size_t k = line_start; k < byte; ++k) col += (static_cast<unsigned char>(original[k]) & 0xC0) != 0x80;
    return col;
  };
  const size_t second = original.find('\n') + 1;
  for (size_t at : {second + 5, second + 4097, second + 12345, second + long_line.size() - 3}) {
    while ((static_cast<unsigned char>(original[at]) & 0xC0) == 0x80) ++at;  // a character boundary
    const Span sp = text.span(at, at);  // no edits: normalized offsets are original ones
    EXPECT_EQ(sp.line, 2u);
    EXPECT_EQ(sp.column, column_of(at, second)) << at;
  }
  const size_t third = original.rfind("ngắn");
  const Span sp = text.span(third + std::string("ngắn ").size(), third + 8);
  EXPECT_EQ(sp.line, 3u);
  EXPECT_EQ(sp.column, 6u);
}

// Text::words() against the plain definition (maximal runs of code points
// for which vi::is_word holds), decoded one code point at a time.
std::vector<Text::Word> reference_words(std::string_view s) {
  std::vector<Text::Word> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    if (!vi::is_word(vi::decode(s, i, &len))) {
      i += len;
      continue;
    }
    const size_t b = i;
    bool ascii = true;
    while (i < s.size()) {
      const uint32_t cp = vi::decode(s, i, &len);
      if (!vi::is_word(cp)) break;
      ascii = ascii && cp < 0x80;
      i += len;
    }
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(i), static_cast<uint8_t>(ascii ? 1 : 0)});
  }
  return out;
}

void expect_words_match(const std::string& utf8) {
  const Text text(utf8);
  const auto want = reference_words(text.folded());
  const auto& got = text.words();
  ASSERT_EQ(got.size(), want.size()) << utf8.substr(0, 80);
  for (size_t k = 0; k < got.size(); ++k) {
    ASSERT_EQ(got[k].begin, want[k].begin) << k;
    ASSERT_EQ(got[k].end, want[k].end) << k;
    ASSERT_EQ(got[k].flags, want[k].flags) << k;
  }
}

TEST(Text, WordsAgreeWithTheCodePointDefinition) {
  expect_words_match("Đại hội Đảng bộ xã Đạ Nhim (nhiệm kỳ 2025–2030) “điểm” × 3 ÷ 2; Ⅻ µ ª, N°5 ngafy 30/6/2025.");
  expect_words_match("HUYỆN ỦY HƯƠNG SƠN\r\nSố 180-KH/HU\u00a0ngày 02/10/2024 — Quận uỳ, hoà, thuỷ, ɖ, Ð…");
  expect_words_match("");
  expect_words_match("a");
  expect_words_match("x\u0301y");  // a combining mark inside a word
  // Random strings over letters, marks, digits, punctuation and symbols.
  static const char* kPieces[] = {"a", "Z", "đ", "Đ", "ạ", "Ỹ", "ư", "9", " ", "-", "/", "“", "”", "…", "×",
                                  "\u0301", "\u00a0", "\u200b", "µ", "\n", "ɐ", "Ⅻ", "😀", "ß", "ﬁ"};
  std::mt19937 rng(99);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const size_t n = rng() % 40;
    for (size_t k = 0; k < n; ++k) s += kPieces[rng() % (sizeof kPieces / sizeof *kPieces)];
    expect_words_match(s);
  }
}

// Every character's line and column, on lines of every shape the block
// index meets (blank lines, hundreds of short lines in one block, lines
// across block boundaries, a long line) agree with a plain count.
TEST(Text, EveryPositionAgreesWithCounting) {
  std::string original = "HUYỆN ỦY HƯƠNG SƠN\n\n";
  for (int k = 0; k < 300; ++k) original += k % 7 ? "-\n" : "\n";
  for (int k = 0; k < 40; ++k) original += std::string(static_cast<size_t>(k * 13 % 97), 'a') + " Đạ Nhim ngày 20/9/2024\n";
  while (original.size() < 9000) original += "Đảng bộ xã tổ chức đại hội; ";
  original += "\ncuối";
  // Every length of the text's last block too (its end read from a padded copy).
  for (const size_t cut : {original.size(), original.size() - 1, original.size() - 37}) {
    size_t at_char = cut;  // on a character's start
    while (at_char < original.size() && (static_cast<unsigned char>(original[at_char]) & 0xC0) == 0x80) --at_char;
    const std::string head = original.substr(0, at_char);
    testing::for_each_isa([&](const char* isa) {
      const Text text(head);
      uint32_t line = 1, col = 1;
      for (size_t at = 0; at <= head.size(); ++at) {
        const auto byte = static_cast<unsigned char>(at < head.size() ? head[at] : 0);
        if ((byte & 0xC0) == 0x80) continue;
        const Span sp = text.span(at, at);  // plain text: normalized offsets are original ones
        ASSERT_EQ(sp.line, line) << isa << " " << at;
        ASSERT_EQ(sp.column, col) << isa << " " << at;
        if (byte == '\n') { ++line; col = 1; } else { ++col; }
      }
    });
  }
}

// keep_only(): what a held plan keeps of its text answers as the whole text
// for its ranges (report_test compares every format on real plans); a
// position no range gave reads as spaces, never past what is kept.
TEST(Text, AnExcerptAnswersForItsRangesOnly) {
  const std::string line1 = "Số 12-KH/HU\tngày 3/9/2024";
  const std::string line2 = "Đại hội chi bộ hoàn thành trước ngày 15/3/2025.";
  const std::string line3 = "Nơi nhận: như trên.";
  Text whole(line1 + "\r\n" + line2 + "\r\n" + line3 + "\n");
  Text kept = whole;
  const size_t b = whole.normalized().find("trước"), e = whole.normalized().find('.', b);
  kept.keep_only({{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}}, 64);
  ASSERT_TRUE(kept.is_excerpt());
  EXPECT_FALSE(whole.is_excerpt());
  EXPECT_TRUE(kept.normalized().empty());
  EXPECT_EQ(kept.span(b, e), whole.span(b, e));
  EXPECT_EQ(kept.original_text(b, e), "trước ngày 15/3/2025");
  EXPECT_EQ(kept.normalized_text(b, e), whole.normalized_text(b, e));
  EXPECT_EQ(kept.line(2), line2);  // the whole line: shorter than the context
  EXPECT_EQ(kept.line(1), "");     // no range on it
  EXPECT_EQ(kept.original_text(0, 5), std::string(5, ' '));
  EXPECT_EQ(kept.normalized_text(0, 3), "   ");
  EXPECT_EQ(kept.original_size(), whole.original_size());
  // Kept again: nothing changes.
  Text again = kept;
  again.keep_only({}, 0);
  EXPECT_EQ(again.line(2), line2);
}

}  // namespace
}  // namespace plancheck
