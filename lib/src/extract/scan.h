// Small helpers every extractor uses to look around a position in folded
// text: word boundaries, keyword tests, sentence and clause limits.
// Internal to the library. All offsets are byte offsets into folded text;
// keywords are written folded (lower case, precomposed).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace plancheck::scan {

bool word_at_checked(std::string_view s, size_t pos, std::string_view kw);
bool word_before_checked(std::string_view s, size_t end, std::string_view kw, size_t* begin);

// True when folded text has keyword `kw` (non-empty) at `pos` as whole
// words. Inline: most calls end at the first byte.
inline bool word_at(std::string_view s, size_t pos, std::string_view kw) {
  return pos < s.size() && s[pos] == kw[0] && word_at_checked(s, pos, kw);
}
// True when `kw` ends exactly at `end` (as whole words); *begin gets its start.
inline bool word_before(std::string_view s, size_t end, std::string_view kw, size_t* begin = nullptr) {
  return end > 0 && end <= s.size() && s[end - 1] == kw.back() && word_before_checked(s, end, kw, begin);
}
// First of `kws` (tried in order) that ends at `end`, skipping spaces before
// `end`; returns its index and sets *begin.
std::optional<size_t> any_word_before(std::string_view s, size_t end, std::span<const std::string_view> kws,
                                      size_t* begin);
size_t skip_spaces(std::string_view s, size_t pos);
size_t skip_spaces_back(std::string_view s, size_t end);

// The word (letters and digits run) that starts at or after pos / ends at or before end.
std::string_view next_word(std::string_view s, size_t pos, size_t* begin = nullptr, size_t* end = nullptr);
std::string_view prev_word(std::string_view s, size_t end, size_t* begin = nullptr, size_t* word_end = nullptr);

// Sentence limits: '\n', and '.', '!', '?' followed by a space, quote, line
// end or the end of text. Clause limits add ';'.
size_t sentence_begin(std::string_view s, size_t pos);
size_t sentence_end(std::string_view s, size_t pos);
size_t clause_begin(std::string_view s, size_t pos);
size_t clause_end(std::string_view s, size_t pos);

// Whether [b, e) contains keyword kw as whole words; returns its offset.
std::optional<size_t> find_word(std::string_view s, size_t b, size_t e, std::string_view kw);
std::optional<size_t> rfind_word(std::string_view s, size_t b, size_t e, std::string_view kw);

// Roman numerals I..XXXIX; 0 when not one.
int roman_value(std::string_view upper_or_lower);

}  // namespace plancheck::scan
