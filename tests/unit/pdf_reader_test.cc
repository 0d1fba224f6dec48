// The PDF reader (lib/src/readers/pdf_reader.h) on the PDFs that
// tests/tools/make_pdf_samples.py makes from samples/plans/*.txt, kept
// under samples/formats/, and the layout rules on lines written here.
#include "readers/pdf_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <utility>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "plancheck/analyze.h"
#include "plancheck/source.h"

#include <unistd.h>

namespace plancheck::readers {
namespace {

const std::filesystem::path kSamples = std::filesystem::path(PLANCHECK_SOURCE_DIR) / "samples";

std::string bytes_of(const std::string& rel) { return read_file_bytes(kSamples / rel); }

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> w;
  for (std::string s; in >> s;) w.push_back(s);
  return w;
}

const PdfLine* line_with(const PdfText& t, const std::string& needle) {
  for (const auto& l : t.lines)
    if (l.text.find(needle) != std::string::npos) return &l;
  return nullptr;
}

// What the reader says, in English, when it refuses.
std::string refusal(const std::string& bytes, const std::string& path, OcrMode ocr) {
  try {
    read_pdf(bytes, path, ocr);
  } catch (const SourceError& e) {
    EXPECT_EQ(e.path(), path);
    return e.describe(Lang::en);
  }
  ADD_FAILURE() << path << " was read";
  return {};
}

bool tesseract_with_vie() {
  FILE* p = popen("tesseract --list-langs 2>/dev/null", "r");
  if (!p) return false;
  std::string out;
  char buf[256];
  while (fgets(buf, sizeof buf, p)) out += buf;
  return pclose(p) == 0 && out.find("\nvie\n") != std::string::npos;
}

// --- the sample text PDFs --------------------------------------------------

TEST(PdfReader, TextPdfHasTheWordsOfItsText) {
  for (const std::string name : {"01-huyen-huong-son", "02-tinh-ha-tinh"}) {
    SCOPED_TRACE(name);
    const PdfText t = read_pdf(bytes_of("formats/" + name + ".pdf"), name + ".pdf", OcrMode::never);
    EXPECT_FALSE(t.recognised);
    EXPECT_TRUE(t.ocr_pages.empty());
    // Same words in the same order: reading order right, nothing lost, and
    // no running header or page number among them.
    EXPECT_EQ(words(joined_text(t)), words(bytes_of("plans/" + name + ".txt")));
  }
}

TEST(PdfReader, WrappedLinesAreJoinedBack) {
  // Every paragraph of the text comes out as one line, broken at the margin
  // in the PDF though it is (headings and numbered items stay apart): the
  // lines are the .txt's, blank lines aside.
  for (const std::string name : {"01-huyen-huong-son", "02-tinh-ha-tinh"}) {
    SCOPED_TRACE(name);
    const PdfText t = read_pdf(bytes_of("formats/" + name + ".pdf"), name + ".pdf", OcrMode::never);
    std::istringstream txt(bytes_of("plans/" + name + ".txt"));
    std::vector<std::string> expected;
    for (std::string l; std::getline(txt, l);)
      if (!l.empty()) expected.push_back(l);
    std::vector<std::string> got;
    for (const auto& l : t.lines) got.push_back(l.text);
    EXPECT_EQ(got, expected);
  }

  const PdfText t2 = read_pdf(bytes_of("formats/02-tinh-ha-tinh.pdf"), "02.pdf", OcrMode::never);
  const PdfLine* l = line_with(t2, "hoàn thành trước ngày 30/6/2025");
  ASSERT_NE(l, nullptr);
  EXPECT_NE(l->text.find("Đại hội cấp cơ sở bắt đầu từ tháng 4/2025, hoàn thành trước ngày 30/6/2025."),
            std::string::npos);
  // A sentence across a page break is one line too, its second part on the
  // next page, under the running header.
  const PdfLine* last = line_with(t2, "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng dự kiến tổ chức trong quý I/2026.");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->page, 2u);
  ASSERT_GE(last->parts.size(), 2u);
  EXPECT_EQ(last->parts[1].page, 3u);
  EXPECT_EQ(last->parts[1].line, 2u);
  EXPECT_EQ(last->text.substr(last->parts[1].offset, std::string("thứ").size()), "thứ");
}

TEST(PdfReader, RunningHeadersAndPageNumbersAreDropped) {
  const PdfText t = read_pdf(bytes_of("formats/01-huyen-huong-son.pdf"), "01.pdf", OcrMode::never);
  const PdfText t2 = read_pdf(bytes_of("formats/02-tinh-ha-tinh.pdf"), "02.pdf", OcrMode::never);
  EXPECT_EQ(line_with(t, "Huyện ủy Hương Sơn - Kế hoạch"), nullptr);
  EXPECT_EQ(line_with(t2, "Tỉnh ủy Hà Tĩnh - Kế hoạch"), nullptr);
  EXPECT_EQ(line_with(t2, "Trang"), nullptr);
  for (const auto& l : t.lines) {
    EXPECT_NE(l.text, "-1-");
    EXPECT_NE(l.text, "- 1 -");
    EXPECT_NE(l.text, "-2-");
  }
}

TEST(PdfReader, LinesKeepTheirPageAndLine) {
  const PdfText t = read_pdf(bytes_of("formats/01-huyen-huong-son.pdf"), "01.pdf", OcrMode::never);
  // Page 1: the running header is line 1, the letterhead 2-5, the title
  // 6-9, the preamble 10-15, the heading of part I 16.
  const PdfLine* theo = line_with(t, "Theo Kế hoạch số 96-KH/TU");
  ASSERT_NE(theo, nullptr);
  EXPECT_EQ(theo->page, 1u);
  EXPECT_EQ(theo->line, 17u);
  // Its three physical lines, each where it starts in the joined text.
  ASSERT_EQ(theo->parts.size(), 3u);
  EXPECT_EQ(theo->parts[0].offset, 0u);
  for (uint32_t k = 0; k < 3; ++k) {
    EXPECT_EQ(theo->parts[k].page, 1u);
    EXPECT_EQ(theo->parts[k].line, 17u + k);
  }
  EXPECT_EQ(theo->text.substr(theo->parts[1].offset, std::string("tiến hành").size()), "tiến hành");
  EXPECT_EQ(theo->text.substr(theo->parts[2].offset), "30/6/2025.");
  const PdfLine* part2 = line_with(t, "II. ĐẠI HỘI ĐIỂM");
  ASSERT_NE(part2, nullptr);
  EXPECT_EQ(part2->page, 2u);
  EXPECT_EQ(part2->line, 2u);
  const PdfLine* first = line_with(t, "HUYỆN ỦY HƯƠNG SƠN");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->page, 1u);
  EXPECT_EQ(first->line, 2u);
}

// Through analyze() (the registry's PDF entry): a place in a joined line
// is on the printed line it stands on — page, line of the page, column
// there — as a person finds it in the PDF.
TEST(PdfReader, AnalysedPdfPlacesAreOnThePrintedLine) {
  const Analysis a = analyze(bytes_of("formats/01-huyen-huong-son.pdf"), "01.pdf");
  EXPECT_EQ(a.format, SourceFormat::pdf);
  const std::string& n = a.text.normalized();
  const size_t theo = n.find("Theo Kế hoạch số 96-KH/TU");
  ASSERT_NE(theo, std::string::npos);
  const size_t date = n.find("30/6/2025.", theo);
  const size_t start = n.find("tiến hành", theo);
  ASSERT_NE(date, std::string::npos);
  const auto place = [&](size_t at) {
    const Span s = a.text.span(at, at);
    return place_of(a.origins, s.line, s.column);
  };
  const auto p17 = place(theo), p18 = place(start), p19 = place(date);
  ASSERT_TRUE(p17 && p18 && p19);
  EXPECT_EQ(p17->kind, LineOrigin::Kind::page_line);
  EXPECT_EQ(std::tuple(p17->number, p17->row, p17->column), std::tuple(1u, 17u, 1u));
  EXPECT_EQ(std::tuple(p18->number, p18->row, p18->column), std::tuple(1u, 18u, 1u));
  EXPECT_EQ(std::tuple(p19->number, p19->row, p19->column), std::tuple(1u, 19u, 1u));
  EXPECT_TRUE(a.extraction.notices.empty() || a.extraction.notices.front().code != "ocr");  // read, not recognised
}

TEST(PdfReader, ReadingOrderIsWhereLinesStandNotTheStreamOrder) {
  const PdfText t = read_pdf(bytes_of("formats/reversed.pdf"), "reversed.pdf", OcrMode::never);
  std::vector<std::string> got;
  for (const auto& l : t.lines) got.push_back(l.text);
  EXPECT_EQ(got, (std::vector<std::string>{"1. Đại hội chi bộ: hoàn thành trước ngày 28/02/2025.",
                                           "2. Đại hội cấp cơ sở: hoàn thành trước ngày 30/6/2025.",
                                           "3. Đại hội cấp huyện: trong tháng 7/2025."}));
  ASSERT_EQ(t.lines.size(), 3u);
  EXPECT_EQ(t.lines[2].line, 3u);
}

TEST(PdfReader, DecomposedTextAndLigaturesComeOutInNfc) {
  const PdfText t = read_pdf(bytes_of("formats/decomposed.pdf"), "decomposed.pdf", OcrMode::never);
  std::vector<std::string> got;
  for (const auto& l : t.lines) got.push_back(l.text);
  EXPECT_EQ(got, (std::vector<std::string>{"Đại hội cấp cơ sở hoàn thành trước ngày 30/6/2025.", "Kế hoạch final"}));
}

// --- refusals --------------------------------------------------------------

TEST(PdfReader, LockedPdfIsRefused) {
  const std::string why = refusal(bytes_of("formats/locked.pdf"), "locked.pdf", OcrMode::auto_);
  EXPECT_NE(why.find("locked.pdf"), std::string::npos) << why;
  EXPECT_NE(why.find("password"), std::string::npos) << why;
}

TEST(PdfReader, GarbageIsRefusedNamingTheFile) {
  std::string why = refusal("Kế hoạch số 172-KH/HU", "ke-hoach.pdf", OcrMode::never);
  EXPECT_NE(why.find("ke-hoach.pdf"), std::string::npos) << why;
  EXPECT_NE(why.find("not a PDF"), std::string::npos) << why;
  why = refusal(std::string("%PDF-1.7\n") + std::string(5000, '\x9c'), "noise.pdf", OcrMode::never);
  EXPECT_NE(why.find("noise.pdf"), std::string::npos) << why;
  EXPECT_NE(why.find("damaged"), std::string::npos) << why;
}

TEST(PdfReader, TruncatedPdfIsReadOrRefusedNeverCrashes) {
  const std::string pdf = bytes_of("formats/01-huyen-huong-son.pdf");
  for (const size_t keep : {size_t{9}, size_t{100}, pdf.size() / 3, pdf.size() / 2, pdf.size() - 10}) {
    try {
      const PdfText t = read_pdf(pdf.substr(0, keep), "cut.pdf", OcrMode::never);
      for (const auto& l : t.lines) EXPECT_FALSE(l.text.empty());
    } catch (const SourceError& e) {
      EXPECT_EQ(e.path(), "cut.pdf");
    }
  }
}

// --- scans -----------------------------------------------------------------

TEST(PdfReader, ScanWithOcrOffSaysHowToTurnItOn) {
  const std::string why = refusal(bytes_of("formats/02-tinh-ha-tinh-scan.pdf"), "scan.pdf", OcrMode::never);
  EXPECT_NE(why.find("scan.pdf"), std::string::npos) << why;
  EXPECT_NE(why.find("no text layer"), std::string::npos) << why;
  EXPECT_NE(why.find("--ocr"), std::string::npos) << why;
}

TEST(PdfReader, ScanWithoutTesseractSaysWhatToInstall) {
  // A PATH where no tesseract is: what a machine without it sees.
  const char* old = std::getenv("PATH");
  const std::string saved = old ? old : "";
  setenv("PATH", "/nonexistent-plancheck", 1);
  const std::string why = refusal(bytes_of("formats/02-tinh-ha-tinh-scan.pdf"), "scan.pdf", OcrMode::auto_);
  setenv("PATH", saved.c_str(), 1);
  EXPECT_NE(why.find("scan.pdf"), std::string::npos) << why;
  EXPECT_NE(why.find("tesseract-ocr-vie"), std::string::npos) << why;
}

TEST(PdfReader, OcrAlwaysWithoutTesseractIsRefused) {
  const char* old = std::getenv("PATH");
  const std::string saved = old ? old : "";
  setenv("PATH", "/nonexistent-plancheck", 1);
  const std::string why = refusal(bytes_of("formats/01-huyen-huong-son.pdf"), "01.pdf", OcrMode::always);
  setenv("PATH", saved.c_str(), 1);
  EXPECT_NE(why.find("--ocr always"), std::string::npos) << why;
  EXPECT_NE(why.find("tesseract-ocr-vie"), std::string::npos) << why;
}

// A stand-in for tesseract on PATH, and TMPDIR pointed at a folder of the
// test's own, both put back on destruction: the OCR path's plumbing tested
// where tesseract is not installed, and what it leaves behind seen.
class FakeTesseract {
 public:
  explicit FakeTesseract(const std::string& ocr_body) {
    dir_ = std::filesystem::temp_directory_path() / ("plancheck-fake-tesseract-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "bin");
    std::filesystem::create_directories(dir_ / "tmp");
    const auto prog = dir_ / "bin" / "tesseract";
    FILE* f = std::fopen(prog.c_str(), "w");
    std::fprintf(f, "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo 'List of available languages (2):'; "
                    "echo eng; echo vie; exit 0; fi\n[ -s \"$1\" ] || exit 9\n%s\n", ocr_body.c_str());
    std::fclose(f);
    std::filesystem::permissions(prog, std::filesystem::perms::owner_all);
    save("PATH", (dir_ / "bin").string());
    save("TMPDIR", (dir_ / "tmp").string());
  }
  ~FakeTesseract() {
    for (const auto& [name, value] : saved_)
      if (value) setenv(name.c_str(), value->c_str(), 1);
      else unsetenv(name.c_str());
    std::filesystem::remove_all(dir_);
  }
  bool temp_empty() const { return std::filesystem::is_empty(dir_ / "tmp"); }

 private:
  void save(const std::string& name, const std::string& value) {
    const char* old = std::getenv(name.c_str());
    saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
    setenv(name.c_str(), value.c_str(), 1);
  }
  std::filesystem::path dir_;
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST(PdfReader, OcrOutputIsLaidOutAndTheTempFolderGoes) {
  FakeTesseract fake(
      "printf 'Đại hội cấp cơ sở bắt đầu từ tháng 4/2025,\\n\\nhoàn thành trước ngày 30/6/2025.\\n\\f'");
  const PdfText t = read_pdf(bytes_of("formats/02-tinh-ha-tinh-scan.pdf"), "scan.pdf", OcrMode::auto_);
  EXPECT_TRUE(t.recognised);
  EXPECT_EQ(t.ocr_pages, std::vector<uint32_t>{1});
  ASSERT_EQ(t.lines.size(), 1u);
  EXPECT_EQ(t.lines[0].text, "Đại hội cấp cơ sở bắt đầu từ tháng 4/2025, hoàn thành trước ngày 30/6/2025.");
  EXPECT_TRUE(fake.temp_empty());
}

TEST(PdfReader, OcrFailureIsReportedAndTheTempFolderGoes) {
  FakeTesseract fake("echo 'Error: cannot read the image' >&2; exit 3");
  const std::string why = refusal(bytes_of("formats/02-tinh-ha-tinh-scan.pdf"), "scan.pdf", OcrMode::auto_);
  EXPECT_NE(why.find("scan.pdf"), std::string::npos) << why;
  EXPECT_NE(why.find("page 1"), std::string::npos) << why;
  EXPECT_NE(why.find("status 3"), std::string::npos) << why;
  EXPECT_NE(why.find("cannot read the image"), std::string::npos) << why;
  EXPECT_TRUE(fake.temp_empty());
}

TEST(PdfReader, ScanIsRecognisedWithTesseract) {
  if (!tesseract_with_vie()) GTEST_SKIP() << "tesseract with Vietnamese data (tesseract-ocr-vie) is not installed";
  const PdfText t = read_pdf(bytes_of("formats/02-tinh-ha-tinh-scan.pdf"), "scan.pdf", OcrMode::auto_);
  EXPECT_TRUE(t.recognised);
  EXPECT_EQ(t.ocr_pages, std::vector<uint32_t>{1});
  const std::string text = joined_text(t);
  EXPECT_NE(text.find("30/6/2025"), std::string::npos) << text;
  EXPECT_NE(text.find("Đại hội"), std::string::npos) << text;
  // Joined as text-layer lines are: the sentence is on one line.
  const PdfLine* l = line_with(t, "30/6/2025");
  ASSERT_NE(l, nullptr);
  EXPECT_NE(l->text.find("4/2025"), std::string::npos) << l->text;
  for (const auto& l : t.lines) EXPECT_EQ(l.page, 1u);
}

TEST(PdfReader, BlankPageIsNotRecognised) {
  // Whether or not tesseract is here: a blank page beside text is no scan.
  const PdfText t = read_pdf(bytes_of("formats/blank-page.pdf"), "blank.pdf", OcrMode::auto_);
  EXPECT_FALSE(t.recognised);
  EXPECT_TRUE(t.ocr_pages.empty());
  ASSERT_EQ(t.lines.size(), 1u);
  EXPECT_EQ(t.lines[0].text, "Đại hội cấp cơ sở hoàn thành trước ngày 30/6/2025.");
}

// --- the layout rules on their own ----------------------------------------

std::vector<std::string> texts(const std::vector<PdfLine>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) out.push_back(l.text);
  return out;
}

TEST(PdfLayout, JoinsOnlyWhatWasWrapped) {
  const std::vector<RawPage> pages{{{
      "KẾ HOẠCH",
      "tổ chức đại hội đảng bộ các cấp",                       // heading above: kept apart
      "nhiệm kỳ 2025 - 2030, tiến tới Đại hội",                // lower-case next: joined
      "đại biểu toàn quốc lần thứ XIV của Đảng.",
      "1. Đại hội chi bộ hoàn thành trước ngày",               // sentence ended above: apart
      "28/02/2025.",                                           // a digit: joined
      "a) Đại hội điểm: trong quý I/2025;",
      "- Chi bộ trực thuộc: tháng 01/2025",
      "",
      "thực hiện theo Chỉ thị số 35-",                         // gap above: apart
      "CT/TW của Bộ Chính trị về công tác tổ-",                // code broken at its hyphen
      "chức đại hội, cùng inter-",
      "net và e\u00AD",
      "mail.",
  }}};
  EXPECT_EQ(texts(assemble_lines(pages)),
            (std::vector<std::string>{
                "KẾ HOẠCH",
                "tổ chức đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030, tiến tới Đại hội đại biểu toàn quốc lần thứ XIV "
                "của Đảng.",
                "1. Đại hội chi bộ hoàn thành trước ngày 28/02/2025.",
                "a) Đại hội điểm: trong quý I/2025;",
                "- Chi bộ trực thuộc: tháng 01/2025",
                "thực hiện theo Chỉ thị số 35-CT/TW của Bộ Chính trị về công tác tổ chức đại hội, cùng internet và "
                "email.",
            }));
}

TEST(PdfLayout, CapitalAfterAFullLineIsAWrapAfterAShortOneAHeading) {
  const std::vector<RawPage> pages{{{
      "Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của",
      "Bộ Chính trị, Ban Thường vụ Huyện ủy xây dựng kế",
      "hoạch như sau:",
      "Hương Sơn, ngày 02 tháng 10",
      "Ban Thường vụ Tỉnh ủy",
  }}};
  EXPECT_EQ(texts(assemble_lines(pages)),
            (std::vector<std::string>{
                "Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị, Ban Thường vụ Huyện ủy xây dựng kế "
                "hoạch như sau:",
                "Hương Sơn, ngày 02 tháng 10",
                "Ban Thường vụ Tỉnh ủy",
            }));
}

TEST(PdfLayout, PageFurnitureGoesAndLocationsStay) {
  const std::vector<std::string> body{
      "Đại hội chi bộ hoàn thành trước ngày 28/02/2025.",
      "Đại hội cấp cơ sở hoàn thành trước ngày 30/6/2025.",
      "Đại hội cấp trên trực tiếp cơ sở hoàn thành trước ngày 25/8/2025.",
      "Đại hội đại biểu Đảng bộ tỉnh hoàn thành trước ngày 31/10/2025.",
  };
  std::vector<RawPage> pages;
  for (int p = 1; p <= 4; ++p) {
    RawPage page;
    // The header carries the page number: one running line all the same.
    page.lines = {"Đảng bộ huyện Hương Sơn - trang " + std::to_string(p), "", body[p - 1]};
    if (p == 2) page.lines.push_back("- 2 -");
    if (p == 3) page.lines.push_back("Trang 3/4");
    if (p == 4) page.lines.push_back("4");
    pages.push_back(page);
  }
  const std::vector<PdfLine> out = assemble_lines(pages);
  ASSERT_EQ(out.size(), 4u);
  for (const auto& l : out) EXPECT_EQ(l.parts.size(), 1u);
  for (uint32_t p = 1; p <= 4; ++p) {
    EXPECT_EQ(out[p - 1].text, body[p - 1]);
    EXPECT_EQ(out[p - 1].page, p);
    EXPECT_EQ(out[p - 1].line, 2u);  // the header is line 1
  }
}

TEST(PdfLayout, SoftHyphensGoAndPartsFollow) {
  const std::vector<RawPage> pages{{{"Kế hoạch tổ\u00ADchức đại hội, e\u00AD", "mail và trang\u00AD", "", "Hết\u00AD"}}};
  const std::vector<PdfLine> out = assemble_lines(pages);
  EXPECT_EQ(texts(out), (std::vector<std::string>{"Kế hoạch tổchức đại hội, email và trang", "Hết"}));
  ASSERT_EQ(out[0].parts.size(), 2u);
  EXPECT_EQ(out[0].text.substr(out[0].parts[1].offset), "mail và trang");
  EXPECT_EQ(out[0].parts[1].line, 2u);
}

TEST(PdfLayout, GapsOnRecognisedPagesAreNotBreaks) {
  RawPage page;
  page.lines = {"Ban Thường vụ Tỉnh ủy chọn Đảng bộ huyện Cẩm Xuyên làm điểm đại hội", "",
                "cấp huyện, hoàn thành trước tháng 5/2025.", "", "Đại hội đại biểu toàn quốc lần thứ XIV."};
  page.recognised = true;
  EXPECT_EQ(texts(assemble_lines({page})),
            (std::vector<std::string>{
                "Ban Thường vụ Tỉnh ủy chọn Đảng bộ huyện Cẩm Xuyên làm điểm đại hội cấp huyện, hoàn thành trước "
                "tháng 5/2025.",
                "Đại hội đại biểu toàn quốc lần thứ XIV."}));
  page.recognised = false;
  EXPECT_EQ(assemble_lines({page}).size(), 3u);
}

TEST(PdfLayout, OnePageKeepsItsFirstLineAndNumbersInTheTextStay) {
  // One page: nothing repeats, so nothing is a running header; a year at a
  // page's foot is no page number.
  const std::vector<RawPage> pages{{{"Tỉnh ủy Hà Tĩnh", "", "Đại hội nhiệm kỳ 2025 -", "2030"}}};
  EXPECT_EQ(texts(assemble_lines(pages)), (std::vector<std::string>{"Tỉnh ủy Hà Tĩnh", "Đại hội nhiệm kỳ 2025 - 2030"}));
  // Nor is a month: "5/2025" is no "page 5 of 2025".
  const std::vector<RawPage> month{{{"Đại hội cấp huyện hoàn thành trong tháng", "5/2025"}},
                                   {{"Đại hội cấp tỉnh hoàn thành trong tháng", "10/2025"}}};
  EXPECT_EQ(texts(assemble_lines(month)),
            (std::vector<std::string>{"Đại hội cấp huyện hoàn thành trong tháng 5/2025",
                                      "Đại hội cấp tỉnh hoàn thành trong tháng 10/2025"}));
}

}  // namespace
}  // namespace plancheck::readers
