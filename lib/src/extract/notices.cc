// Keyword typos: Telex residue left by a slip of the keyboard ("ngafy" for
// "ngày": f is the Telex key for the grave tone) and a wrong tone on "ủy" in
// a committee's name ("Quận uỳ").
#include <array>
#include <set>

#include "extract/vocabulary.h"
#include "plancheck/extract.h"
#include "vi.h"

namespace plancheck {

namespace {

const std::set<std::string>& keywords() {
  static const std::set<std::string> k = [] {
    std::set<std::string> s;
    for (std::string_view w : vocab::kTelexKeywords)
      s.insert(fold(w));
    return s;
  }();
  return k;
}

// The keyword the letters spell once decoded as Telex, if any.
std::optional<std::string> telex_keyword(std::string_view w) {
  for (const auto& reading : vi::telex_readings(w)) {
    const std::string f = fold(reading);
    if (keywords().count(f)) return f;
  }
  return std::nullopt;
}

bool suspicious(std::string_view w) {
  // Most words hold none of these letters: one pass without branches says
  // so before the exact rules below.
  static constexpr auto kKeys = [] {
    std::array<uint8_t, 256> t{};
    for (unsigned char c : {'f', 'j', 'w', 'z'}) t[c] = 3;  // anywhere
    for (unsigned char c : {'s', 'x', 'r'}) t[c] = 2;       // after the first letter
    return t;
  }();
  unsigned any = kKeys[static_cast<unsigned char>(w[0])] & 1;
  for (size_t i = 1; i < w.size(); ++i) any |= kKeys[static_cast<unsigned char>(w[i])];
  if (!any) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (c == 'f' || c == 'j' || c == 'w' || c == 'z') return true;
    if ((c == 's' || c == 'x') && i > 0) return true;
    if (c == 'r' && i > 0 && !(i == 1 && w[0] == 't')) return true;
  }
  return false;
}

// (Keywords typed without their diacritics, "trong thang 9/2025", are read
// as the keyword by Text, which says so: text.h, toneless.h.)

const std::set<std::string_view>& committee_words() {
  static const std::set<std::string_view> k(std::begin(vocab::kCommitteeSyllables), std::end(vocab::kCommitteeSyllables));
  return k;
}

}  // namespace

std::vector<Notice> extract_keyword_notices(const Text& text) {
  const std::string& s = text.folded();
  const std::string& norm = text.normalized();
  std::vector<Notice> out;
  size_t prev_b = 0, prev_e = 0;
  bool have_prev = false;
  for (const Text::Word& word : text.words()) {
    const size_t b = word.begin, i = word.end;
    const std::string_view w(s.data() + b, i - b);
    // Only an all-ASCII word with a Telex key in it can be Telex residue.
    if ((word.flags & Text::kAsciiOnly) && w.size() >= 3 && w.size() <= 8 && suspicious(w)) {
      if (auto k = telex_keyword(w); k && *k != w) {
        Notice n;
        n.code = "typo";
        n.text = norm.substr(b, i - b);
        n.suggestion = *k;
        n.message = "'" + n.text + "' looks like a mistyped '" + *k + "' (Telex tone key left in the word)";
        n.span = text.span(b, i);
        out.push_back(std::move(n));
      }
    }
    // "Quận uỳ": the syllable "uy" after a committee word carries the hỏi
    // tone. (The cheap tests on the word itself first: few words pass them.
    // Every spelling of "uy" is two to four bytes and has its tone on one
    // of the two letters, so it starts with 'u' or ends with 'y'; and
    // "ủy" itself, the commonest, is ruled out before the toneless spelling
    // is built.)
    if (w.size() - 2 <= 2 && (w.front() == 'u' || w.back() == 'y') && w != "ủy" && have_prev &&
        b == prev_e + 1 && s[prev_e] == ' ' && vi::strip_tones(w) == "uy" &&
        committee_words().count(std::string_view(s.data() + prev_b, prev_e - prev_b))) {
      size_t nb = i;
      while (nb < s.size() && s[nb] == ' ') ++nb;
      const bool uy_tin = s.compare(nb, 3, "tín") == 0 || s.compare(nb, 3, "lực") == 0 ||
                          s.compare(nb, 4, "danh") == 0 || s.compare(nb, 7, "nghiêm") == 0;
      if (!uy_tin) {
        Notice n;
        n.code = "typo";
        n.text = norm.substr(b, i - b);
        n.suggestion = "ủy";
        n.message = "wrong tone in '" + norm.substr(prev_b, i - prev_b) + "': the word is '" +
                    norm.substr(prev_b, prev_e - prev_b) + " ủy'";
        n.span = text.span(b, i);
        out.push_back(std::move(n));
      }
    }
    prev_b = b;
    prev_e = i;
    have_prev = true;
  }
  return out;
}

}  // namespace plancheck
