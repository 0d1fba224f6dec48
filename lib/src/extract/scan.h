// Small helpers every extractor uses to look around a position in folded
// text: word boundaries, keyword tests, sentence and clause limits.
// Internal to the library. All offsets are byte offsets into folded text;
// keywords are written folded (lower case, precomposed).
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <deque>
#include <initializer_list>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

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
// A fixed list of keywords (folded, whole words, at most 64) looked up as
// the words that end at a position, the first in the list's order winning
// ("chậm nhất là" before "chậm nhất"). Only those that end in the byte
// there are compared: a table of them by last byte, made once (constexpr).
class WordsBefore {
 public:
  constexpr explicit WordsBefore(std::span<const std::string_view> keywords) : keywords_(keywords) {
    if (keywords.size() > 64) throw std::logic_error("WordsBefore: more than 64 keywords");
    for (size_t k = 0; k < keywords.size(); ++k) {
      if (keywords[k].empty()) throw std::logic_error("WordsBefore: an empty keyword");
      ending_in_[static_cast<unsigned char>(keywords[k].back())] |= uint64_t{1} << k;
    }
  }
  // The index of the first keyword that ends exactly at `end` as whole
  // words; *begin gets its start.
  std::optional<size_t> find(std::string_view s, size_t end, size_t* begin = nullptr) const {
    if (end == 0 || end > s.size()) return std::nullopt;
    for (uint64_t ks = ending_in_[static_cast<unsigned char>(s[end - 1])]; ks; ks &= ks - 1) {
      const auto k = static_cast<size_t>(std::countr_zero(ks));
      if (word_before_checked(s, end, keywords_[k], begin)) return k;
    }
    return std::nullopt;
  }

 private:
  std::span<const std::string_view> keywords_;
  std::array<uint64_t, 256> ending_in_{};  // bit k: keywords_[k] ends in this byte
};
// The keywords of a table of entries (`Member` their keyword), as the list
// a WordsBefore takes: views_of<&KindWord::words>(kKinds).
template <auto Member, typename Entry, size_t N>
constexpr std::array<std::string_view, N> views_of(const Entry (&entries)[N]) {
  std::array<std::string_view, N> words{};
  for (size_t k = 0; k < N; ++k) words[k] = entries[k].*Member;
  return words;
}
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

// End of the run of letters and digits that starts at pos (pos itself when
// none does).
size_t word_end(std::string_view s, size_t pos);

namespace detail {
// The bytes of a short tail (n < 8), gathered with overlapping loads (the
// same byte lands at the same place from either), never reading past it.
inline uint64_t load_tail(const char* p, size_t n) {
  if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return uint64_t{lo} | (uint64_t{hi} << (8 * (n - 4)));
  }
  const auto b = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])} << (8 * i); };
  return b(0) | b(n / 2) | b(n - 1);
}
}  // namespace detail

// A 32-bit hash of a few bytes (a word, a short phrase): the keyword sets'
// and the phrase tables'. Words are short: eight bytes at a time, multiply
// and fold; no call, unlike std::hash.
inline uint32_t hash(std::string_view bytes) {
  const char* p = bytes.data();
  size_t n = bytes.size();
  uint64_t h = n * 0x9E3779B97F4A7C15ull;
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    p += 8;
    n -= 8;
  }
  if (n > 0) h = (h ^ detail::load_tail(p, n)) * 0xFF51AFD7ED558CCDull;
  return static_cast<uint32_t>(h >> 32);
}

// hash() of the n bytes at p where `avail` bytes are readable: a word of up
// to eight bytes read in one load and masked to its length when eight are
// readable (word lengths vary at random: the tail's branches mispredicted).
inline uint32_t word_hash(const char* p, size_t avail, size_t n) {
  if (n - 1 < 8 && avail >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    w &= ~uint64_t{0} >> (64 - 8 * n);
    return static_cast<uint32_t>(((n * 0x9E3779B97F4A7C15ull) ^ w) * 0xFF51AFD7ED558CCDull >> 32);
  }
  return hash(std::string_view(p, n));
}

// A fixed set of keywords (folded, whole words, single spaces between
// words, at least two bytes each: the filters read two bytes), looked up at
// a position by the hash of the word standing there:
// one probe instead of comparing every keyword that shares a first byte.
// Where keywords share a first word, the longest that stands at the
// position wins ("khu dân cư" over "khu").
class KeywordSet {
 public:
  KeywordSet(std::initializer_list<std::string_view> keywords);
  template <typename Range>
  explicit KeywordSet(const Range& keywords) {
    for (std::string_view k : keywords) add(k);
    build();
  }

  // The keyword standing at pos as whole words (pos must be a word start for
  // a match): its index in the list given, or -1; *end gets its end.
  int match(std::string_view s, size_t pos, size_t* end = nullptr) const;
  // The same when the word at pos is known to end at first_end.
  int match_word(std::string_view s, size_t pos, size_t first_end, size_t* end = nullptr) const;
  // The same for a word of Text::words() (at a word start, its end known),
  // through the may_be_first_word() filter first.
  int match_at_word(std::string_view s, size_t pos, size_t first_end, size_t* end = nullptr) const {
    return may_be_first_word(s, pos, first_end - pos) ? match_word(s, pos, first_end, end) : -1;
  }
  // Quick filters, cheapest first: whether some keyword starts with the two
  // bytes at pos; then with the first three or four (as many as the shortest
  // first word has).
  bool may_start_at(std::string_view s, size_t pos) const {
    if (pos + 1 >= s.size()) return false;
    const unsigned key = static_cast<unsigned char>(s[pos]) << 8 | static_cast<unsigned char>(s[pos + 1]);
    return pairs_[key >> 6] >> (key & 63) & 1;
  }
  bool may_start_with_prefix(std::string_view s, size_t pos) const {
    if (pos >= s.size() || s.size() - pos < prefix_len_) return false;
    const unsigned key = prefix_key(s.data() + pos);
    return prefixes_[key >> 6] >> (key & 63) & 1;
  }
  // For a word whose end is known (Text::words()): whether some keyword's
  // first word has its length and its first four bytes. One bit of a
  // 4096-bit table; nearly exact, where the two filters above let through
  // every word that merely starts like a keyword ("đảng" for "đảng bộ", but
  // also "đã", "cho" beside "chi").
  bool may_be_first_word(std::string_view s, size_t pos, size_t len) const {
    // (All four bytes read wherever the text has them: a word shorter than
    // four is masked to its length, not read byte by byte.)
    const unsigned key = first_word_key(s.data() + pos, s.size() - pos, len);
    return first_words_[key >> 6] >> (key & 63) & 1;
  }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint16_t first = 0, count = 0;  // range of by_first_ (longest first)
  };
  void add(std::string_view keyword);
  void build();
  const Slot* find(uint32_t hash) const;

  std::vector<std::string_view> keywords_;  // views into storage_
  std::deque<std::string> storage_;
  std::vector<uint16_t> by_first_;  // keyword indices grouped by first word
  std::vector<Slot> slots_;         // open addressing, power-of-two size
  // A 16-bit key of the first prefix_len_ bytes: the bytes themselves for
  // two, a multiplicative hash for three or four.
  unsigned prefix_key(const char* p) const {
    const auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(p[i])); };
    if (prefix_len_ == 2) return b(0) << 8 | b(1);
    uint32_t v = b(0) | b(1) << 8 | b(2) << 16;
    if (prefix_len_ == 4) v |= b(3) << 24;
    return (v * 0x9E3779B1u) >> 16;
  }

  // Up to four bytes of a word (`avail` readable at p) and its length,
  // hashed to 12 bits.
  static unsigned first_word_key(const char* p, size_t avail, size_t len) {
    uint32_t v = 0;
    if (avail >= 4) std::memcpy(&v, p, 4);
    else
      for (size_t i = 0; i < avail; ++i) v |= static_cast<uint32_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    if (len < 4) v &= (uint32_t{1} << (8 * len)) - 1;
    return ((v ^ static_cast<uint32_t>(len) * 0x9E3779B1u) * 0x85EBCA6Bu) >> 20;
  }
  std::vector<uint64_t> first_words_ = std::vector<uint64_t>(64);  // bit: a first word has this key

  uint64_t lengths_ = 0;            // bit n: some first word is n bytes long (n < 64)
  size_t prefix_len_ = 2;           // bytes may_start_at looks at
  std::vector<uint64_t> pairs_ = std::vector<uint64_t>(1024);     // bit: a keyword starts with these two bytes
  std::vector<uint64_t> prefixes_ = std::vector<uint64_t>(1024);  // bit: a keyword starts with this key
};

// Roman numerals I..XXXIX; 0 when not one.
int roman_value(std::string_view upper_or_lower);

}  // namespace plancheck::scan
