// Keywords typed without their diacritics ("trong thang 9/2025", "Dai hoi
// Dang bo huyen"), found where the context makes them keywords (issue 17):
// Text reads them as the keyword (text.h). The rules and their words are
// the vocabulary's toneless tables (kMarklessWords, kMarklessPairs,
// kMarklessAfter). Internal to the library.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "plancheck/text.h"

namespace plancheck::toneless {

// A word of the text [begin, end) and the syllable it stands for (folded,
// with its marks: a slice of a vocabulary keyword).
struct Syllable {
  uint32_t begin, end;
  std::string_view marked;
};

// A keyword read [begin, end) (one or two words): what its notice says.
struct Keyword {
  uint32_t begin, end;
  std::string_view keyword;
};

struct Found {
  std::vector<Syllable> syllables;  // in text order, one word each at most
  std::vector<Keyword> keywords;
};

// The toneless keywords of a text (its folded and normalized forms and its
// words): none for
// most texts, which cost a pass over the words that rules nearly every word
// out by its length, or by one look in a small table of the bare words.
Found find(std::string_view folded, std::string_view normalized, const std::vector<Text::Word>& words);

}  // namespace plancheck::toneless
