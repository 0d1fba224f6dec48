#include "plancheck/snippet.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <optional>
#include <vector>

namespace plancheck {

namespace {

struct Glyph {
  size_t begin, end;  // bytes of the line
  int width;          // display columns
  bool space;
  bool control;
  UChar32 c;  // negative: an invalid byte
};

bool is_control(UChar32 c) { return c < 0 || c < 0x20 || (c >= 0x7F && c < 0xA0); }

// How a character that must never reach a terminal as it is is shown:
// "\x1b", "\n", "\t", "\xff" (an invalid byte), "\u0085" (a C1 control).
std::string escape_of(std::string_view bytes, UChar32 c) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto hex2 = [](unsigned v) { return std::string{kHex[(v >> 4) & 15], kHex[v & 15]}; };
  if (c == '\n') return "\\n";
  if (c == '\r') return "\\r";
  if (c == '\t') return "\\t";
  if (c < 0) {
    std::string out;
    for (const char b : bytes) out += "\\x" + hex2(static_cast<unsigned char>(b));
    return out;
  }
  if (c < 0x80) return "\\x" + hex2(static_cast<unsigned>(c));
  return "\\u00" + hex2(static_cast<unsigned>(c));
}

int width_of(UChar32 c) {
  if (c < 0) return 4;  // an invalid byte, shown as "\xff"
  const auto type = static_cast<UCharCategory>(u_charType(c));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  const auto ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

std::vector<Glyph> glyphs(std::string_view s) {
  std::vector<Glyph> out;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    const int32_t b = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    // A tab in a line is a space there; every other control is escaped.
    const bool control = is_control(c) && c != '\t';
    const int width = control ? static_cast<int>(escape_of(s.substr(b, i - b), c).size()) : c == '\t' ? 1 : width_of(c);
    out.push_back({static_cast<size_t>(b), static_cast<size_t>(i), width, c == ' ' || c == '\t' || c == 0xA0, control, c});
  }
  return out;
}

}  // namespace

std::string visible(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const auto& g : glyphs(text)) {
    const std::string_view bytes = text.substr(g.begin, g.end - g.begin);
    // A tab is a space in a snippet's line, but a file name keeps none.
    if (g.control || g.c == '\t') out += escape_of(bytes, g.c);
    else out.append(bytes);
  }
  return out;
}

std::string visible_lines(std::string_view text) {
  std::string out;
  for (size_t at = 0; at < text.size();) {
    const size_t nl = text.find('\n', at);
    const size_t end = nl == std::string_view::npos ? text.size() : nl;
    out += visible(text.substr(at, end - at));
    if (nl == std::string_view::npos) break;
    out += '\n';
    at = nl + 1;
  }
  return out;
}

size_t display_width(std::string_view utf8) {
  size_t w = 0;
  for (const auto& g : glyphs(utf8)) w += static_cast<size_t>(g.width);
  return w;
}

namespace {

// The snippet of glyphs `g` of `line`, the span glyphs [a, z). `g` may be a
// window of a longer line's glyphs: `whole_start`, `whole_end` say whether
// it reaches the line's start and end. Nullopt when the window does not
// hold all that the snippet of the whole line looks at (then the whole line
// is needed); otherwise the same snippet as the whole line gives.
std::optional<Snippet> snippet_in(std::string_view line, const std::vector<Glyph>& g, size_t a, size_t z,
                                  bool whole_start, bool whole_end, size_t max_width) {
  const size_t n = g.size();
  std::vector<size_t> col(n + 1, 0);  // display column before each glyph
  for (size_t i = 0; i < n; ++i) col[i + 1] = col[i] + static_cast<size_t>(g[i].width);
  size_t from = 0, to = n;
  if (col[n] > max_width) {
    // Some context before the span, the rest after; then cut at spaces.
    const size_t lead = max_width / 3;
    while (from < a && col[a] - col[from] > lead) ++from;
    if (from == 0 && !whole_start) return std::nullopt;  // the context may begin before the window
    to = from;
    while (to < n && col[to + 1] - col[from] <= max_width) ++to;
    if (to == n && !whole_end) return std::nullopt;  // it may end after the window
    if (to < z) to = z;  // a span longer than the window is shown whole
    if (from > 0) {
      size_t k = from;
      while (k < a && !g[k].space) ++k;
      if (k < a) from = k + 1;
    }
    if (to < n) {
      size_t k = to;
      while (k > z && !g[k - 1].space) --k;
      if (k > z) to = k - 1;
    }
  } else if (!whole_start || !whole_end) {
    return std::nullopt;  // the whole line may be short enough to show whole
  }
  Snippet s;
  if (from > 0) s.text += "…";
  for (size_t i = from; i < to; ++i) {
    if (g[i].control) s.text += escape_of(line.substr(g[i].begin, g[i].end - g[i].begin), g[i].c);
    else if (line[g[i].begin] == '\t') s.text += ' ';
    else s.text.append(line.substr(g[i].begin, g[i].end - g[i].begin));
  }
  if (to < n) s.text += "…";
  s.caret = (from > 0 ? 1 : 0) + col[a] - col[from];
  s.width = std::max<size_t>(1, col[z] - col[a]);
  return s;
}

// Lines longer than this are cut to a window of glyphs around the span
// before their glyphs are listed (a plan with no line ends is one line as
// long as the file, and a diagnostic must not cost a list of all of it).
constexpr size_t kWindowAbove = 1 << 16;
constexpr size_t kWindowGlyphs = 2048;  // on either side of the span

// Glyphs in `line` (as glyphs() splits it).
size_t glyph_count(std::string_view line) {
  size_t k = 0;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(line.size());
  for (UChar32 c; i < n; ++k) U8_NEXT(line.data(), i, n, c);
  return k;
}

// Byte offset of glyph `index` (at most the count) in `line`.
size_t glyph_offset(std::string_view line, size_t index) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(line.size());
  for (size_t k = 0; k < index && i < n; ++k) {
    UChar32 c;
    U8_NEXT(line.data(), i, n, c);
  }
  return static_cast<size_t>(i);
}

}  // namespace

Snippet snippet_of(std::string_view line, size_t first, size_t last, size_t max_width) {
  if (line.size() > kWindowAbove) {
    // The glyphs of a window around the span; the same snippet as from the
    // whole line whenever the window holds what it looks at (else below).
    const size_t n = glyph_count(line);
    const size_t a = std::min(first > 0 ? first - 1 : 0, n);
    const size_t z = std::min(std::max(last > 0 ? last - 1 : 0, a + 1), n);
    const size_t wa = a > kWindowGlyphs ? a - kWindowGlyphs : 0, wz = std::min(n, z + kWindowGlyphs);
    const size_t b = glyph_offset(line, wa);
    const size_t e = b + glyph_offset(line.substr(b), wz - wa);
    const std::string_view window = line.substr(b, e - b);
    const auto g = glyphs(window);
    if (auto s = snippet_in(window, g, a - wa, z - wa, wa == 0, wz == n, max_width)) return *s;
  }
  const auto g = glyphs(line);
  const size_t n = g.size();
  const size_t a = std::min(first > 0 ? first - 1 : 0, n);      // first glyph of the span
  const size_t z = std::min(std::max(last > 0 ? last - 1 : 0, a + 1), n);  // one past its last
  return *snippet_in(line, g, a, z, true, true, max_width);
}

Snippet snippet_of_part(std::string_view part, size_t column, bool line_start, bool line_end, size_t first,
                        size_t last, size_t max_width) {
  if (line_start && line_end) return snippet_of(part, first, last, max_width);
  const auto g = glyphs(part);
  const size_t n = g.size();
  const size_t shift = column > 0 ? column - 1 : 0;  // glyphs of the line before the part
  const size_t a = std::min(first > shift + 1 ? first - 1 - shift : 0, n);
  const size_t z = std::min(std::max(last > shift + 1 ? last - 1 - shift : 0, a + 1), n);
  if (auto s = snippet_in(part, g, a, z, line_start, line_end, max_width)) return *s;
  return *snippet_in(part, g, a, z, true, true, max_width);  // a stretch too short to tell: shown whole
}

Snippet snippet_of_span(const Text& text, const Span& span) {
  const Span end = text.span(span.end, span.end);
  const size_t last = end.line == span.line && end.column > span.column ? end.column : span.column + 1;
  // A stretch of the line around the span (a line can be as long as the file).
  const Text::LinePart part = text.line_part(span.line, span.start, span.end, kSnippetContextBytes);
  return snippet_of_part(part.text, part.column, part.line_start, part.line_end, span.column, last);
}

}  // namespace plancheck
