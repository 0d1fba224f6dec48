#include "snippet.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <vector>

namespace plancheck::cli {

namespace {

struct Glyph {
  size_t begin, end;  // bytes of the line
  int width;          // display columns
  bool space;
  bool control;
};

int width_of(UChar32 c) {
  if (c < 0) return 1;  // an invalid byte, shown as U+FFFD
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
    const bool control = c < 0 || (c < 0x20 && c != '\t') || (c >= 0x7F && c < 0xA0);
    out.push_back({static_cast<size_t>(b), static_cast<size_t>(i), control ? 1 : (c == '\t' ? 1 : width_of(c)),
                   c == ' ' || c == '\t' || c == 0xA0, control});
  }
  return out;
}

}  // namespace

size_t display_width(std::string_view utf8) {
  size_t w = 0;
  for (const auto& g : glyphs(utf8)) w += static_cast<size_t>(g.width);
  return w;
}

Snippet snippet_of(std::string_view line, size_t first, size_t last, size_t max_width) {
  const auto g = glyphs(line);
  const size_t n = g.size();
  const size_t a = std::min(first > 0 ? first - 1 : 0, n);      // first glyph of the span
  const size_t z = std::min(std::max(last > 0 ? last - 1 : 0, a + 1), n);  // one past its last
  std::vector<size_t> col(n + 1, 0);  // display column before each glyph
  for (size_t i = 0; i < n; ++i) col[i + 1] = col[i] + static_cast<size_t>(g[i].width);
  size_t from = 0, to = n;
  if (col[n] > max_width) {
    // Some context before the span, the rest after; then cut at spaces.
    const size_t lead = max_width / 3;
    while (from < a && col[a] - col[from] > lead) ++from;
    to = from;
    while (to < n && col[to + 1] - col[from] <= max_width) ++to;
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
  }
  Snippet s;
  if (from > 0) s.text += "…";
  for (size_t i = from; i < to; ++i) {
    if (g[i].control) s.text += "\xEF\xBF\xBD";  // U+FFFD: never a control sequence
    else if (line[g[i].begin] == '\t') s.text += ' ';
    else s.text.append(line.substr(g[i].begin, g[i].end - g[i].begin));
  }
  if (to < n) s.text += "…";
  s.caret = (from > 0 ? 1 : 0) + col[a] - col[from];
  s.width = std::max<size_t>(1, col[z] - col[a]);
  return s;
}

}  // namespace plancheck::cli
