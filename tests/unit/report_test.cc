// The library's reports (plancheck/report.h), used as a program other than
// the command would use them: every registered format writes every finding
// of a real sample, a place is said in the document's terms, and markup
// escaping holds what XML cannot.
#include "plancheck/report.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "plancheck/analyze.h"
#include "report/markup.h"

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

TEST(Markup, EscapesWhatHtmlAndXmlCannotHold) {
  EXPECT_EQ(report::markup_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  // Control characters, a noncharacter and an invalid byte: visible escapes.
  EXPECT_EQ(report::markup_escape("x\x01y\x1b" "z\xEF\xBF\xBE" "w\xff"), "x\\x01y\\x1bz\\ufffew\\xff");
  EXPECT_EQ(report::markup_escape("Đại hội"), "Đại hội");
}

}  // namespace
}  // namespace plancheck
