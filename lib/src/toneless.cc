#include "toneless.h"

#include <array>

#include "extract/vocabulary.h"

namespace plancheck::toneless {

namespace {

// The words a rule can read, by their first and last letters: one bit per
// (first, last) pair of the bare words of the tables.
struct Filter {
  std::array<uint32_t, 26> last_by_first{};
  void add(std::string_view w) { last_by_first[w.front() - 'a'] |= 1u << (w.back() - 'a'); }
  bool may(std::string_view w) const {
    const unsigned f = static_cast<unsigned char>(w.front()) - 'a', l = static_cast<unsigned char>(w.back()) - 'a';
    return f < 26 && l < 26 && ((last_by_first[f] >> l) & 1);
  }
};

const Filter& filter() {
  static const Filter f = [] {
    Filter x;
    for (const auto& m : vocab::kMarklessWords) x.add(m.bare);
    for (const auto& p : vocab::kMarklessPairs) x.add(p.second);  // a pair is judged at its second word
    for (const auto& a : vocab::kMarklessAfter) x.add(a.bare);
    return x;
  }();
  return f;
}

// The longest bare word of the tables: no longer word is looked at.
constexpr size_t kLongest = 5;

}  // namespace

Found find(std::string_view s, std::string_view norm, const std::vector<Text::Word>& words) {
  Found out;
  const Filter& f = filter();
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
    if (e - b < 2 || e - b > kLongest || !(word.flags & Text::kAsciiOnly)) continue;
    const std::string_view w = s.substr(b, e - b);
    if (!f.may(w)) continue;
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
