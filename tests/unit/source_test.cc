#include "plancheck/source.h"

#include "plancheck/analyze.h"

#include <gtest/gtest.h>

#include <unicode/uchar.h>

#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "oracles.h"
#include "test_util.h"
#include "vi.h"

namespace plancheck {
namespace {

TEST(Source, PlainUtf8PassesThrough) {
  Source s = decode_source("Kế hoạch số 172-KH/HU", "a.txt");
  EXPECT_EQ(s.utf8, "Kế hoạch số 172-KH/HU");
  EXPECT_EQ(s.encoding, SourceEncoding::utf8);
}

TEST(Source, Utf8BomIsDropped) {
  Source s = decode_source("\xEF\xBB\xBFNgày 25/9", "a.txt");
  EXPECT_EQ(s.utf8, "Ngày 25/9");
  EXPECT_EQ(s.encoding, SourceEncoding::utf8_bom);
}

TEST(Source, Utf16LittleAndBigEndian) {
  // "Đại" = U+0110 U+1EA1 U+0069
  const std::string le("\xFF\xFE\x10\x01\xA1\x1E\x69\x00", 8);
  const std::string be("\xFE\xFF\x01\x10\x1E\xA1\x00\x69", 8);
  EXPECT_EQ(decode_source(le, "le.txt").utf8, "Đại");
  EXPECT_EQ(decode_source(be, "be.txt").utf8, "Đại");
  EXPECT_EQ(decode_source(le, "le.txt").encoding, SourceEncoding::utf16le);
}

// What some Windows tools export: UTF-16 with no byte-order mark.
std::string utf16_of(const std::u16string& u, bool big_endian) {
  std::string out;
  for (const char16_t c : u) {
    const char hi = static_cast<char>(c >> 8), lo = static_cast<char>(c & 0xFF);
    out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
  }
  return out;
}

TEST(Source, Utf16WithoutByteOrderMarkIsRecognised) {
  const std::u16string plan = u"Đại hội đảng bộ cơ sở hoàn thành trước ngày 30/6/2025.\r\n";
  for (const bool be : {false, true}) {
    const Source s = decode_source(utf16_of(plan, be), "windows.txt");
    EXPECT_EQ(s.encoding, be ? SourceEncoding::utf16be : SourceEncoding::utf16le);
    EXPECT_EQ(s.utf8, "Đại hội đảng bộ cơ sở hoàn thành trước ngày 30/6/2025.\r\n");
    EXPECT_FALSE(looks_binary(utf16_of(plan, be)));
  }
  // Binary whose zero bytes fall every other place is not taken for text:
  // the units with a zero byte would be control codes.
  std::string archive;
  for (int i = 0; i < 100; ++i) archive += std::string("\x00\x01PK\x03\x04", 6);
  EXPECT_TRUE(looks_binary(archive));
  EXPECT_THROW(decode_source(archive, "scan.txt"), SourceError);
}

TEST(Source, Utf16SurrogatePairs) {
  const std::string le("\xFF\xFE\x3D\xD8\x00\xDE", 6);  // U+1F600
  EXPECT_EQ(decode_source(le, "e.txt").utf8, "\xF0\x9F\x98\x80");
}

TEST(Source, InvalidUtf8NamesFileLineAndColumn) {
  // Line 2, after "Đại " (4 code points): a lone 0xC3 followed by ASCII.
  const std::string bytes = "Kế hoạch\nĐại \xC3hội";
  try {
    decode_source(bytes, "plans/bad.txt");
    FAIL() << "expected SourceError";
  } catch (const SourceError& e) {
    EXPECT_EQ(e.path(), "plans/bad.txt");
    EXPECT_EQ(e.line(), 2u);
    EXPECT_EQ(e.column(), 5u);
    EXPECT_NE(std::string(e.what()).find("plans/bad.txt:2:5: invalid UTF-8"), std::string::npos) << e.what();
  }
}

TEST(Source, RejectsOverlongAndSurrogateEncodings) {
  EXPECT_EQ(valid_utf8_prefix("ab\xC0\xAF"), 2u);          // overlong '/'
  EXPECT_EQ(valid_utf8_prefix("a\xED\xA0\x80"), 1u);       // U+D800
  EXPECT_EQ(valid_utf8_prefix("a\xF4\x90\x80\x80"), 1u);   // > U+10FFFF
  EXPECT_EQ(valid_utf8_prefix("ạ\xE1\xBA"), 3u);           // truncated at the end
  EXPECT_EQ(valid_utf8_prefix("Đảng bộ xã Đạ Nhim"), std::string("Đảng bộ xã Đạ Nhim").size());
}

// The validator against ICU's U8_NEXT (which follows the same table of
// well-formed sequences) on random strings of the bytes where the rules
// change: every prefix length must agree.
TEST(Source, ValidatorAgreesWithIcu) {
  static constexpr unsigned char kBytes[] = {'a', ' ', 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBA, 0xBF, 0xC0, 0xC1,
                                             0xC2, 0xC3, 0xDF, 0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5,
                                             0xFF};
  std::mt19937 rng(12345);
  for (int round = 0; round < 20000; ++round) {
    std::string s(rng() % 24, ' ');
    for (auto& c : s) c = static_cast<char>(kBytes[rng() % sizeof kBytes]);
    testing::for_each_isa([&](const char* isa) {
      ASSERT_EQ(valid_utf8_prefix(s), oracle::valid_utf8_prefix(s)) << isa << " " << ::testing::PrintToString(s);
    });
  }
}

// The same on long text: valid Vietnamese of every length around the
// 64-byte blocks, then a few random bytes, then more valid text.
TEST(Source, ValidatorAgreesWithIcuAfterLongValidText) {
  static constexpr unsigned char kBytes[] = {'a', 0x80, 0x8F, 0x90, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xDF,
                                             0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF};
  static const char* kValid[] = {"a", " ", "đ", "ạ", "ổ", "\n", "😀", "\u0800", "\uD7FF", "\uE000", "\U0010FFFF"};
  std::mt19937 rng(64);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const size_t prefix = rng() % 200;
    while (s.size() < prefix) s += kValid[rng() % std::size(kValid)];
    const size_t junk = round % 4 == 0 ? 0 : 1 + rng() % 4;
    for (size_t k = 0; k < junk; ++k) s += static_cast<char>(kBytes[rng() % sizeof kBytes]);
    for (size_t k = rng() % 100; k > 0; --k) s += kValid[rng() % std::size(kValid)];
    testing::for_each_isa([&](const char* isa) {
      ASSERT_EQ(valid_utf8_prefix(s), oracle::valid_utf8_prefix(s)) << isa << " " << ::testing::PrintToString(s);
    });
  }
}

TEST(Source, ACharacterCutShortAtABlockEdgeIsFound) {
  // A lead byte's character cut short just before the 64-byte block edge,
  // the next block starting with a valid character (found by the fuzzer).
  for (const std::string cut : {"\xE1\xBA", "\xE1", "\xC3", "\xF0\x9F\x98"}) {
    for (size_t pad = 50; pad < 140; ++pad) {
      const std::string s = std::string(pad, 'a') + cut + "\xC3\xA0yz \xC4\x91" + std::string(70, 'b');
      testing::for_each_isa([&](const char* isa) {
        ASSERT_EQ(valid_utf8_prefix(s), oracle::valid_utf8_prefix(s)) << isa << " " << pad << " " << ::testing::PrintToString(cut);
        ASSERT_EQ(valid_utf8_prefix(s), pad) << isa;
      });
    }
  }
}

TEST(Source, EmptyFileIsAClearError) {
  EXPECT_THROW(decode_source("", "empty.txt"), SourceError);
  EXPECT_THROW(decode_source("\xEF\xBB\xBF", "bom-only.txt"), SourceError);
  try {
    decode_source("", "empty.txt");
  } catch (const SourceError& e) {
    EXPECT_NE(std::string(e.what()).find("empty.txt: empty file"), std::string::npos) << e.what();
  }
}

TEST(Source, BinaryWithNulIsRejected) {
  const std::string bytes("PK\x03\x04\x00\x00", 6);
  try {
    decode_source(bytes, "draft.bin");
    FAIL();
  } catch (const SourceError& e) {
    EXPECT_EQ(e.line(), 1u);
    EXPECT_NE(e.reason().en.find("binary"), std::string::npos);
  }
}

TEST(Source, Utf16UnpairedSurrogateIsLocated) {
  const std::string le("\xFF\xFE\x61\x00\x0A\x00\x00\xD8\x62\x00", 10);  // "a\n" then lone high surrogate
  try {
    decode_source(le, "u16.txt");
    FAIL();
  } catch (const SourceError& e) {
    EXPECT_EQ(e.line(), 2u);
    EXPECT_EQ(e.column(), 1u);
  }
}

TEST(Source, MissingFileNamesIt) {
  try {
    read_source("/nonexistent/plan.txt");
    FAIL();
  } catch (const SourceError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/plan.txt"), std::string::npos);
  }
}

// ---- legacy Vietnamese encodings ------------------------------------------

constexpr SourceEncoding kLegacy[] = {SourceEncoding::windows1258, SourceEncoding::viscii, SourceEncoding::tcvn3,
                                      SourceEncoding::vni};

// Every letter of the Vietnamese alphabet: the twelve vowels with each of
// the six tones (none, huyền, sắc, hỏi, ngã, nặng), both cases, and đ Đ.
std::vector<std::string> vietnamese_letters() {
  const char32_t bases[] = {U'a', U'ă', U'â', U'e', U'ê', U'i', U'o', U'ô', U'ơ', U'u', U'ư', U'y'};
  std::vector<std::string> out;
  for (const char32_t b : bases)
    for (int tone = 0; tone <= 5; ++tone) {
      const uint32_t lower = vi::with_tone(b, tone);
      for (const uint32_t cp : {lower, static_cast<uint32_t>(u_toupper(static_cast<UChar32>(lower)))}) {
        std::string s;
        vi::append_utf8(s, cp);
        out.push_back(s);
      }
    }
  out.push_back("đ");
  out.push_back("Đ");
  return out;
}

TEST(Legacy, AlphabetHasEveryLetterOnce) {
  const auto letters = vietnamese_letters();
  EXPECT_EQ(letters.size(), 12u * 6 * 2 + 2);
  std::set<std::string> distinct(letters.begin(), letters.end());
  EXPECT_EQ(distinct.size(), letters.size());
}

TEST(Legacy, EveryLetterWithEveryToneRoundTrips) {
  const auto letters = vietnamese_letters();
  for (const SourceEncoding e : kLegacy) {
    std::string all;
    for (const auto& l : letters) {
      // Alone, and inside a word with ASCII on both sides.
      const std::string word = "t" + l + "n";
      EXPECT_EQ(decode_legacy(encode_legacy(l, e), e), l) << to_string(e) << " " << l;
      EXPECT_EQ(decode_legacy(encode_legacy(word, e), e), word) << to_string(e) << " " << word;
      EXPECT_EQ(encode_legacy(l, e).find('?'), std::string::npos) << to_string(e) << " " << l;
      all += l + " ";
    }
    EXPECT_EQ(decode_legacy(encode_legacy(all, e), e), all) << to_string(e);
  }
}

// Windows-1258 writes a Vietnamese letter as its base (with the vowel's
// own mark) and a combining tone, and any other letter it has whole as its
// byte: Ä is 0xC4, not A and a diaeresis the code page does not have (the
// legacy fuzzer found the substitute byte 0x1A written for it).
TEST(Legacy, Windows1258WritesOtherLettersWhole) {
  EXPECT_EQ(encode_legacy("Ä ß €", SourceEncoding::windows1258), "\xC4 \xDF \x80");
  EXPECT_EQ(encode_legacy("á", SourceEncoding::windows1258), "a\xEC");
  EXPECT_EQ(encode_legacy("ấ", SourceEncoding::windows1258), "\xE2\xEC");
  EXPECT_EQ(decode_legacy(encode_legacy("Ä ạ", SourceEncoding::windows1258), SourceEncoding::windows1258), "Ä ạ");
  EXPECT_EQ(encode_legacy("\u0100", SourceEncoding::windows1258), "?");  // Ā: not in the code page
}

TEST(Legacy, KnownBytes) {
  // Bytes as the encodings' own tables give them.
  EXPECT_EQ(decode_legacy("B\xB6o Th\xBEng", SourceEncoding::tcvn3), "Bảo Thắng");
  EXPECT_EQ(decode_legacy("\xAE\xB9i h\xE9i", SourceEncoding::tcvn3), "đại hội");
  EXPECT_EQ(decode_legacy("\xF1" "a\xEFi ho\xE4i", SourceEncoding::vni), "đại hội");
  EXPECT_EQ(decode_legacy("Tr\xF6\xF4\xF8ng", SourceEncoding::vni), "Trường");
  EXPECT_EQ(decode_legacy("\xF0\xD5i h\xB5i", SourceEncoding::viscii), "đại hội");
  // Windows-1258 writes the tone as a combining mark after the letter.
  EXPECT_EQ(decode_legacy("\xF0" "a\xF2i h\xF4\xF2i", SourceEncoding::windows1258), "đại hội");
}

std::string keep_encodable(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t len;
    const uint32_t cp = vi::decode(text, i, &len);
    const uint32_t lower = static_cast<uint32_t>(u_tolower(static_cast<UChar32>(cp)));
    if ((cp >= 0x20 && cp < 0x7F) || cp == '\n' || lower == 0x111 || vi::vowel(lower).base) out.append(text, i, len);
    else out += ' ';
    i += len;
  }
  return out;
}

TEST(Legacy, CorpusArticleIsDetectedInEachEncoding) {
  std::ifstream in(std::string(PLANCHECK_SOURCE_DIR) + "/../shared/corpus/005.txt", std::ios::binary);
  if (!in) GTEST_SKIP() << "no shared corpus";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string article = keep_encodable(ss.str());
  for (const SourceEncoding e : kLegacy) {
    const std::string bytes = encode_legacy(article, e);
    ASSERT_NE(valid_utf8_prefix(bytes), bytes.size()) << to_string(e);
    const LegacyGuess g = guess_legacy_encoding(bytes);
    EXPECT_EQ(g.encoding, e) << to_string(e) << " score " << g.score << " margin " << g.margin;
    const Source s = decode_source(bytes, "old.txt");
    EXPECT_EQ(s.encoding, e) << to_string(e);
    EXPECT_EQ(s.utf8, article) << to_string(e);
    // And a short passage too.
    const std::string line = "Đại hội đảng bộ các xã hoàn thành trước ngày 30 tháng 6 năm 2025.";
    const Source short_one = decode_source(encode_legacy(line, e), "short.txt");
    EXPECT_EQ(short_one.encoding, e) << to_string(e);
    EXPECT_EQ(short_one.utf8, line) << to_string(e);
  }
}

TEST(Legacy, ForcedEncodingIsReadWithoutDetection) {
  const std::string line = "Kế hoạch tổ chức đại hội";
  for (const SourceEncoding e : kLegacy) {
    const Source s = decode_source(encode_legacy(line, e), "f.txt", e);
    EXPECT_EQ(s.encoding, e);
    EXPECT_EQ(s.utf8, line);
  }
  // UTF-8 forced: bytes that are not UTF-8 are refused, not guessed.
  EXPECT_THROW(decode_source(encode_legacy(line, SourceEncoding::tcvn3), "f.txt", SourceEncoding::utf8), SourceError);
  EXPECT_EQ(decode_source(line, "f.txt", SourceEncoding::utf8).utf8, line);
  EXPECT_EQ(parse_source_encoding("TCVN3"), SourceEncoding::tcvn3);
  EXPECT_EQ(parse_source_encoding("cp1258"), SourceEncoding::windows1258);
  EXPECT_EQ(parse_source_encoding("latin-1"), std::nullopt);
  // A NUL is refused in a legacy encoding as in UTF-8.
  EXPECT_THROW(decode_source(std::string("a\0b", 3), "nul.txt", SourceEncoding::vni), SourceError);
}

TEST(Legacy, TextThatIsNotVietnameseIsStillRefused) {
  // Latin-1 French and German, and random bytes: invalid UTF-8, read as
  // nothing.
  const std::string french = "L'\xE9t\xE9 dernier, nous sommes all\xE9s \xE0 la for\xEAt pr\xE8s du ch\xE2teau.";
  const std::string german = "F\xFCr die Stra\xDF" "e m\xFCssen wir \xFC" "ber die Br\xFC" "cke gehen, sagte der M\xFCller.";
  for (const std::string& t : {french, german}) {
    EXPECT_THROW(decode_source(t, "latin1.txt"), SourceError) << t;
    EXPECT_LT(guess_legacy_encoding(t).score, kLegacyMinScore) << t;
  }
  std::mt19937 rng(19);
  std::string noise;
  for (int i = 0; i < 4000; ++i) noise += static_cast<char>(rng() % 255 + 1);
  EXPECT_THROW(decode_source(noise, "noise.txt"), SourceError);
  try {
    decode_source(french, "latin1.txt");
  } catch (const SourceError& e) {
    EXPECT_EQ(e.line(), 1u);
    EXPECT_EQ(e.column(), 3u);  // today's error: the first byte that is not UTF-8
  }
}

TEST(Legacy, AnalysisSaysHowTheFileWasRead) {
  const std::string plan = "Đại hội đảng bộ cấp cơ sở hoàn thành trước ngày 30 tháng 6 năm 2025.";
  const Analysis a = analyze(encode_legacy(plan, SourceEncoding::vni), "vni.txt");
  EXPECT_EQ(a.encoding, SourceEncoding::vni);
  EXPECT_EQ(a.text.original(), plan);
  ASSERT_FALSE(a.extraction.notices.empty());
  EXPECT_EQ(a.extraction.notices.front().code, "decoded_from");
  EXPECT_EQ(a.extraction.notices.front().text, "vni");
  EXPECT_EQ(a.extraction.notices.front().span.line, 1u);
  // UTF-8 says nothing of it.
  for (const auto& n : analyze(plan, "utf8.txt").extraction.notices) EXPECT_NE(n.code, "decoded_from");
  const Analysis forced = analyze(encode_legacy(plan, SourceEncoding::tcvn3), "t.txt", SourceEncoding::tcvn3);
  EXPECT_EQ(forced.encoding, SourceEncoding::tcvn3);
  EXPECT_EQ(forced.extraction.notices.front().message, "the file is not UTF-8; read as TCVN3 (ABC)");
}

}  // namespace
}  // namespace plancheck
