// Normalized text: what every extractor reads, and how to get back to the
// user's file from any offset in it.
//
// Contract:
// - normalized(): NFC; look-alike letters replaced (Ð U+00D0, Ɖ U+0189 → Đ;
//   ð, ɖ → đ), each with a `lookalike` notice; every horizontal space
//   (NO-BREAK SPACE, tab, U+2000–U+200A …) is ' '; zero-width characters are
//   removed; line ends are '\n'; en/em dashes and minus are '-'; curly quotes
//   are straight. Keywords typed without their diacritics where the context
//   makes them keywords ("trong thang 9/2025", "Dai hoi Dang bo huyen":
//   the vocabulary's toneless tables, src/toneless.h) are written with
//   their marks, in the case they were typed in ("Đại hội Đảng bộ huyện"),
//   each with a `typo` notice: the extractors read them as the keyword
//   (issue 17). Spans are byte offsets into this string.
// - folded(): the matching form, exactly as long as normalized() byte for
//   byte, so an offset in one is the same place in the other. Vietnamese is
//   case-folded with ICU's case folding and old/new tone placement is unified
//   (uỷ/ủy, hoà/hòa, thuỷ/thủy), wherever that keeps the byte length (it does
//   for every letter Vietnamese uses).
// - span(start, end) maps back to the original file's line and column.
// - The original is not kept whole: only the bytes where it differs from
//   normalized() (none for text that needed no normalization), enough to
//   give back its lines and columns. A Text costs about twice the text's
//   size and 8 bytes a word (issue 23's memory bound).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/model.h"

namespace plancheck {

class Text {
 public:
  // `original` must be valid UTF-8 (as read_source() returns it).
  explicit Text(std::string original);

  // The original as given, rebuilt from normalized() and the bytes where
  // the two differ (a copy: for tests and tools, not for the extractors).
  std::string original() const;
  size_t original_size() const { return original_size_; }
  const std::string& normalized() const { return normalized_; }
  const std::string& folded() const { return folded_; }

  // Line and column (1-based, code points) in the original of a normalized offset.
  Span span(size_t start, size_t end) const;
  // Line `n` (1-based) of the original, without its line end ("\n", "\r\n");
  // empty past the last line. A copy: the original is not kept whole.
  std::string line(uint32_t n) const;
  // A stretch of line `n` of the original around the normalized range
  // [start, end): the range and at most `context` bytes on either side,
  // cut at characters' starts (a plan with no line ends is one line as long
  // as the file: a diagnostic shows a stretch of it, never a copy of all).
  struct LinePart {
    std::string text;
    uint32_t column = 1;     // the line's column (code points, 1-based) of text's first character
    bool line_start = true;  // text begins where the line begins
    bool line_end = true;    // and ends where it ends
  };
  LinePart line_part(uint32_t n, size_t start, size_t end, size_t context) const;
  // The original's bytes of the normalized range [start, end): what the user
  // typed there ("thang" where normalized() reads "tháng").
  std::string original_text(size_t start, size_t end) const;
  // utf16_column(line(n), code_point_column) below, without a copy of the
  // line (a plan of one line is as long as the file).
  uint32_t utf16_column(uint32_t n, uint32_t code_point_column) const;
  // Notices found while normalizing (look-alike letters, toneless
  // keywords read with their marks), in text order.
  const std::vector<Notice>& notices() const { return notices_; }
  // How many words normalized() holds with marks they were typed without
  // (the toneless keywords read): words() counts them as marked.
  size_t toneless_words() const { return toneless_.size(); }

  // Every run of ASCII digits [begin, end) in normalized(), in order: dates
  // and document numbers all have one, so extractors start from these
  // instead of walking the text.
  struct Run {
    uint32_t begin, end;
  };
  const std::vector<Run>& digit_runs() const { return digit_runs_; }
  // The words of normalized() written with the marks they were typed
  // without, in order (each typed in ASCII, a letter for each letter).
  const std::vector<Run>& toneless_runs() const { return toneless_; }

  // Every word of folded() — a maximal run of letters and digits
  // (vi::is_word) — in order, found once so that extractors walk words, not
  // bytes. `flags` says what a word is made of (WordFlags).
  // Eight bytes a word (a word list is the largest index of a text): the
  // flags share the end's word. Offsets fit in 31 bits: a document is at
  // most 256 MiB (source.h), its normalized form a few times that at worst.
  struct Word {
    uint32_t begin;
    uint32_t end : 31;
    uint32_t flags : 1;
  };
  enum WordFlags : uint8_t {
    kAsciiOnly = 1,  // no byte above 0x7F
  };
  const std::vector<Word>& words() const { return words_; }
  // Index of the first word that begins at or after `pos`.
  size_t first_word_from(size_t pos) const;

  // A document longer than a window is read a window at a time (analyze.h):
  // each window a Text of its own for the extractors, then appended here,
  // so that the whole text answers span(), line(), original_text() and
  // utf16_column() for the model's offsets as one Text would.
  // drop_indexes() frees what only extractors read (folded(), words(),
  // digit_runs(), toneless_runs() are empty after it); append() drops them
  // on both sides and continues `next` after this text: its normalized
  // offsets shift by normalized().size(), its lines continue the last line
  // (a window cut inside a line) or start after it, and its notices are
  // kept with their spans moved. Appending costs what `next` holds.
  void drop_indexes();
  void append(Text&& next);
  // Room for a text about `original_bytes` long to be appended to.
  void reserve(size_t original_bytes);

  // What a report of a model needs of its text, and nothing else (a batch
  // holds every plan's model until the plans it cites are known, issue 24:
  // memory follows the schedules kept, not the texts). Keeps, for each
  // normalized range [start, end) of `spans` (the model's spans): the
  // original's bytes of the range and of its first line up to `context`
  // bytes on either side (what line_part(…, context) reads), where its
  // lines begin, and the range's normalized bytes; frees the rest. After
  // it span(), original_text(), line_part() with at most `context`,
  // utf16_column() and normalized_text() answer as before for positions
  // in those ranges; line(n) gives what is kept of line n (a space for
  // each byte not kept); normalized(), folded(), notices() (the model
  // holds them) and the indexes are empty.
  void keep_only(const std::vector<std::pair<uint32_t, uint32_t>>& spans, size_t context);
  bool is_excerpt() const { return excerpt_ != nullptr; }
  // The normalized bytes [start, end), clipped to the text (an excerpt: of
  // the ranges it kept).
  std::string normalized_text(size_t start, size_t end) const;

 private:
  size_t to_original(size_t normalized_offset) const;
  void normalize(const std::string& original, std::vector<std::pair<uint32_t, std::string>>* lookalikes);
  void record_pieces(const std::string& original);
  // Writes the toneless keywords with their marks (after folding, which
  // finds them, and before the notices); refolds.
  void repair_toneless(std::vector<std::pair<uint32_t, std::string>>* lookalikes);
  void index_lines();
  // The block indexes (block_line_, block_code_points_) from original
  // offset `from` on, those before it being right already.
  void index_blocks_from(size_t from);
  void extend_block_lines();
  // The original's bytes [from, to) into `out`.
  void copy_original(size_t from, size_t to, char* out) const;
  // Characters (code points) of the original before byte `orig`.
  size_t code_points_before(size_t orig) const;
  // Line index (0-based) of the original's byte `orig`, and a line's bytes
  // [begin, end) in the original, without its '\n' (false past the last).
  size_t line_index_of(size_t orig) const;
  bool line_bounds(size_t index, size_t* begin, size_t* end) const;

  // keep_only()'s stretches (text_excerpt.cc); null for a whole text.
  struct Excerpt;
  std::shared_ptr<const Excerpt> excerpt_;

  size_t original_size_ = 0;
  std::string normalized_;  // the original itself when it needed no normalization
  std::string folded_;
  // Where the original differs from normalized_: its bytes [orig_begin,
  // orig_end) are pool_[pool, pool + orig_end - orig_begin) and stand where
  // normalized_ has [norm_begin, norm_end). Between pieces the two are the
  // same bytes. In text order; empty when nothing was changed.
  struct Piece {
    uint32_t orig_begin, orig_end, norm_begin, norm_end, pool;
  };
  std::vector<Piece> pieces_;
  std::string pool_;
  // Anchors (normalized offset, original offset): between anchors the two
  // texts advance byte for byte; an edit is bracketed by two anchors.
  std::vector<std::pair<uint32_t, uint32_t>> anchors_;
  std::vector<uint32_t> line_starts_;  // byte offsets in the original
  // The line holding the first byte of each kBlock-byte block of the original
  // (index into line_starts_), and the characters before each 64-byte block
  // (counted in the first look, one more entry for the end). A span's
  // position then costs a walk over the few lines of one block and two
  // counts of fewer than 64 bytes, not a search over every line of the text
  // and a count from a distant line start.
  static constexpr size_t kBlock = 256;
  std::vector<uint32_t> block_line_;
  std::vector<uint32_t> block_code_points_;
  std::vector<Notice> notices_;
  std::vector<Run> toneless_;
  std::vector<Run> digit_runs_;
  std::vector<Word> words_;
};

// The UTF-16 column (1-based) of a code-point column in a line: they differ
// after a character outside the BMP. Columns past the line's end count on
// as one unit each.
uint32_t utf16_column(std::string_view line, uint32_t code_point_column);

// The matching form of a string (what folded() holds): for writing keywords
// and patterns in ordinary Vietnamese and comparing them with folded text.
std::string fold(std::string_view normalized_utf8);

}  // namespace plancheck
