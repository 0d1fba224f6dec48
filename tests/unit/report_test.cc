// The library's reports (plancheck/report.h), used as a program other than
// the command would use them: every registered format writes every finding
// of a real sample, a place is said in the document's terms, and markup
// escaping holds what XML cannot.
#include "plancheck/report.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "plancheck/analyze.h"
#include "plancheck/derive.h"
#include "plancheck/snippet.h"
#include "report/markup.h"
#include "test_util.h"

namespace plancheck {
namespace {

const RuleBook& book() {
  static const RuleBook b = RuleBook::builtin();
  return b;
}

std::string sample(const std::string& rel) {
  std::ifstream in(std::string(PLANCHECK_SOURCE_DIR) + "/samples/" + rel, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ReportFormats, EveryRegisteredNameMakesAReporterAndTextIsTheCommands) {
  ASSERT_GE(report_formats().size(), 8u);
  for (const auto name : report_formats()) {
    SCOPED_TRACE(std::string(name));
    std::ostringstream out;
    ReportOptions opt;
    opt.format = std::string(name);
    EXPECT_NE(make_reporter(opt, book(), out), nullptr);
  }
  std::ostringstream out;
  ReportOptions opt;
  opt.format = "text";  // the terminal's: cli/, not the library's
  EXPECT_EQ(make_reporter(opt, book(), out), nullptr);
  opt.format = "xml";
  EXPECT_EQ(make_reporter(opt, book(), out), nullptr);
}

TEST(Reports, EveryFormatSaysEveryFindingAndEveryUnreadableFile) {
  const std::string path = "samples/check/c01-huyen-lam-ha-tre-han.txt";
  const Analysis a = analyze(sample("check/c01-huyen-lam-ha-tre-han.txt"), path);
  const auto sets = book().select(a.extraction);
  const auto diags = check(a.extraction, sets, book());
  ASSERT_GE(diags.size(), 2u);
  CheckSummary summary;
  summary.files = 1;
  summary.add_file(path, diags);
  for (const auto name : report_formats()) {
    SCOPED_TRACE(std::string(name));
    std::ostringstream out;
    ReportOptions opt;
    opt.format = std::string(name);
    const auto r = make_reporter(opt, book(), out);
    r->file(path, &a.text, sets, diags, facts_of(a.extraction));
    // A file that could not be read is said by every format: no CI job may
    // take a report without it for a clean run.
    r->failure("ke-hoach-hong.txt", "ke-hoach-hong.txt: không mở được");
    r->finish(summary, sets);
    const std::string o = out.str();
    EXPECT_NE(o.find("ke-hoach-hong.txt"), std::string::npos);
    if (name == "csv") {  // a row of counts, not the findings
      EXPECT_NE(o.find(fmt::format(",{},{},{}", summary.counts.errors, summary.counts.warnings, summary.counts.notes)),
                std::string::npos);
      continue;
    }
    for (const auto& d : diags) EXPECT_NE(o.find(d.rule), std::string::npos) << d.rule;
  }
}

TEST(Reports, APlaceIsSaidInTheDocumentsTerms) {
  Span s;
  s.line = 2;
  s.column = 5;
  EXPECT_EQ(place_text(s, {}, Lang::vi), "2:5");  // plain text: line and column
  LineOrigin first, second;
  first.number = 11;
  second.number = 12;  // the text's second line is the document's paragraph 12
  const std::vector<LineOrigin> docx{first, second};
  EXPECT_EQ(place_text(s, docx, Lang::vi), "đoạn 12:5");
  EXPECT_EQ(place_text(s, docx, Lang::en), "paragraph 12:5");
}

// Real plans, and one written to hold what makes the original differ from
// the normalized text and UTF-16 from code points: tabs and no-break
// spaces, a look-alike letter, toneless keywords, CRLF line ends, a
// character outside the BMP before a span, and a paragraph-long line.
std::vector<std::pair<std::string, std::string>> excerpt_texts() {
  namespace fs = std::filesystem;
  auto texts = testing::shipped_texts();
  for (const fs::path& dir : {fs::path(PLANCHECK_SOURCE_DIR) / "samples" / "check",
                             fs::path(PLANCHECK_SOURCE_DIR) / "samples" / "hierarchy",
                             fs::path(PLANCHECK_SOURCE_DIR) / ".." / "shared" / "corpus"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.path().extension() == ".txt")
        texts.emplace_back(entry.path().filename().string(), read_source(entry.path()).utf8);
  }
  // Typed on Windows: every line an anchor pair (CRLF).
  const size_t typed = texts.size();
  for (size_t i = 0; i < typed; i += 3) {
    std::string crlf;
    for (const char c : texts[i].second) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    texts.emplace_back(texts[i].first + " (CRLF)", std::move(crlf));
  }
  std::string long_line(6000, ' ');
  for (size_t i = 0; i < long_line.size(); i += 7) long_line[i] = 'a';
  texts.emplace_back(
      "made.txt",
      "ĐẢNG BỘ HUYỆN X\r\nSố 12-KH/HU\t\tngày 3/9/2024\r\n"
      "Căn cứ Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị 😀 và Kế hoạch số 96-KH/TU\u00a0ngày 2/8/2024;\r\n" +
          long_line +
          " Đại hội chi bộ trực thuộc hoàn thành trước ngày 15/3/2025. Dai hoi dang bo co so hoan thanh trong thang 5/2025 "
          "😀😀 " + long_line +
          "\r\nÐại hội Đảng bộ huyện tổ chức trong tháng 7/2025.\r\n");
  return texts;
}

TEST(Reports, APlanKeptForItsReportIsReportedAsFromItsWholeText) {
  size_t diagnostics = 0;
  for (const auto& [name, utf8] : excerpt_texts()) {
    SCOPED_TRACE(name);
    const Analysis whole = analyze_utf8(utf8, name);
    Text kept = whole.text;
    keep_for_report(kept, whole.extraction);
    ASSERT_TRUE(kept.is_excerpt());
    Extraction held_model = whole.extraction;
    keep_for_check(held_model);
    const auto sets = book().select(whole.extraction);
    ASSERT_EQ(book().select(held_model), sets);
    const auto diags = check(whole.extraction, sets, book());
    // Compared as every format reports them, below.
    const auto held_diags = check(held_model, sets, book());
    diagnostics += diags.size();
    for (const auto format : report_formats()) {
      SCOPED_TRACE(std::string(format));
      ReportOptions opt;
      opt.format = std::string(format);
      for (const ColumnKind columns : {ColumnKind::utf16_code_units, ColumnKind::unicode_code_points}) {
        opt.sarif_columns = columns;
        std::ostringstream a, b;
        const auto ra = make_reporter(opt, book(), a), rb = make_reporter(opt, book(), b);
        ra->file(name, &whole.text, sets, diags, facts_of(whole.extraction));
        rb->file(name, &kept, sets, held_diags, facts_of(held_model));
        CheckSummary summary;
        summary.add_file(name, diags);
        ra->finish(summary, sets);
        rb->finish(summary, sets);
        EXPECT_EQ(a.str(), b.str());
        if (format != "sarif") break;
      }
    }
    // The place, words and snippet line of every span a finding points at,
    // as the whole text gives them.
    std::vector<Span> spans;
    for (const auto& m : whole.extraction.milestones) {
      spans.push_back(m.span);
      spans.push_back(m.time.span);
    }
    for (const auto& p : whole.extraction.pilots) spans.push_back(p.span);
    for (const auto& r : whole.extraction.references) spans.push_back(r.span);
    for (const auto& n : whole.extraction.notices) spans.push_back(n.span);
    for (const Span& s : spans) {
      EXPECT_EQ(kept.span(s.start, s.end), whole.text.span(s.start, s.end));
      EXPECT_EQ(kept.span(s.end, s.end), whole.text.span(s.end, s.end));
      EXPECT_EQ(kept.original_text(s.start, s.end), whole.text.original_text(s.start, s.end));
      EXPECT_EQ(kept.normalized_text(s.start, s.end), whole.text.normalized_text(s.start, s.end));
      const Span end = whole.text.span(s.end, s.end);
      EXPECT_EQ(kept.utf16_column(end.line, end.column), whole.text.utf16_column(end.line, end.column));
      for (uint32_t c = 1; c < s.column + 40; ++c)
        ASSERT_EQ(kept.utf16_column(s.line, c), whole.text.utf16_column(s.line, c)) << "column " << c;
      const auto pa = kept.line_part(s.line, s.start, s.end, kSnippetContextBytes);
      const auto pb = whole.text.line_part(s.line, s.start, s.end, kSnippetContextBytes);
      EXPECT_EQ(pa.text, pb.text);
      EXPECT_EQ(pa.column, pb.column);
      EXPECT_EQ(pa.line_start, pb.line_start);
      EXPECT_EQ(pa.line_end, pb.line_end);
    }
    // A higher plan derived from what is kept of it: the same rule file.
    Analysis held{whole.encoding, kept, held_model, whole.format, whole.origins};
    std::string from_whole, from_kept;
    try {
      from_whole = derive_rule_file(whole, book(), name);
    } catch (const DeriveError&) {
    }
    try {
      from_kept = derive_rule_file(held, book(), name);
    } catch (const DeriveError&) {
    }
    EXPECT_EQ(from_kept, from_whole);
  }
  EXPECT_GT(diagnostics, 50u);  // the comparison saw findings, not only clean plans
}

TEST(Markup, EscapesWhatHtmlAndXmlCannotHold) {
  EXPECT_EQ(report::markup_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  // Control characters, a noncharacter and an invalid byte: visible escapes.
  EXPECT_EQ(report::markup_escape("x\x01y\x1b" "z\xEF\xBF\xBE" "w\xff"), "x\\x01y\\x1bz\\ufffew\\xff");
  EXPECT_EQ(report::markup_escape("Đại hội"), "Đại hội");
}

}  // namespace
}  // namespace plancheck
