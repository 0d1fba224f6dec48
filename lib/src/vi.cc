#include "vi.h"

#include <unicode/uchar.h>

#include <array>

namespace plancheck::vi {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t utf8_length(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

bool is_letter_beyond_ascii(uint32_t cp) {
  // Fast paths for the letters Vietnamese uses; ICU for the rest.
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return true;
  if (cp >= 0x300 && cp <= 0x36F) return true;
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // general punctuation
  if (u_isalpha(static_cast<UChar32>(cp))) return true;
  const auto cat = u_charType(static_cast<UChar32>(cp));
  return cat == U_NON_SPACING_MARK || cat == U_COMBINING_SPACING_MARK;
}

bool is_upper_beyond_ascii(uint32_t cp) {
  // Tabled for the ranges Vietnamese letters live in; ICU for the rest.
  struct Tables {
    std::array<bool, 0x250> low{};
    std::array<bool, 0x100> ext{};
  };
  static const Tables t = [] {
    Tables t;
    for (uint32_t c = 0; c < 0x250; ++c) t.low[c] = u_isupper(static_cast<UChar32>(c));
    for (uint32_t c = 0; c < 0x100; ++c) t.ext[c] = u_isupper(static_cast<UChar32>(0x1E00 + c));
    return t;
  }();
  if (cp < 0x250) return t.low[cp];
  if (cp >= 0x1E00 && cp <= 0x1EFF) return t.ext[cp - 0x1E00];
  return u_isupper(static_cast<UChar32>(cp));
}

bool at_word_start_slow(std::string_view s, size_t b) { return b == 0 || word_char_before(s, b) == 0; }

bool at_word_end_slow(std::string_view s, size_t e) { return e >= s.size() || word_char_at(s, e) == 0; }

namespace {

// Rows: a ă â e ê i o ô ơ u ư y; columns: tone 0..5.
constexpr std::array<std::array<uint32_t, 6>, 12> kVowels = {{
    {0x61, 0xE0, 0xE1, 0x1EA3, 0xE3, 0x1EA1},
    {0x103, 0x1EB1, 0x1EAF, 0x1EB3, 0x1EB5, 0x1EB7},
    {0xE2, 0x1EA7, 0x1EA5, 0x1EA9, 0x1EAB, 0x1EAD},
    {0x65, 0xE8, 0xE9, 0x1EBB, 0x1EBD, 0x1EB9},
    {0xEA, 0x1EC1, 0x1EBF, 0x1EC3, 0x1EC5, 0x1EC7},
    {0x69, 0xEC, 0xED, 0x1EC9, 0x129, 0x1ECB},
    {0x6F, 0xF2, 0xF3, 0x1ECF, 0xF5, 0x1ECD},
    {0xF4, 0x1ED3, 0x1ED1, 0x1ED5, 0x1ED7, 0x1ED9},
    {0x1A1, 0x1EDD, 0x1EDB, 0x1EDF, 0x1EE1, 0x1EE3},
    {0x75, 0xF9, 0xFA, 0x1EE7, 0x169, 0x1EE5},
    {0x1B0, 0x1EEB, 0x1EE9, 0x1EED, 0x1EEF, 0x1EF1},
    {0x79, 0x1EF3, 0xFD, 0x1EF7, 0x1EF9, 0x1EF5},
}};

}  // namespace

Vowel vowel(uint32_t cp) {
  // Every toned or plain Vietnamese vowel lies in [0x61, 0x1B0] or [0x1EA0, 0x1EF9].
  struct Tables {
    std::array<Vowel, 0x1B1> low{};
    std::array<Vowel, 0x5A> high{};
  };
  static const Tables t = [] {
    Tables t;
    for (const auto& row : kVowels)
      for (int tone = 0; tone < 6; ++tone) {
        const uint32_t c = row[tone];
        if (c <= 0x1B0) t.low[c] = {row[0], tone};
        else t.high[c - 0x1EA0] = {row[0], tone};
      }
    return t;
  }();
  if (cp <= 0x1B0) return t.low[cp];
  if (cp >= 0x1EA0 && cp < 0x1EA0 + 0x5A) return t.high[cp - 0x1EA0];
  return {};
}

uint32_t with_tone(uint32_t base, int tone) {
  for (const auto& row : kVowels)
    if (row[0] == base) return row[tone];
  return base;
}

std::string strip_tones(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size();) {
    size_t len;
    uint32_t cp = decode(w, i, &len);
    Vowel v = vowel(cp);
    append_utf8(out, v.base ? v.base : cp);
    i += len;
  }
  return out;
}

std::vector<std::string> telex_readings(std::string_view w) {
  int tone = 0;
  std::string letters;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    const bool initial = i == 0 || (i == 1 && w[0] == 't' && c == 'r');
    int t = 0;
    switch (c) {
      case 's': t = 2; break;
      case 'f': t = 1; break;
      case 'r': t = 3; break;
      case 'x': t = 4; break;
      case 'j': t = 5; break;
      default: break;
    }
    if (t && !initial) { tone = t; continue; }
    letters += c;
  }
  std::string v;  // the letters with their vowel keys applied
  bool keyed = tone != 0;
  for (size_t i = 0; i < letters.size(); ++i) {
    const char c = letters[i];
    const char n = i + 1 < letters.size() ? letters[i + 1] : 0;
    const char* two = nullptr;
    if (c == 'd' && n == 'd') two = "đ";
    else if (c == 'a' && n == 'a') two = "â";
    else if (c == 'a' && n == 'w') two = "ă";
    else if (c == 'e' && n == 'e') two = "ê";
    else if (c == 'o' && n == 'o') two = "ô";
    else if (c == 'o' && n == 'w') two = "ơ";
    else if (c == 'u' && n == 'w') two = "ư";
    if (two) { v += two; ++i; keyed = true; continue; }
    if (c == 'w') { v += "ư"; keyed = true; continue; }
    v += c;
  }
  if (!keyed) return {};
  if (tone == 0) return {v};
  std::vector<std::string> out;
  for (size_t i = 0; i < v.size();) {
    size_t len;
    const uint32_t cp = decode(v, i, &len);
    if (const Vowel vw = vowel(cp); vw.base) {
      std::string cand = v.substr(0, i);
      append_utf8(cand, with_tone(vw.base, tone));
      cand += v.substr(i + len);
      out.push_back(std::move(cand));
    }
    i += len;
  }
  return out;
}

}  // namespace plancheck::vi
