// Reading a document: bytes on disk into UTF-8 text, the first stage of the
// pipeline, in front of normalization (text.h).
//
// Contract: read_source() returns valid UTF-8 without a BOM, or throws
// SourceError naming the file and, where there is one, the line:column (in
// code points, 1-based) of the first offending byte. Plain text is read as
// UTF-8 (with or without BOM) or UTF-16 LE/BE, with a BOM or recognised
// without one (decode_source); bytes that are not UTF-8 are tried in the
// legacy Vietnamese encodings (Windows-1258, VISCII, TCVN3, VNI-Windows) and
// read in the one whose text is Vietnamese beyond doubt (guess_legacy_encoding),
// else refused as before. Other formats are readers of their own behind the
// same function (lib/src/readers/, chosen by content: a zip holding
// word/document.xml is a .docx, `<!doctype html`/`<html` or a .html/.htm
// name is HTML, `%PDF-` a PDF, an OLE compound file a Word 97 .doc or an
// encrypted .docx, refused); they give text lines and, per line, where it
// stands in the document (LineOrigin). Nothing after this stage knows what
// the bytes were, except to say a place as the document's own terms have it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/error.h"

namespace plancheck {

enum class SourceEncoding { utf8, utf8_bom, utf16le, utf16be, windows1258, viscii, tcvn3, vni };
// "utf-8", "utf-8 (bom)", "utf-16le", "utf-16be", "windows-1258", "viscii", "tcvn3", "vni".
const char* to_string(SourceEncoding e);
// The name a person gives (`--encoding`): utf-8 (utf8), utf-16 (utf16, read
// as the BOM or the layout says, else little-endian), utf-16le, utf-16be,
// windows-1258 (cp1258), viscii, tcvn3 (abc), vni (vni-windows); any case.
std::optional<SourceEncoding> parse_source_encoding(std::string_view name);
// Windows-1258, VISCII, TCVN3 or VNI.
bool is_legacy(SourceEncoding e);
// The name people know an encoding by: "TCVN3 (ABC)", "VNI-Windows",
// "VISCII", "Windows-1258"; to_string() for the others.
const char* display_name(SourceEncoding e);

// What a document was read as: plain text (any encoding above) or one of the
// formats with a reader of its own.
enum class SourceFormat { text, docx, html, pdf };
// "text", "docx", "html", "pdf".
const char* to_string(SourceFormat f);

// Where one line of the text read from a structured document stands in it,
// in the terms a person finds it by: Word shows no line numbers, so a line
// of a .docx is the paragraph it came from (counted in the body, 1-based,
// text boxes included in their place) or a table row; a line of an HTML page
// is the page's source line where its block starts.
struct LineOrigin {
  enum class Kind : uint8_t { paragraph, table_row, html_line, page_line };
  Kind kind = Kind::paragraph;
  uint32_t number = 0;  // paragraph, table (1-based, in the body's order), or HTML source line
  uint32_t row = 0;     // table_row: the row (1-based)
  uint32_t part = 1;    // paragraph: its line (a line break, w:br, starts another)
  // table_row: the column (code points, 1-based) where each cell's text
  // starts in the line (cells joined with " | ").
  std::vector<uint32_t> cells;
  // page_line (a PDF): number is the page, row the line on it where the
  // line starts; a line joined from several printed lines has where each
  // starts: the column (code points, 1-based) in this line, its page and
  // its line on the page.
  struct PrintedLine {
    uint32_t column, page, line;
    bool operator==(const PrintedLine&) const = default;
  };
  std::vector<PrintedLine> printed;
  bool operator==(const LineOrigin&) const = default;
};

// A place in the document: an origin narrowed to one column (and cell).
struct DocumentPlace {
  LineOrigin::Kind kind = LineOrigin::Kind::paragraph;
  uint32_t number = 0, row = 0, part = 1;
  uint32_t cell = 0;    // table_row: the cell (1-based)
  uint32_t column = 0;  // code points, 1-based: in the paragraph's line, the cell, or the HTML block's text
};
// The place of text line `line`, column `column` (1-based, as a Span has
// them), or nullopt when the text has no origins (plain text) or the line
// has none.
std::optional<DocumentPlace> place_of(const std::vector<LineOrigin>& origins, uint32_t line, uint32_t column);

struct Source {
  std::string path;  // as given by the caller, used in every message
  std::string utf8;
  SourceEncoding encoding = SourceEncoding::utf8;
  SourceFormat format = SourceFormat::text;
  // Empty for plain text; else one per line of `utf8` ('\n'-separated).
  std::vector<LineOrigin> origins;
  // A scanned PDF's pages read by OCR (1-based): recognised, not read, so
  // their words may be wrong.
  std::vector<uint32_t> ocr_pages;
};

// Whether a PDF page without a text layer (a scan) is read by OCR
// (tesseract with its Vietnamese data): when it is installed (auto), never,
// or every page whatever its text layer (always).
enum class OcrMode { auto_, never, always };
// "auto", "never", "always".
std::optional<OcrMode> parse_ocr_mode(std::string_view name);

// How a structured document is read. Tracked changes in a .docx: as if
// accepted (insertions in, deletions out) or, `tracked_original`, as the
// text was before them (deletions in, insertions out).
struct ReadOptions {
  std::optional<SourceEncoding> encoding;  // forced: as decode_source's `forced`
  bool tracked_original = false;
  OcrMode ocr = OcrMode::auto_;
};

// A document that cannot be read as text; line 0 when the error has no
// position (line:column in code points, 1-based).
class SourceError : public LocatedError {
 public:
  SourceError(std::string path, uint32_t line, uint32_t column, LocalText reason)
      : LocatedError({std::move(path), static_cast<int>(line), static_cast<int>(column)}, std::move(reason)) {}
  const std::string& path() const { return where().file; }
  uint32_t line() const { return static_cast<uint32_t>(where().line); }
  uint32_t column() const { return static_cast<uint32_t>(where().column); }
};

// Decodes bytes already in memory (taken over: UTF-8 becomes the text
// without a copy); `path` is only used in messages. `forced` reads the bytes
// in that encoding, with no detection (utf8/utf8_bom: UTF-8 whether or not
// there is a BOM, and bytes that are not UTF-8 refused; utf16le/utf16be: a
// BOM still says which).
Source decode_source(std::string bytes, std::string path, std::optional<SourceEncoding> forced = std::nullopt);
// The same with a reader's options: the bytes go to the reader that takes
// them (by content, `path`'s extension for HTML), else are read as text as
// above (`options.encoding` forced). A document a reader refuses (a corrupt
// zip, no word/document.xml, encrypted, a .doc, a PDF for now) is a
// SourceError naming `path` with the reason.
Source decode_source(std::string bytes, std::string path, const ReadOptions& options);

// Which reader takes these bytes (named `path`): the format, or nullopt for
// plain text. Cheap (magic bytes and the name): a folder walk asks it before
// looks_binary(), so a .docx or a PDF reaches its reader and a .doc its
// refusal instead of being skipped as binary. Formats refused outright (a
// .doc) answer as the format they pass for (docx).
std::optional<SourceFormat> document_format(std::string_view bytes, std::string_view path);

// Legacy Vietnamese encodings (legacy_encodings.cc). decode_legacy: the
// bytes read in `e` (is_legacy), NFC. encode_legacy: the other way, for
// tests and sample tools; a character `e` cannot write becomes '?'.
std::string decode_legacy(std::string_view bytes, SourceEncoding e);
std::string encode_legacy(std::string_view utf8, SourceEncoding e);

// Which legacy encoding reads `bytes` (not UTF-8) as Vietnamese: each
// decoding scored half by the share of its words with letters beyond ASCII
// that are Vietnamese syllables (onset, vowels, final, one tone; signs no
// Vietnamese text has — stray marks, symbols, control codes — counting
// against it), half by how often the commonest syllables ("của", "và",
// "đại", "hội", "đảng", "các", "năm", "tháng", "ngày", …) come: one such
// word in ten or more scores full.
struct LegacyGuess {
  SourceEncoding encoding = SourceEncoding::utf8;  // utf8: none scored
  double score = 0;   // 0..1
  double margin = 0;  // over the next best
  size_t words = 0;   // words with letters beyond ASCII in the best reading
};
LegacyGuess guess_legacy_encoding(std::string_view bytes);
// What a guess must reach to be taken: below it the bytes are refused as
// invalid UTF-8, as before.
inline constexpr double kLegacyMinScore = 0.8;
inline constexpr double kLegacyMinMargin = 0.1;
inline constexpr size_t kLegacyMinWords = 3;

// The largest document read: far above any plan, low enough that a stream
// that never ends (a device) stops with an error instead of filling memory.
inline constexpr uint64_t kMaxDocumentBytes = uint64_t{256} << 20;

// Rule files and settings files are a few kilobytes; this bounds what a
// mistaken path (a log, an archive) costs before it is refused.
inline constexpr uint64_t kMaxRuleFileBytes = uint64_t{4} << 20;

// What a reader accepts. Plans, rule files and settings are all read by
// read_file_bytes(), each with its own limits.
struct ReadLimits {
  uint64_t max_bytes = kMaxDocumentBytes;
  // A stream (standard input, a pipe) is read to its end; otherwise only a
  // regular file is: a FIFO, a device (/dev/zero) or a socket is refused
  // at once, never read from or waited on.
  bool streams = false;
};

// A file's bytes as they are on disk (one open, one fstat, reads to the
// end). Throws SourceError naming the file when it cannot be opened or read,
// is a folder, is not a regular file (unless limits.streams), or is larger
// than limits.max_bytes.
std::string read_file_bytes(const std::filesystem::path& path, ReadLimits limits = {});

// The bytes of the regular file `name` in the folder open as `folder_fd`,
// for a folder walk, which knows the folder and that the entry is a regular
// file: the name is not resolved from the root again and no fstat is asked
// for (a read that comes back short is a regular file's end). `shown` names
// the file in errors. Throws SourceError as read_file_bytes() does.
std::string read_regular_file_at(int folder_fd, const std::string& name, const std::string& shown);

// Reads and decodes a file: decode_source(read_file_bytes(path), path, forced).
Source read_source(const std::filesystem::path& path, std::optional<SourceEncoding> forced = std::nullopt);

// True when the bytes are not a text document: a NUL byte in the first 4 KiB
// without a UTF-16 byte-order mark, and not laid out as UTF-16 either (text
// in a Latin script has a zero byte in every other place there). A folder walk skips such files (a .txt
// that is really an image or an archive) instead of reporting them — once
// document_format() has said no reader takes them (a .docx is a zip, a PDF
// binary too: they go to their readers).
bool looks_binary(std::string_view bytes);

// Length of the longest valid UTF-8 prefix of `s` (s.size() when all valid).
size_t valid_utf8_prefix(std::string_view s);

}  // namespace plancheck
