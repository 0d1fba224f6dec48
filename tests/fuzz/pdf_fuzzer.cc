// libFuzzer target: any bytes through the PDF reader (lib/src/readers/
// pdf_reader.h), OCR never (no process is started from a fuzzer). Bytes
// that start "%PDF" go to poppler and the layout stage; others, read as
// pages of lines (split at form feeds and line ends), to the layout stage
// alone, which then sees far more shapes of line than poppler would give.
// Nothing may crash, hang or trip a sanitizer; SourceError is the only
// exception allowed out, and every line that comes out is non-empty, valid
// UTF-8, on a page that exists, its parts in order inside it.
//
//   bash scripts/fuzz.sh 60    # with the others; seeds: samples/formats/*.pdf and tests/fuzz/corpus/pdf/
#include <cstdint>
#include <string>
#include <string_view>

#include "plancheck/source.h"
#include "readers/pdf_reader.h"

using plancheck::readers::PdfLine;

static void check_lines(const std::vector<PdfLine>& lines, size_t pages) {
  for (const auto& l : lines) {
    if (l.text.empty() || plancheck::valid_utf8_prefix(l.text) != l.text.size()) __builtin_trap();
    if (l.page == 0 || l.page > pages || l.line == 0) __builtin_trap();
    // The parts map every byte back to a physical line, in order.
    if (l.parts.empty() || l.parts[0].offset != 0 || l.parts[0].page != l.page || l.parts[0].line != l.line)
      __builtin_trap();
    for (size_t k = 0; k < l.parts.size(); ++k) {
      if (l.parts[k].offset >= l.text.size() || l.parts[k].page == 0 || l.parts[k].page > pages) __builtin_trap();
      if (k > 0 && l.parts[k].offset < l.parts[k - 1].offset) __builtin_trap();
    }
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.substr(0, 4) == "%PDF") {
    try {
      const auto t = plancheck::readers::read_pdf(bytes, "fuzz.pdf", plancheck::readers::OcrMode::never);
      check_lines(t.lines, plancheck::readers::kMaxPdfPages);
      if (t.recognised) __builtin_trap();
    } catch (const plancheck::SourceError&) {
    }
    return 0;
  }
  // The layout stage takes what poppler gives: valid UTF-8 without control
  // characters or runs of spaces; the fuzzer's text is cut to that.
  const std::string_view utf8 = bytes.substr(0, plancheck::valid_utf8_prefix(bytes));
  std::vector<plancheck::readers::RawPage> pages(1);
  std::string line;
  auto flush = [&]() {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    pages.back().lines.push_back(line);
    line.clear();
  };
  for (const char c : utf8) {
    if (c == '\f') {
      flush();
      pages.emplace_back();
    } else if (c == '\n') {
      flush();
    } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F && !(c == ' ' && (line.empty() || line.back() == ' '))) {
      line += c;
    }
  }
  flush();
  check_lines(plancheck::readers::assemble_lines(pages), pages.size());
  return 0;
}
