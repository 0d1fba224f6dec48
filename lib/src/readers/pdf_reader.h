// Reading a PDF into lines of text, each with the page and line where it
// starts (an internal header of the library: the reader registry behind
// decode_source() calls it; nothing else should).
//
// Contract of read_pdf():
// - Input: the file's bytes (a PDF has "%PDF-" in its first 1024 bytes);
//   `path` only names the file in errors. Nothing is written into the bytes.
// - Output: the text layer, page by page (at most kMaxPdfPages pages), in
//   reading order (poppler's physical layout: lines sorted by where they
//   stand on the page), valid UTF-8 in NFC with no control characters and
//   no empty lines. Lines broken at the margin are joined back into one
//   (assemble_lines() says when); running headers/footers and bare page
//   numbers are dropped. Each line keeps the 1-based page and the 1-based
//   line on that page (counted among the page's non-empty lines from the
//   top, running header included) where it starts.
// - Scans: a page with no text layer is read by OCR (tesseract, Vietnamese
//   data) under OcrMode::auto_ when tesseract and its `vie` data are
//   installed; OcrMode::always reads every page so, text layer or not;
//   OcrMode::never never runs it. `recognised` and `ocr_pages` say which
//   pages were recognised rather than read. The page is rendered at 300 dpi
//   into a private temporary folder (removed on every path) and tesseract is
//   run without a shell (posix_spawn), bounded in output and time.
// - Errors: SourceError naming `path`, line 0, for bytes that are not a PDF,
//   a damaged PDF, a PDF locked by a password, more than kMaxPdfPages pages,
//   more than kMaxOcrPages pages to recognise or kMaxDocumentBytes of text, a document with no text at all
//   that OCR may not or cannot read (the message says how to enable it or
//   what to install: tesseract-ocr and tesseract-ocr-vie), or OCR that failed.
// - Thread safety: read_pdf() may run on several files at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/source.h"

namespace plancheck::readers {

using OcrMode = plancheck::OcrMode;  // source.h

// Where a physical line joined into an output line starts: the byte offset
// in the output line's text, and its own page and line. A position inside
// a joined line maps back to the page's own line through these (the part
// with the greatest offset not past it; columns count from that offset).
struct PdfLinePart {
  uint32_t offset = 0;
  uint32_t page = 0;
  uint32_t line = 0;
};

struct PdfLine {
  std::string text;
  uint32_t page = 0;  // 1-based
  uint32_t line = 0;  // 1-based, within its page
  // One a physical line, the first at offset 0 with page and line as above;
  // offsets in order (never decreasing), each before the text's end.
  std::vector<PdfLinePart> parts;
};

struct PdfText {
  std::vector<PdfLine> lines;
  bool recognised = false;          // OCR was used on some page
  std::vector<uint32_t> ocr_pages;  // those pages, 1-based, ascending
};

// A document longer than this is refused, not read in part: a plan has tens
// of pages, and a bound keeps a hostile file from costing hours.
inline constexpr uint32_t kMaxPdfPages = 2000;

// OCR takes seconds a page: a scan with more pages to recognise than this
// is refused rather than left running for hours.
inline constexpr uint32_t kMaxOcrPages = 300;

PdfText read_pdf(std::string_view bytes, const std::string& path, OcrMode ocr);

// "%PDF-" within the first 1024 bytes, where the PDF standard lets readers
// find it: how a registry tells a PDF from text before decoding.
bool looks_like_pdf(std::string_view bytes);

// The lines joined with '\n' (the text read_source() hands on).
std::string joined_text(const PdfText& text);

// The layout stage alone, for tests: each page's lines as the text layer
// (or OCR) gives them, "" standing for a vertical gap (a blank line), into
// the output lines. The rules:
// - a line among the first or last two of a page is dropped when it is a
//   bare page number ("3", "- 3 -", "Trang 3", "3/12", "Page 3 of 12") or
//   when the same line (digits aside) stands at the top or bottom of more
//   than half of the pages (two at least): a running header or footer;
// - a line is joined to the one before it (with a space) when no gap lies
//   between them, the one before does not end a sentence (. ! ? : ; …),
//   neither is a heading in capitals, the line does not start a list item
//   ("1.", "1.2.", "a)", "II.", "-", "•", "+") and it starts with a
//   lower-case letter or a digit, or with a capital when the line before
//   is full (as long as 75 % of the document's longest lines): wrapped at
//   the margin rather than ended;
// - a hyphen at a line's end right after a letter, with the next line
//   starting in lower case, is hyphenation: dropped, the parts joined with
//   no space when both are ASCII (a Latin word broken: "inter-" "net"),
//   with a space otherwise (Vietnamese breaks between syllables: "tổ-"
//   "chức" is "tổ chức"); a soft hyphen (U+00AD) is always hyphenation. A
//   hyphen after a digit or capital before a line starting with a capital
//   or a digit is kept, the parts joined with no space ("35-" "CT/TW").
// On a recognised page a blank line is tesseract's guess at a paragraph's
// end, often wrong (it breaks before a capital after a line it finds
// short): there gaps are not taken as breaks; the other rules decide.
struct RawPage {
  std::vector<std::string> lines;
  bool recognised = false;
};
std::vector<PdfLine> assemble_lines(const std::vector<RawPage>& pages);

}  // namespace plancheck::readers
