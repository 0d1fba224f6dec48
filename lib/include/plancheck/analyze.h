// One document from its bytes to its model: decoded (source.h), normalized
// (text.h) and extracted (extract.h). This is the chain every front end runs
// — the command's extract and check, rule examples, explain, the fuzzers —
// written once, so that a new decoding stage (.docx, legacy encodings) or a
// new extraction step reaches all of them.
//
// Contract: analyze() throws SourceError, naming `path`, when the bytes are
// not text (source.h); on any text it returns, never throws, and the
// extraction's spans point into `text`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plancheck/extract.h"
#include "plancheck/model.h"
#include "plancheck/source.h"
#include "plancheck/text.h"

namespace plancheck {

struct Analysis {
  SourceEncoding encoding = SourceEncoding::utf8;
  Text text{std::string()};
  Extraction extraction;
  SourceFormat format = SourceFormat::text;
  std::vector<LineOrigin> origins;  // Source::origins: empty for plain text
};

// Texts longer than this are read a window at a time, each window indexed
// and extracted on its own and appended to the whole (Text::append): what
// extraction holds at once grows with the window, not the document (issue
// 23: peak memory about 3x the file). No plan comes near it; what reaches
// across a window's edge is not read (analyze.cc).
inline constexpr size_t kWindowBytes = size_t{2} << 20;

// Bytes as read from a file or standard input; `forced` as decode_source's.
// A text read in a legacy encoding starts its notices with `decoded_from`
// (text: the encoding's name, to_string(SourceEncoding)).
Analysis analyze(std::string bytes, std::string path, std::optional<SourceEncoding> forced = std::nullopt);
// The same through a reader's options (decode_source's).
Analysis analyze(std::string bytes, std::string path, const ReadOptions& options);

// Text that is UTF-8 already (a rule file's example, a test's sentence).
Analysis analyze_utf8(std::string utf8, std::string path);

}  // namespace plancheck
