// Folding: the matching form of normalized text (Text::folded()), with the
// words and digit runs found on the way. Internal to the library.
//
// Contract, for both engines: `s` is valid UTF-8 and is folded in place,
// byte length unchanged — ICU default case folding wherever it keeps a
// character's length, then old tone placement made new ("hoà" → "hòa",
// "thuỷ" → "thủy"). When asked, *digits gets every maximal run of ASCII
// digits and *words every maximal run of word characters (vi::is_word), in
// text order, flagged kAsciiOnly when no byte is above 0x7F.
//
// Two engines with one contract, as RE2 keeps several: fold_bytewise()
// walks the text a character at a time and is the reference;
// fold_chunked() classifies 64 bytes at a time (chunk.h) and visits only
// the non-ASCII characters, and is what the library runs — compiled for
// SSE2 and for AVX-512BW, the latter where the CPU has it (chunk_avx512.h).
// Tests compare them (both compilations) on real and random text.
#pragma once

#include <string>
#include <vector>

#include "plancheck/text.h"

namespace plancheck::folding {

void fold_bytewise(std::string& s, std::vector<Text::Run>* digits, std::vector<Text::Word>* words);
void fold_chunked(std::string& s, std::vector<Text::Run>* digits, std::vector<Text::Word>* words);

}  // namespace plancheck::folding
