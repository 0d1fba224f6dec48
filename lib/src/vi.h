// Vietnamese letters at the code-point level: decoding UTF-8, telling letters
// from the rest, and the 12 vowels × 6 tones table that tone-placement
// folding and typo detection share. Internal to the library.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck::vi {

// Decodes the code point at byte i of valid UTF-8; *len gets its byte length.
inline uint32_t decode(std::string_view s, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { *len = 1; return c; }
  if (c < 0xE0) {
    *len = 2;
    return ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
  }
  if (c < 0xF0) {
    *len = 3;
    return ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
  }
  *len = 4;
  return ((c & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
         ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
}

// Offset of the code point that ends just before byte i (i > 0).
inline size_t prev_start(std::string_view s, size_t i) {
  do { --i; } while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80);
  return i;
}

void append_utf8(std::string& out, uint32_t cp);
size_t utf8_length(uint32_t cp);

bool is_letter_beyond_ascii(uint32_t cp);  // cp >= 0x80
// Letters and combining marks.
inline bool is_letter(uint32_t cp) {
  if (cp < 0x80) return (cp | 0x20) - 'a' < 26u;
  return is_letter_beyond_ascii(cp);
}
inline bool is_word(uint32_t cp) { return cp - '0' < 10u || is_letter(cp); }
bool is_upper_beyond_ascii(uint32_t cp);  // cp >= 0x80
// Capital letters. (Inline for ASCII: the organisation scan asks at every
// word of a name.)
inline bool is_upper(uint32_t cp) { return cp < 0x80 ? cp - 'A' < 26u : is_upper_beyond_ascii(cp); }

// The length of the word character (letter, combining mark, digit) at byte
// i, 0 when the character there is not one. The letters Vietnamese uses are
// told by their bytes (U+00C0–U+024F but × ÷, U+1E00–U+1EFF); the rest are
// decoded.
inline size_t word_char_at(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return (static_cast<unsigned>(c - '0') < 10u || static_cast<unsigned>((c | 0x20) - 'a') < 26u) ? 1 : 0;
  if (c >= 0xC3 && c <= 0xC9 && i + 1 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]);
    return (c == 0xC3 && (d == 0x97 || d == 0xB7)) ? 0 : 2;
  }
  if (c == 0xE1 && i + 2 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]);
    if (d >= 0xB8 && d <= 0xBB) return 3;
  }
  size_t len;
  return is_word(decode(s, i, &len)) ? len : 0;
}
// The same for the character that ends at byte e (e > 0).
inline size_t word_char_before(std::string_view s, size_t e) {
  const auto c = static_cast<unsigned char>(s[e - 1]);
  if (c < 0x80) return (static_cast<unsigned>(c - '0') < 10u || static_cast<unsigned>((c | 0x20) - 'a') < 26u) ? 1 : 0;
  const size_t p = prev_start(s, e);
  return word_char_at(s, p) == e - p ? e - p : 0;
}

// True when the byte offsets [b, e) of s are a whole word run: no letter or
// digit touches either side.
bool at_word_start_slow(std::string_view s, size_t b);
bool at_word_end_slow(std::string_view s, size_t e);
// Inline for the common case: an ASCII neighbour decides at once.
inline bool at_word_start(std::string_view s, size_t b) {
  if (b == 0) return true;
  const auto c = static_cast<unsigned char>(s[b - 1]);
  if (c < 0x80) return !(static_cast<unsigned>(c - '0') < 10u || static_cast<unsigned>((c | 0x20) - 'a') < 26u);
  return at_word_start_slow(s, b);
}
inline bool at_word_end(std::string_view s, size_t e) {
  if (e >= s.size()) return true;
  const auto c = static_cast<unsigned char>(s[e]);
  if (c < 0x80) return !(static_cast<unsigned>(c - '0') < 10u || static_cast<unsigned>((c | 0x20) - 'a') < 26u);
  return at_word_end_slow(s, e);
}

// Vowel/tone table (lower case). Tones: 0 none, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng.
struct Vowel {
  uint32_t base = 0;  // 0 when cp is not a Vietnamese vowel
  int tone = 0;
};
Vowel vowel(uint32_t cp);
uint32_t with_tone(uint32_t base, int tone);

// A word with tone marks removed (vowel qualities and đ kept), lower case.
std::string strip_tones(std::string_view folded_word);

// Telex residue: a lower-case ASCII word read as Telex keystrokes (s f r x j
// set the tone — sắc huyền hỏi ngã nặng —, aa aw ee oo ow uw w dd set the
// letter). Returns every reading, the tone put on each vowel in turn
// ("ngafy" → "ngày", "ngaỳ"); empty when the word holds no Telex key.
std::vector<std::string> telex_readings(std::string_view ascii_word);

}  // namespace plancheck::vi
