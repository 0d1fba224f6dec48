#include "toneless.h"

#include <array>
#include <bit>
#include <cstring>
#include <vector>

#include "extract/vocabulary.h"

namespace plancheck::toneless {

namespace {

// The longest bare word of the tables: no longer word is looked at.
constexpr size_t kLongest = 5;

// A word of at most kLongest ASCII bytes as a number: its bytes, little
// end first. From 8 bytes loaded at once where the text has them (the
// words are in the text), whatever the word's length: a longer word gives
// a number no bare word has, and the caller rules it out.
uint64_t key_of(std::string_view s, size_t b, size_t n) {
  static constexpr uint64_t kMask[8] = {0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0};
  uint64_t k = 0;
  if (std::endian::native == std::endian::little && b + 8 <= s.size()) {
    std::memcpy(&k, s.data() + b, 8);
    return k & kMask[n & 7];
  }
  for (size_t i = 0; i < n && i < 8; ++i) k |= uint64_t{static_cast<unsigned char>(s[b + i])} << (8 * i);
  return n < 8 ? k & kMask[n] : 0;
}

// The bare words a rule can read (the second of a pair: a pair is judged
// there), each alone in its slot of a small table (the multiplier is
// chosen so): a word of the text is ruled out by one multiply, one load
// and one compare, without a branch that depends on the word.
struct Bare {
  static constexpr unsigned kBits = 8;
  std::array<uint64_t, 1u << kBits> slot{};
  uint64_t multiplier = 0;
  unsigned at(uint64_t k) const { return static_cast<unsigned>((k * multiplier) >> (64 - kBits)); }
  bool has(uint64_t k) const { return slot[at(k)] == k; }
};

const Bare& bare_words() {
  static const Bare t = [] {
    std::vector<uint64_t> keys;
    for (const auto& m : vocab::kMarklessWords) keys.push_back(key_of(m.bare, 0, m.bare.size()));
    for (const auto& p : vocab::kMarklessPairs) keys.push_back(key_of(p.second, 0, p.second.size()));
    for (const auto& a : vocab::kMarklessAfter) keys.push_back(key_of(a.bare, 0, a.bare.size()));
    Bare x;
    for (uint64_t m = 0x9E3779B97F4A7C15ull;; m += 0x5851F42D4C957F2Aull) {
      x.slot.fill(0);
      x.multiplier = m | 1;
      bool alone = true;
      for (uint64_t k : keys) {
        uint64_t& slot = x.slot[x.at(k)];
        alone = alone && (slot == 0 || slot == k);
        slot = k;
      }
      if (alone) return x;
    }
  }();
  return t;
}

}  // namespace

Found find(std::string_view s, std::string_view norm, const std::vector<Text::Word>& words) {
  Found out;
  const Bare& bare = bare_words();
  // Word k as read: its repaired syllable if it has one, else as written.
  auto read = [&](size_t k) -> std::string_view {
    if (!out.syllables.empty() && out.syllables.back().begin == words[k].begin) return out.syllables.back().marked;
    if (out.syllables.size() >= 2 && out.syllables[out.syllables.size() - 2].begin == words[k].begin)
      return out.syllables[out.syllables.size() - 2].marked;
    return s.substr(words[k].begin, words[k].end - words[k].begin);
  };
  // Whether word k follows word k - 1 after a single space.
  auto follows = [&](size_t k) { return k > 0 && static_cast<uint32_t>(words[k - 1].end) + 1 == words[k].begin && s[words[k - 1].end] == ' '; };
  for (size_t k = 0; k < words.size(); ++k) {
    const Text::Word& word = words[k];
    const size_t b = word.begin, e = word.end;
    const bool hit = bare.has(key_of(s, b, e - b)) & (e - b >= 2) & (e - b <= kLongest) & ((word.flags & Text::kAsciiOnly) != 0);
    if (!hit) continue;
    const std::string_view w = s.substr(b, e - b);
    const bool repaired_before = k > 0 && !out.syllables.empty() && out.syllables.back().begin == words[k - 1].begin;
    // Two words that spell a keyword only together: "dai hoi".
    if (follows(k) && (words[k - 1].flags & Text::kAsciiOnly) && !repaired_before) {
      const std::string_view pw = s.substr(words[k - 1].begin, words[k - 1].end - words[k - 1].begin);
      bool done = false;
      for (const auto& p : vocab::kMarklessPairs)
        if (pw == p.first && w == p.second) {
          const size_t sp = p.keyword.find(' ');
          out.syllables.push_back({words[k - 1].begin, words[k - 1].end, p.keyword.substr(0, sp)});
          out.syllables.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), p.keyword.substr(sp + 1)});
          out.keywords.push_back({words[k - 1].begin, static_cast<uint32_t>(e), p.keyword});
          done = true;
          break;
        }
      if (done) continue;
    }
    // A level word after "đảng bộ": "dang bo huyen".
    if (k >= 2 && follows(k) && follows(k - 1)) {
      bool done = false;
      for (const auto& a : vocab::kMarklessAfter)
        if (w == a.bare) {
          const size_t sp = a.after.find(' ');
          if (read(k - 2) == a.after.substr(0, sp) && read(k - 1) == a.after.substr(sp + 1)) {
            out.syllables.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), a.keyword});
            out.keywords.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), a.keyword});
            done = true;
            break;
          }
        }
      if (done) continue;
    }
    // A date or relation word before a number: "thang 9/2025".
    if (e + 1 < s.size() && s[e] == ' ' && s[e + 1] >= '0' && s[e + 1] <= '9')
      for (const auto& m : vocab::kMarklessWords)
        if (w == m.bare) {
          if (m.lower_only && norm[b] != s[b]) break;  // written with a capital
          out.syllables.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), m.keyword});
          out.keywords.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), m.keyword});
          break;
        }
  }
  return out;
}

}  // namespace plancheck::toneless
