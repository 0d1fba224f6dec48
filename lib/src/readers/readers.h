// The readers behind decode_source() (source.h): one unit per format, listed
// once in registry.cc.
//
// Contract of a reader: `takes` looks at the first bytes and the name only
// (it is asked of every file a folder walk finds, before the binary test);
// `read` returns a Source whose utf8 is valid UTF-8 without NUL, not empty,
// with one LineOrigin per '\n'-separated line (none for plain text), or
// throws SourceError naming the file with the reason. A reader never
// throws anything else on any bytes (the fuzz targets hold it to that), and
// bounds what it allocates by kMaxDocumentBytes however the input claims
// otherwise (a zip bomb, deeply nested markup).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "plancheck/source.h"

namespace plancheck::readers {

struct Reader {
  const char* name;  // in messages and tests: "docx", "html", …
  SourceFormat format;
  bool (*takes)(std::string_view bytes, std::string_view path);
  Source (*read)(std::string bytes, std::string path, const ReadOptions& options);
};

// The readers in the order they are asked (the first that takes the bytes
// reads them); plain text is the fallback, not listed.
std::span<const Reader> registry();
const Reader* reader_for(std::string_view bytes, std::string_view path);

// Each format's unit.
bool docx_takes(std::string_view bytes, std::string_view path);
Source read_docx(std::string bytes, std::string path, const ReadOptions& options);
bool ole_takes(std::string_view bytes, std::string_view path);
Source read_ole(std::string bytes, std::string path, const ReadOptions& options);
bool html_takes(std::string_view bytes, std::string_view path);
Source read_html(std::string bytes, std::string path, const ReadOptions& options);
bool pdf_takes(std::string_view bytes, std::string_view path);
Source read_pdf_source(std::string bytes, std::string path, const ReadOptions& options);

// Shared by the readers.
// Characters (code points) in the UTF-8 `s`: columns of LineOrigin.
size_t code_points(std::string_view s);
// The extension of `path`, lower case, with its dot (".docx"), or "".
std::string extension_of(std::string_view path);
// Lines and their origins into a Source: `lines` joined with '\n'; the text
// then checked as any reader's must be (valid UTF-8 — invalid sequences
// become U+FFFD —, no NUL, not empty: else SourceError naming `path`).
struct ReadLine {
  std::string text;
  LineOrigin origin;
};
Source source_of(std::string path, SourceFormat format, std::vector<ReadLine> lines);

// The plain-text decoder (source.cc): UTF-8, UTF-16, the legacy encodings.
Source decode_plain_text(std::string bytes, std::string path, std::optional<SourceEncoding> forced);

}  // namespace plancheck::readers
