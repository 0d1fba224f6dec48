// A source line as a report shows it under a diagnostic: cut around the
// span at word boundaries with "…", control characters made visible as
// escapes ("\x1b": text from a plan never moves a terminal's cursor, sets a
// window title or breaks an XML file), and the caret placed by display
// columns — combining marks of decomposed (NFD) text take none, wide
// characters two — not by code points. The terminal's text report and the
// HTML report show the same snippet.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "plancheck/text.h"

namespace plancheck {

struct Snippet {
  std::string text;     // what to print
  size_t caret = 0;     // display columns before the caret
  size_t width = 1;     // display columns to underline (at least 1)
};

// `line` is the original line; the span covers code points
// [first, last) of it, 1-based like Span::column (last == first: a point).
Snippet snippet_of(std::string_view line, size_t first, size_t last, size_t max_width = 100);

// The same from a stretch of the line (Text::line_part) whose first code
// point is column `column` of the line; `line_start`, `line_end`: whether
// the stretch reaches the line's ends. The snippet the whole line gives
// whenever the stretch holds what it shows.
Snippet snippet_of_part(std::string_view part, size_t column, bool line_start, bool line_end, size_t first,
                        size_t last, size_t max_width = 100);

// How much of a line on either side of a span snippet_of_span() reads:
// far more than a snippet shows (max_width display columns), so that the
// stretch holds all it shows.
inline constexpr size_t kSnippetContextBytes = 4096;

// The snippet of the line `span` starts on in `text`, underlined to the
// span's end on that line (columns of the original, as SARIF and github
// report them). The span must be known (Span::known()).
Snippet snippet_of_span(const Text& text, const Span& span);

// Text from a plan or a file name as it may reach a terminal or a log:
// control characters and escape sequences as visible escapes ("\x1b",
// "\n", "\t", "\u0085"), invalid bytes as "\xff"; the rest as it is.
std::string visible(std::string_view text);

// visible() line by line: a text made of lines keeps its line ends.
std::string visible_lines(std::string_view text);

// The columns a terminal gives the UTF-8 text.
size_t display_width(std::string_view utf8);

}  // namespace plancheck
