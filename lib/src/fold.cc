#include "fold.h"

#include <unicode/uchar.h>

#include <array>
#include <bit>
#include <cstdint>

#include "chunk.h"
#include "chunk_avx512.h"
#include "vi.h"

namespace plancheck::folding {

namespace {

// Case folding that keeps byte length, from ICU's default case folding,
// tabled for the two-byte range and Latin Extended Additional (ạ … ỹ): one
// entry per character, 0x000–0x7FF the two-byte range (U+0000–U+07FF),
// 0x800–0x8FF U+1E00–U+1EFF (letter(), and the chunked engine directly).
struct FoldTables {
  struct Entry {
    uint16_t folded;
    bool changes;  // folded != the character itself
    bool word;     // vi::is_word
  };
  std::array<Entry, 0x900> letters{};
};

uint32_t icu_fold_same_length(uint32_t c) {
  const auto f = static_cast<uint32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
  return vi::utf8_length(f) == vi::utf8_length(c) ? f : c;
}

const FoldTables& fold_tables() {
  static const FoldTables t = [] {
    FoldTables t;
    for (uint32_t k = 0; k < t.letters.size(); ++k) {
      const uint32_t c = k < 0x800 ? k : 0x1E00 + (k - 0x800);
      const uint32_t f = icu_fold_same_length(c);
      t.letters[k] = {static_cast<uint16_t>(f), f != c, vi::is_word(c)};
    }
    return t;
  }();
  return t;
}

// The table entry of a two-byte character or one of U+1E00–U+1EFF.
const FoldTables::Entry& letter(uint32_t cp) {
  return fold_tables().letters[cp < 0x800 ? cp : 0x800 + (cp - 0x1E00)];
}

uint32_t fold_cp(uint32_t cp) {
  if (cp < 0x800 || (cp >= 0x1E00 && cp <= 0x1EFF)) return letter(cp).folded;
  return icu_fold_same_length(cp);
}

// Overwrites the code point at `s` with one of the same UTF-8 length.
void put_utf8(char* s, uint32_t cp) {
  const size_t at = 0;
  if (cp < 0x80) {
    s[at] = static_cast<char>(cp);
  } else if (cp < 0x800) {
    s[at] = static_cast<char>(0xC0 | (cp >> 6));
    s[at + 1] = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s[at] = static_cast<char>(0xE0 | (cp >> 12));
    s[at + 1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s[at + 2] = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s[at] = static_cast<char>(0xF0 | (cp >> 18));
    s[at + 1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s[at + 2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s[at + 3] = static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Old vs new tone placement: "oà/oè/uỳ" at the end of a syllable folds to
// "òa/òe/ùy" when the bytes line up (they do for every tone but a few on y).
// `i`: an 'o' or 'u' followed by a non-ASCII letter.
void unify_tone_placement_at(std::string& s, size_t i) {
  const char first = s[i];
  // Only a two- or three-byte vowel ending the word can move.
  const size_t after = i + 1 + (static_cast<unsigned char>(s[i + 1]) < 0xE0 ? 2 : 3);
  if (after < s.size()) {
    const auto c = static_cast<unsigned char>(s[after]);  // (ASCII letters and digits, whatever the locale)
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return;
  }
  if (first == 'u' && i > 0 && s[i - 1] == 'q') return;  // "quý": u belongs to qu
  size_t len;
  const uint32_t second = vi::decode(s, i + 1, &len);
  const vi::Vowel v = vi::vowel(second);
  if (v.tone == 0) return;
  const bool pair_ok = (first == 'o' && (v.base == 'a' || v.base == 'e')) || (first == 'u' && v.base == 'y');
  if (!pair_ok || !vi::at_word_end(s, i + 1 + len)) return;
  const uint32_t toned_first = vi::with_tone(static_cast<uint32_t>(first), v.tone);
  if (vi::utf8_length(toned_first) != len) return;
  put_utf8(s.data() + i, toned_first);
  s[i + len] = static_cast<char>(v.base);
}

}  // namespace

// The reference engine: a character at a time.
void fold_bytewise(std::string& s, std::vector<Text::Run>* digits, std::vector<Text::Word>* words) {
  const size_t n = s.size();
  // Where an 'o' or 'u' is followed by a non-ASCII letter: the only places
  // tone placement can need unifying, checked after the pass.
  std::vector<size_t> tone_candidates;
  // Per byte: 0 a lower-case ASCII letter (folding leaves it, a word goes
  // on), 1 a capital, 2 a digit, 3 not ASCII, 4 any other ASCII byte (ends a
  // word).
  static constexpr auto kFoldClass = [] {
    std::array<uint8_t, 256> t{};
    for (int c = 0; c < 0x80; ++c) t[c] = 4;
    for (int c = 'a'; c <= 'z'; ++c) t[c] = 0;
    for (int c = 'A'; c <= 'Z'; ++c) t[c] = 1;
    for (int c = '0'; c <= '9'; ++c) t[c] = 2;
    for (int c = 0x80; c < 0x100; ++c) t[c] = 3;
    return t;
  }();
  // The word being read: [word_begin, …), and whether it is all ASCII so far.
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t word_begin = kNone;
  bool word_ascii = true;
  const auto open_word = [&](size_t at) {
    if (words && word_begin == kNone) {
      word_begin = at;
      word_ascii = true;
    }
  };
  const auto close_word = [&](size_t at) {
    if (words && word_begin != kNone) {
      words->push_back({static_cast<uint32_t>(word_begin), static_cast<uint32_t>(at),
                        static_cast<uint8_t>(word_ascii ? Text::kAsciiOnly : 0)});
      word_begin = kNone;
    }
  };
  char* const p = s.data();
  for (size_t i = 0; i < n;) {
    // (Byte by byte: between letters with diacritics the runs are too short
    // for eight-byte tests to pay, measured.)
    const size_t run = i;
    while (i < n && kFoldClass[static_cast<unsigned char>(p[i])] == 0) ++i;
    if (i > run) open_word(run);
    if (i >= n) break;
    const auto c = static_cast<unsigned char>(p[i]);
    const uint8_t k = kFoldClass[c];
    if (k == 4) {
      close_word(i);
      ++i;
      continue;
    }
    if (k == 1) {
      open_word(i);
      p[i++] = static_cast<char>(c | 0x20);
      continue;
    }
    if (k == 2) {
      open_word(i);
      const size_t b = i;
      while (i < n && static_cast<unsigned>(static_cast<unsigned char>(p[i]) - '0') < 10u) ++i;
      if (digits) digits->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(i)});
      continue;
    }
    if (i > 0 && (s[i - 1] == 'o' || s[i - 1] == 'u')) tone_candidates.push_back(i - 1);
    // A letter (or combining mark) goes on with the word; other characters
    // (quotes, dashes, symbols) end it.
    const auto letter_here = [&](uint32_t cp) {
      if (!words) return;
      if (vi::is_word(cp)) {
        open_word(i);
        word_ascii = false;
      } else {
        close_word(i);
      }
    };
    // Two-byte letters (à, đ, ơ, ư, …) and Latin Extended Additional (ạ ả ấ
    // … ỹ) straight from the tables; anything else decoded in full.
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      const uint32_t cp = (static_cast<uint32_t>(c & 0x1F) << 6) | (d & 0x3F);
      const FoldTables::Entry& e = letter(cp);
      if (words) {
        if (e.word) {
          open_word(i);
          word_ascii = false;
        } else {
          close_word(i);
        }
      }
      if (e.changes) put_utf8(s.data() + i, e.folded);
      i += 2;
      continue;
    }
    if (c == 0xE1 && i + 2 < n) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0xB8 && d <= 0xBB) {
        const uint32_t low = (static_cast<uint32_t>(d & 0x03) << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3F);
        if (words) {
          open_word(i);
          word_ascii = false;
        }
        const FoldTables::Entry& e = letter(0x1E00 + low);
        if (e.changes) put_utf8(s.data() + i, e.folded);
        i += 3;
        continue;
      }
    }
    size_t len;
    const uint32_t cp = vi::decode(s, i, &len);
    letter_here(cp);
    const uint32_t f = fold_cp(cp);
    if (f != cp) put_utf8(s.data() + i, f);
    i += len;
  }
  close_word(n);
  for (size_t at : tone_candidates) unify_tone_placement_at(s, at);
}

// The two compilations of the chunked engine.
#define PLANCHECK_KERNEL "fold_kernel.inc"
#define PLANCHECK_KERNEL_NS chunked
#include "chunk_twice.h"

void fold_chunked(std::string& s, std::vector<Text::Run>* digits, std::vector<Text::Word>* words) {
  PLANCHECK_KERNEL_CALL(chunked, fold_blocks(s, digits, words));
}

}  // namespace plancheck::folding
