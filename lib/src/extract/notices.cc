// Keyword typos: Telex residue left by a slip of the keyboard ("ngafy" for
// "ngày": f is the Telex key for the grave tone) and a wrong tone on "ủy" in
// a committee's name ("Quận uỳ").
#include <array>
#include <set>

#include "plancheck/extract.h"
#include "vi.h"

namespace plancheck {

namespace {

const std::set<std::string>& keywords() {
  static const std::set<std::string> k = [] {
    std::set<std::string> s;
    for (const char* w : {"ngày", "tháng", "năm", "quý", "trước", "trong", "từ", "đến", "hoàn", "thành", "đại", "hội",
                          "chi", "bộ", "đảng", "huyện", "quận", "tỉnh", "ủy", "kế", "hoạch", "chỉ", "thị", "hướng",
                          "dẫn", "số", "điểm", "cấp", "cơ", "sở", "nhiệm", "kỳ", "xã", "phường", "bầu", "thư",
                          "trực", "thuộc", "quyết", "định", "kết", "luận", "thông", "báo", "nghị", "chậm", "nhất"})
      s.insert(fold(w));
    return s;
  }();
  return k;
}

// Telex: s f r x j set the tone (sắc huyền hỏi ngã nặng); aa aw ee oo ow uw dd
// set the vowel. Returns the keyword the letters spell, if any.
std::optional<std::string> telex_keyword(std::string_view w) {
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
  // Vowel keys.
  std::string v;
  for (size_t i = 0; i < letters.size(); ++i) {
    const char c = letters[i];
    const char n = i + 1 < letters.size() ? letters[i + 1] : 0;
    if (c == 'd' && n == 'd') { v += "đ"; ++i; continue; }
    if (c == 'a' && n == 'a') { v += "â"; ++i; continue; }
    if (c == 'a' && n == 'w') { v += "ă"; ++i; continue; }
    if (c == 'e' && n == 'e') { v += "ê"; ++i; continue; }
    if (c == 'o' && n == 'o') { v += "ô"; ++i; continue; }
    if (c == 'o' && n == 'w') { v += "ơ"; ++i; continue; }
    if (c == 'u' && n == 'w') { v += "ư"; ++i; continue; }
    if (c == 'w') { v += "ư"; continue; }
    v += c;
  }
  if (tone == 0) return keywords().count(v) ? std::optional<std::string>(v) : std::nullopt;
  // Put the tone on each vowel in turn and see which spells a keyword.
  for (size_t i = 0; i < v.size();) {
    size_t len;
    const uint32_t cp = vi::decode(v, i, &len);
    const vi::Vowel vw = vi::vowel(cp);
    if (vw.base) {
      std::string cand = v.substr(0, i);
      vi::append_utf8(cand, vi::with_tone(vw.base, tone));
      cand += v.substr(i + len);
      const std::string f = fold(cand);
      if (keywords().count(f)) return f;
    }
    i += len;
  }
  return std::nullopt;
}

bool suspicious(std::string_view w) {
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (c == 'f' || c == 'j' || c == 'w' || c == 'z') return true;
    if ((c == 's' || c == 'x') && i > 0) return true;
    if (c == 'r' && i > 0 && !(i == 1 && w[0] == 't')) return true;
  }
  return false;
}

const std::set<std::string_view>& committee_words() {
  static const std::set<std::string_view> k = {"quận", "huyện", "tỉnh", "thành", "đảng", "cấp", "chi", "thị"};
  return k;
}

}  // namespace

std::vector<Notice> extract_keyword_notices(const Text& text) {
  const std::string& s = text.folded();
  const std::string& norm = text.normalized();
  std::vector<Notice> out;
  size_t prev_b = 0, prev_e = 0;
  bool have_prev = false;
  // Per byte: 1 a word byte, 2 a Telex key that never ends a Vietnamese
  // word's letters (f j w z), 4 one that only starts a word (s r x), 8 not ASCII.
  static constexpr auto kClass = [] {
    std::array<uint8_t, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[c] = 1;
    for (int c = '0'; c <= '9'; ++c) t[c] = 1;
    for (int c = 0x80; c < 0x100; ++c) t[c] = 1 | 8;
    for (char c : {'f', 'j', 'w', 'z'}) t[static_cast<unsigned char>(c)] |= 2;
    for (char c : {'s', 'r', 'x'}) t[static_cast<unsigned char>(c)] |= 4;
    return t;
  }();
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    if (!(kClass[static_cast<unsigned char>(s[i])] & 1)) { ++i; continue; }
    const size_t b = i;
    uint8_t seen = 0, later = 0;  // classes of all bytes / of bytes after the first
    seen = kClass[static_cast<unsigned char>(s[i++])];
    while (i < n) {
      const uint8_t k = kClass[static_cast<unsigned char>(s[i])];
      if (!(k & 1)) break;
      later |= k;
      ++i;
    }
    seen |= later;
    const std::string_view w(s.data() + b, i - b);
    const bool adjacent = have_prev && b == prev_e + 1 && s[prev_e] == ' ';
    // Only an all-ASCII word with a Telex key in it can be Telex residue.
    if (!(seen & 8) && ((seen & 2) || (later & 4)) && w.size() >= 3 && w.size() <= 8 && suspicious(w)) {
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
    // "Quận uỳ": the syllable "uy" after a committee word carries the hỏi tone.
    const auto w0 = static_cast<unsigned char>(w[0]);
    if (adjacent && w.size() >= 2 && w.size() <= 6 && (w0 == 'u' || w0 == 0xC3 || w0 == 0xC5 || w0 == 0xE1) &&
        vi::strip_tones(w) == "uy" && w != "ủy" &&
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
