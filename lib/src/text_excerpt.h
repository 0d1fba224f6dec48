// Text::keep_only()'s form of a text: the stretches of the original a
// report of the model reads, the lines they are on, and the model's
// normalized ranges (text.h). Private to text.cc and text_excerpt.cc.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "plancheck/text.h"

namespace plancheck {

struct Text::Excerpt {
  // A line a kept range is on: its bytes [begin, end) in the original (no
  // '\n'), and the characters before it.
  struct Line {
    uint32_t index, begin, end, code_points;
  };
  // Original bytes [begin, end), at `at` in `bytes`; the characters before.
  struct Stretch {
    uint32_t begin, end, code_points, at;
  };
  // Normalized bytes [begin, end), at `at` in `normalized_bytes`.
  struct NormalizedStretch {
    uint32_t begin, end, at;
  };
  std::vector<Line> lines;  // by index
  std::vector<Stretch> stretches;
  std::string bytes;
  std::vector<NormalizedStretch> normalized;
  std::string normalized_bytes;
  // Characters outside the BMP on the kept lines (two UTF-16 units each):
  // their original offset and the characters before them. Almost always none.
  std::vector<std::pair<uint32_t, uint32_t>> astral;

  // As Text's, for positions kept; a byte not kept reads as a space and
  // counts as a character (never a crash on a position no span gave).
  size_t code_points_before(size_t orig) const;
  void copy(size_t from, size_t to, char* out) const;
  size_t line_index_of(size_t orig) const;
  bool line_bounds(size_t index, size_t* begin, size_t* end) const;
  uint32_t utf16_column(uint32_t n, uint32_t code_point_column) const;
  std::string normalized_text(size_t start, size_t end) const;
};

}  // namespace plancheck
