// The readers, in one place: what decode_source() asks, in order.
#include <algorithm>
#include <array>

#include "plancheck/source.h"
#include "readers.h"
#include "pdf_reader.h"

namespace plancheck {

namespace readers {

namespace {

// Most specific first: magic bytes before names. A PDF reader is a unit of
// its own (pdf_reader.cc); until it lands, its entry refuses with a reason.
constexpr std::array<Reader, 4> kReaders{{
    {"docx", SourceFormat::docx, docx_takes, read_docx},
    {"ole", SourceFormat::docx, ole_takes, read_ole},  // .doc, encrypted .docx: refused with the reason
    {"pdf", SourceFormat::pdf, pdf_takes, read_pdf_source},
    {"html", SourceFormat::html, html_takes, read_html},
}};

}  // namespace

std::span<const Reader> registry() { return kReaders; }

const Reader* reader_for(std::string_view bytes, std::string_view path) {
  for (const Reader& r : kReaders)
    if (r.takes(bytes, path)) return &r;
  return nullptr;
}

std::string extension_of(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string ext(path.substr(dot));
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return ext;
}

Source source_of(std::string path, SourceFormat format, std::vector<ReadLine> lines) {
  Source src;
  src.path = std::move(path);
  src.format = format;
  // Trailing empty lines say nothing: dropped (a document ending in empty
  // paragraphs reads as one that does not).
  while (!lines.empty() && lines.back().text.empty()) lines.pop_back();
  size_t total = 0;
  for (const auto& l : lines) total += l.text.size() + 1;
  src.utf8.reserve(total);
  src.origins.reserve(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string& t = lines[i].text;
    // Markup text is UTF-8 by the parser's word; a line end or NUL inside a
    // line would break the one-origin-per-line promise.
    std::replace(t.begin(), t.end(), '\0', ' ');
    std::replace(t.begin(), t.end(), '\n', ' ');
    std::replace(t.begin(), t.end(), '\r', ' ');
    if (i) src.utf8 += '\n';
    src.utf8 += t;
    src.origins.push_back(std::move(lines[i].origin));
  }
  if (valid_utf8_prefix(src.utf8) != src.utf8.size()) {
    // Parsers hand out UTF-8; should one not, the bad bytes become U+FFFD
    // rather than failing the document.
    std::string fixed;
    std::string_view rest = src.utf8;
    while (!rest.empty()) {
      const size_t ok = valid_utf8_prefix(rest);
      fixed.append(rest.substr(0, ok));
      if (ok == rest.size()) break;
      fixed += "\xEF\xBF\xBD";
      rest.remove_prefix(ok + 1);
    }
    src.utf8 = std::move(fixed);
  }
  if (src.utf8.find_first_not_of(" \t\n") == std::string::npos)
    throw SourceError(src.path, 0, 0, both(msg::source_empty));
  return src;
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (const unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool pdf_takes(std::string_view bytes, std::string_view) { return bytes.starts_with("%PDF-"); }

Source read_pdf_source(std::string bytes, std::string path, const ReadOptions& options) {
  PdfText pdf = read_pdf(bytes, path, options.ocr);
  std::string().swap(bytes);
  std::vector<ReadLine> lines;
  lines.reserve(pdf.lines.size());
  for (PdfLine& l : pdf.lines) {
    ReadLine r;
    r.origin.kind = LineOrigin::Kind::page_line;
    r.origin.number = l.page;
    r.origin.row = l.line;
    // Each printed line's start as a column of the joined line.
    for (const PdfLinePart& part : l.parts) {
      const auto before = std::string_view(l.text).substr(0, part.offset);
      r.origin.printed.push_back({static_cast<uint32_t>(code_points(before) + 1), part.page, part.line});
    }
    r.text = std::move(l.text);
    lines.push_back(std::move(r));
  }
  Source src = source_of(std::move(path), SourceFormat::pdf, std::move(lines));
  src.ocr_pages = std::move(pdf.ocr_pages);
  return src;
}

}  // namespace readers

const char* to_string(SourceFormat f) {
  switch (f) {
    case SourceFormat::text: return "text";
    case SourceFormat::docx: return "docx";
    case SourceFormat::html: return "html";
    case SourceFormat::pdf: return "pdf";
  }
  return "?";
}

Source decode_source(std::string bytes, std::string path, const ReadOptions& options) {
  if (const readers::Reader* r = readers::reader_for(bytes, path))
    return r->read(std::move(bytes), std::move(path), options);
  return readers::decode_plain_text(std::move(bytes), std::move(path), options.encoding);
}

Source decode_source(std::string bytes, std::string path, std::optional<SourceEncoding> forced) {
  ReadOptions options;
  options.encoding = forced;
  return decode_source(std::move(bytes), std::move(path), options);
}

std::optional<SourceFormat> document_format(std::string_view bytes, std::string_view path) {
  if (const readers::Reader* r = readers::reader_for(bytes, path)) return r->format;
  return std::nullopt;
}

std::optional<DocumentPlace> place_of(const std::vector<LineOrigin>& origins, uint32_t line, uint32_t column) {
  if (line == 0 || line > origins.size()) return std::nullopt;
  const LineOrigin& o = origins[line - 1];
  DocumentPlace p;
  p.kind = o.kind;
  p.number = o.number;
  p.row = o.row;
  p.part = o.part;
  p.column = column;
  if (o.kind == LineOrigin::Kind::page_line && !o.printed.empty()) {
    // The printed line the column falls in.
    size_t k = 0;
    while (k + 1 < o.printed.size() && o.printed[k + 1].column <= column) ++k;
    p.number = o.printed[k].page;
    p.row = o.printed[k].line;
    p.column = column >= o.printed[k].column ? column - o.printed[k].column + 1 : 1;
  }
  if (o.kind == LineOrigin::Kind::table_row && !o.cells.empty()) {
    // The last cell starting at or before the column; a column on the
    // " | " between two cells belongs to the one before.
    size_t c = 0;
    while (c + 1 < o.cells.size() && o.cells[c + 1] <= column) ++c;
    p.cell = static_cast<uint32_t>(c + 1);
    p.column = column >= o.cells[c] ? column - o.cells[c] + 1 : 1;
  }
  return p;
}

}  // namespace plancheck
