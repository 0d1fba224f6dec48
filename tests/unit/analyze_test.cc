// analyze(): the one chain from bytes to a model that every front end runs.
#include "plancheck/analyze.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "plancheck/extract.h"
#include "plancheck/extract_json.h"
#include "test_util.h"

namespace plancheck {
namespace {

const std::string kPlan =
    "Đại hội chi bộ trực thuộc đảng bộ cơ sở hoàn thành trong tháng 2/2025; Đại hội đảng viên hoặc Đại hội "
    "đại biểu cấp cơ sở hoàn thành trước ngày 30/6/2025.\n";

std::string utf16le_with_bom(const std::string& ascii_or_utf8) {
  // Enough for the BMP: the plan has no character above U+FFFF.
  std::u16string u;
  for (size_t i = 0; i < ascii_or_utf8.size();) {
    const auto c = static_cast<unsigned char>(ascii_or_utf8[i]);
    char32_t cp;
    size_t n;
    if (c < 0x80) cp = c, n = 1;
    else if (c < 0xE0) cp = c & 0x1F, n = 2;
    else cp = c & 0x0F, n = 3;
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(ascii_or_utf8[i + k]) & 0x3F);
    u.push_back(static_cast<char16_t>(cp));
    i += n;
  }
  std::string out = "\xFF\xFE";
  for (const char16_t ch : u) {
    out.push_back(static_cast<char>(ch & 0xFF));
    out.push_back(static_cast<char>(ch >> 8));
  }
  return out;
}

TEST(Analyze, BytesInAnyEncodingGiveTheSameModel) {
  const Analysis a = analyze(kPlan, "a.txt");
  const Analysis b = analyze(utf16le_with_bom(kPlan), "b.txt");
  EXPECT_EQ(a.encoding, SourceEncoding::utf8);
  EXPECT_EQ(b.encoding, SourceEncoding::utf16le);
  EXPECT_EQ(a.extraction.file, "a.txt");
  ASSERT_EQ(a.extraction.milestones.size(), 2u);
  ASSERT_EQ(b.extraction.milestones.size(), a.extraction.milestones.size());
  for (size_t i = 0; i < a.extraction.milestones.size(); ++i) {
    EXPECT_EQ(a.extraction.milestones[i].level, b.extraction.milestones[i].level);
    EXPECT_EQ(a.extraction.milestones[i].time.period.start, b.extraction.milestones[i].time.period.start);
  }
}

TEST(Analyze, SpansPointIntoTheAnalysedText) {
  const Analysis a = analyze_utf8(kPlan, "plan.txt");
  ASSERT_FALSE(a.extraction.times.empty());
  for (const auto& t : a.extraction.times)
    EXPECT_EQ(a.text.normalized().substr(t.span.start, t.span.end - t.span.start), t.text);
}

TEST(Analyze, BytesThatAreNotTextNameTheFile) {
  try {
    (void)analyze("Đại " + std::string("\xC3") + "hội", "hong.txt");
    FAIL() << "no error";
  } catch (const SourceError& e) {
    EXPECT_EQ(e.path(), "hong.txt");
    EXPECT_EQ(e.line(), 1u);
  }
}

// A text over kWindowBytes is read a window at a time (issue 23's memory
// bound): the model is the one the whole text gives at once — every
// offset, line and column, units and statements kept once — whether the
// windows are cut at line ends or, on one long line, inside it.
TEST(Analyze, ALongTextReadInWindowsGivesTheWholeTextsModel) {
  std::string many_lines;
  const auto texts = testing::shipped_texts();
  ASSERT_FALSE(texts.empty());
  for (size_t k = 0; many_lines.size() < 2 * kWindowBytes + kWindowBytes / 3; ++k) {
    many_lines += texts[k % texts.size()].second;
    many_lines += "\n";
  }
  std::string one_line = many_lines;
  std::replace(one_line.begin(), one_line.end(), '\n', ' ');
  for (const std::string* doc : {&many_lines, &one_line}) {
    const Analysis windows = analyze_utf8(*doc, "long.txt");
    const Text whole(*doc);
    const Extraction at_once = extract(whole, "long.txt");
    ASSERT_EQ(windows.text.normalized(), whole.normalized());
    EXPECT_EQ(to_json(windows.extraction).dump(1), to_json(at_once).dump(1)) << (doc == &one_line ? "one line" : "lines");
    // The whole text answers for any offset as the text read at once does.
    for (size_t at = 0; at < whole.normalized().size(); at += 7919) {
      while ((static_cast<unsigned char>(whole.normalized()[at]) & 0xC0) == 0x80) ++at;
      const Span a = windows.text.span(at, at), b = whole.span(at, at);
      ASSERT_EQ(a.line, b.line) << at;
      ASSERT_EQ(a.column, b.column) << at;
      ASSERT_EQ(windows.text.line(a.line), whole.line(b.line));
    }
  }
}

}  // namespace
}  // namespace plancheck
