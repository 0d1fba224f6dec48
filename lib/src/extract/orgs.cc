#include "extract/orgs.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "extract/scan.h"
#include "extract/vocabulary.h"
#include "swar.h"
#include "vi.h"

namespace plancheck::orgs {

namespace {

bool contains_word(std::string_view s, std::string_view kw) {
  return scan::find_word(s, 0, s.size(), kw).has_value();
}

using vocab::Head;
using vocab::kHeads;
using vocab::Runs;



const scan::KeywordSet& stops() {
  static const scan::KeywordSet set(vocab::kNameStops);
  return set;
}

bool is_stop(std::string_view s, size_t pos, size_t* end) { return stops().match(s, pos, end) >= 0; }
// The same for a word whose end is known.
bool is_stop_word(std::string_view s, size_t pos, size_t word_end, size_t* end) {
  return stops().match_at_word(s, pos, word_end, end) >= 0;
}


// Length of the place word (or place kind) starting with the word
// [pos, word_end), 0 when none.
size_t word_length_in(const scan::KeywordSet& set, std::string_view s, size_t pos, size_t word_end) {
  size_t end;
  return set.match_at_word(s, pos, word_end, &end) >= 0 ? end - pos : 0;
}

size_t place_word(std::string_view s, size_t pos, size_t word_end) {
  static const scan::KeywordSet set(vocab::kPlaceWords);
  return word_length_in(set, s, pos, word_end);
}


size_t name_word(std::string_view s, size_t pos, size_t word_end) {
  static const scan::KeywordSet set(vocab::kNameWords);
  return word_length_in(set, s, pos, word_end);
}

size_t place_kind(std::string_view s, size_t pos, size_t word_end) {
  static const scan::KeywordSet set(vocab::kPlaceKinds);
  return word_length_in(set, s, pos, word_end);
}

bool capitalized_at(const Text& text, size_t pos) {
  size_t len;
  return vi::is_upper(vi::decode(text.normalized(), pos, &len));
}

// An abbreviation written in capitals: "THPT", "NN&PTNT", "CCQ&DN", "VH-TT".
bool abbreviation_at(const Text& text, size_t pos, size_t end) {
  const std::string& n = text.normalized();
  if (pos < end && n[pos] >= 'a' && n[pos] <= 'z') return false;  // most words: a small letter first
  int upper = 0;
  for (size_t i = pos; i < end;) {
    size_t len;
    uint32_t cp = vi::decode(n, i, &len);
    if (vi::is_upper(cp)) ++upper;
    else if (vi::is_letter(cp)) return false;
    i += len;
  }
  return upper >= 2;
}

int numeral_value(std::string_view w) {
  if (w.empty()) return 0;
  bool digits = true;
  for (char c : w) digits = digits && c >= '0' && c <= '9';
  if (digits && w.size() <= 3) {
    int v = 0;
    for (char c : w) v = v * 10 + (c - '0');
    return v;
  }
  if (digits) return 0;
  return vocab::numeral_word_value(w);
}

}  // namespace

namespace {

// Documents repeat the same few phrases ("đảng bộ cơ sở", "Ban Thường vụ
// Huyện ủy"): answers about them are remembered per thread, in a bounded
// table, so parallel checking needs no locks. One open-addressing array, as
// small as the phrases met so far allow (a plan's few dozen stay in L1),
// the phrases' bytes in one string: a lookup is a hash, a probe or two and
// a compare, and allocates nothing (a hash map's bucket was a division and
// a node away).
template <typename V>
class PhraseCache {
 public:
  template <typename F>
  V get(std::string_view key, F compute) {
    if (key.size() > kLongest) return compute(key);
    const uint32_t h = scan::hash(key);
    for (size_t at = h & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.length == kEmpty) break;
      if (slot.hash == h && slot.length == key.size() &&
          swar::same_bytes(bytes_.data() + slot.offset, key.data(), key.size()))
        return slot.value;
    }
    const V v = compute(key);  // (which may ask the cache itself: the slot is found afresh below)
    if (2 * (count_ + 1) > slots_.size()) grow();
    insert(h, static_cast<uint32_t>(bytes_.size()), static_cast<uint8_t>(key.size()), v);
    bytes_.append(key);
    return v;
  }

 private:
  static constexpr size_t kMostSlots = 8192, kLongest = 96;
  static constexpr uint8_t kEmpty = 0xFF;  // a length no phrase kept has
  struct Slot {
    uint32_t hash = 0, offset = 0;
    uint8_t length = kEmpty;
    V value{};
  };
  void insert(uint32_t h, uint32_t offset, uint8_t length, const V& v) {
    size_t at = h & mask_;
    while (slots_[at].length != kEmpty) at = (at + 1) & mask_;
    slots_[at] = {h, offset, length, v};
    ++count_;
  }
  // Twice the slots, or (at the bound) a fresh start.
  void grow() {
    std::vector<Slot> old(slots_.size() < kMostSlots ? 2 * slots_.size() : kMostSlots);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    count_ = 0;
    if (old.size() == kMostSlots) {
      bytes_.clear();
      return;
    }
    for (const Slot& slot : old)
      if (slot.length != kEmpty) insert(slot.hash, slot.offset, slot.length, slot.value);
  }
  std::vector<Slot> slots_ = std::vector<Slot>(64);
  size_t mask_ = 63, count_ = 0;
  std::string bytes_;
};

}  // namespace

LevelGuess level_of_phrase_uncached(std::string_view p);

LevelGuess level_of_phrase(std::string_view p) {
  thread_local PhraseCache<LevelGuess> cache;
  return cache.get(p, level_of_phrase_uncached);
}

namespace {

using vocab::kLevelRows;
using vocab::LevelRow;
using vocab::Says;
using vocab::Where;

// Where `words` stand in p before a city directly under the centre ("thành
// phố Hà Nội", "TP. Huế"), if they do.
std::optional<size_t> before_central_city(std::string_view p, std::string_view words) {
  size_t from = 0;
  while (const auto at = scan::find_word(p, from, p.size(), words)) {
    const size_t c = scan::skip_spaces(p, *at + words.size());
    for (std::string_view city : vocab::kCentralCities)
      if (scan::word_at(p, c, city)) return at;
    from = *at + 1;
  }
  return std::nullopt;
}

// Places an organisation of the province is named by ("Công an tỉnh", "UBND TPHCM").
bool names_a_province(std::string_view p) {
  if (contains_word(p, "tỉnh")) return true;
  for (std::string_view city : vocab::kCentralCities)
    if (contains_word(p, city)) return true;
  return false;
}

}  // namespace

LevelGuess level_of_phrase_uncached(std::string_view p) {
  LevelGuess g;
  while (!p.empty() && p.front() == ' ') p.remove_prefix(1);
  g.plural = p.starts_with("các ") || p.starts_with("những ") || contains_word(p, "còn lại");
  if (p.starts_with("các ")) p.remove_prefix(4);
  if (p.starts_with(vocab::kPilotWord) || p.starts_with(vocab::kTrialWord)) g.pilot = true;
  {
    // "Đại hội XIV của Đảng": a number of ten or more is the national congress's.
    size_t e;
    std::string_view first = scan::next_word(p, 0, nullptr, &e);
    if (scan::roman_value(first) >= 10 && (scan::word_at(p, scan::skip_spaces(p, e), "của đảng") ||
                                           scan::skip_spaces(p, e) >= p.size())) {
      g.level = Level::national;
      return g;
    }
  }
  for (const LevelRow& row : kLevelRows) {
    g.row = static_cast<int16_t>(&row - kLevelRows);
    std::optional<size_t> at;
    if (row.where == Where::head) {
      if (scan::word_at(p, 0, row.words)) at = 0;
    } else if (row.city_after) {
      at = before_central_city(p, row.words);
    } else {
      at = scan::find_word(p, 0, p.size(), row.words);
    }
    if (!at) continue;
    switch (row.says) {
      case Says::national: g.level = Level::national; break;
      case Says::all_levels: g.all_levels = true; break;
      case Says::branch: g.level = Level::branch; break;
      case Says::grassroots: g.level = Level::grassroots; break;
      case Says::district: g.level = Level::district; break;
      case Says::province: g.level = Level::province; break;
      case Says::under_issuer: g.under_issuer = true; break;
      case Says::of_province: g.level = names_a_province(p) ? Level::district : Level::grassroots; break;
      case Says::below_body: {
        const std::string_view body = p.substr(*at + row.words.size());
        if (const auto l = body_level(body)) g.level = level_below(*l);
        else if (row.otherwise) g.level = row.otherwise;
        if (g.level && row.most && *g.level > *row.most) g.level = row.most;
        else g.under_issuer = g.plural = true;  // "các đảng bộ trực thuộc": the issuer's
        if (!g.level && !g.under_issuer) g.level = Level::branch;  // under a branch: nothing lower
        break;
      }
    }
    return g;
  }
  g.row = -1;
  if (p.starts_with("chi bộ") || p.starts_with("chi,") || p == "chi") { g.bare_chi_bo = true; return g; }
  if (p.starts_with("đảng bộ")) g.bare_dang_bo = true;
  return g;
}

std::optional<Level> body_level_uncached(std::string_view n);

std::optional<Level> body_level(std::string_view n) {
  thread_local PhraseCache<std::optional<Level>> cache;
  return cache.get(n, body_level_uncached);
}

namespace {

using vocab::BodyRow;
using vocab::kBodyRows;

}  // namespace

std::optional<Level> body_level_uncached(std::string_view n) {
  while (!n.empty() && n.front() == ' ') n.remove_prefix(1);
  while (!n.empty() && n.back() == ' ') n.remove_suffix(1);
  for (const BodyRow& row : kBodyRows)
    if (row.whole ? n == row.words : contains_word(n, row.words)) return row.level;
  return std::nullopt;
}

const scan::KeywordSet& head_words() {
  static const scan::KeywordSet set = [] {
    std::vector<std::string_view> words;
    for (const auto& h : kHeads) words.push_back(h.words);
    return scan::KeywordSet(words);
  }();
  return set;
}

// kHeads[k] found at pos (k < 0: none), unless it does not count there:
// agencies only when capitalised; "sở" not inside "cơ sở".
const Head* head_found(const Text& text, size_t pos, int k) {
  if (k < 0) return nullptr;
  const std::string_view s = text.folded();
  const Head& h = kHeads[k];
  if (h.needs_capital && !capitalized_at(text, pos)) return nullptr;
  if (h.words == "sở" && scan::word_before(s, scan::skip_spaces_back(s, pos), "cơ")) return nullptr;
  if (!h.not_before.empty() && scan::word_at(s, scan::skip_spaces(s, pos + h.words.size()), h.not_before))
    return nullptr;
  return &h;
}

// The head words of the word [pos, first_end), if any. Called for every
// word of a text: the first-word filter inline, the rest out of line.
inline const Head* head_of_word(const Text& text, size_t pos, size_t first_end) {
  static const scan::KeywordSet& heads = head_words();
  const std::string_view s = text.folded();
  if (!heads.may_be_first_word(s, pos, first_end - pos)) return nullptr;
  return head_found(text, pos, heads.match_word(s, pos, first_end));
}

const Head* head_at(const Text& text, size_t pos) {
  const std::string_view s = text.folded();
  if (pos >= s.size() || !vi::at_word_start(s, pos)) return nullptr;
  return head_of_word(text, pos, scan::word_end(s, pos));
}

// The organisation whose head `head` starts at pos, the word
// text.words()[word], read into `m` (the caller's storage: a mention built
// here and copied out stalled on the copy); false when there is none. (The
// words after it are read from there on.)
bool org_of_head(const Text& text, size_t pos, const Head* head, size_t word, OrgMention& m);

std::optional<OrgMention> org_at(const Text& text, size_t pos) {
  const Head* head = head_at(text, pos);
  if (!head) return std::nullopt;
  std::optional<OrgMention> m(std::in_place);
  if (!org_of_head(text, pos, head, text.first_word_from(pos), *m)) m.reset();
  return m;
}

// The level of an agency's party organisation, its name ending at `end`:
// grassroots, or the head's level where it serves the province ("Công an tỉnh").
Level agency_level(std::string_view s, size_t begin, size_t end, const Head* agency_head) {
  if (!agency_head || !agency_head->of_province) return Level::grassroots;
  // "Công an tỉnh", "Công an tỉnh Hà Tĩnh"; not "Công an huyện …" nor "Công an xã …".
  if (!scan::find_word(s, begin, end, "tỉnh")) return Level::grassroots;
  for (std::string_view lower : vocab::kLowerPlaces)
    if (scan::find_word(s, begin, end, lower)) return Level::grassroots;
  return *agency_head->of_province;
}

bool org_of_head(const Text& text, size_t pos, const Head* head, size_t word, OrgMention& m) {
  const std::string_view s = text.folded();

  m = OrgMention{};
  m.b = pos;
  m.head_end = pos + head->words.size();
  m.type = head->type;
  size_t p = m.head_end;
  size_t end = m.head_end;
  bool first = true;
  bool after_dash = false;
  bool agency_name = head->type == UnitType::agency;
  const Head* agency_head = agency_name ? head : nullptr;  // the last agency head in the name
  bool numbered_branch = false;
  // The head's own last word counts: "Huyện ủy Lạc Dương", "Ban Thường vụ Huyện ủy".
  bool prev_capital = false;
  bool after_kind = false;  // the last word read was a place kind: "phường" (3)
  // A name in sentence case ("Khoa Giáo dục thể chất", "Viện Công nghệ sinh
  // học"): after a capitalised word of an agency whose head runs so, up to
  // kSentenceRun lower-case syllables more, until a stop word or a place.
  static constexpr int kSentenceRun = 3;
  bool sentence = false, placed = false;
  int lower_run = 0;
  // Just after a head that takes a number: "Trung đoàn 990", "Đội 5".
  bool numbered_head = head->runs == Runs::numbered;
  const auto& words = text.words();
  size_t wi = word;
  for (;;) {
    size_t q = scan::skip_spaces(s, p);
    if (q >= s.size()) break;
    // A dash joins parts of one name: "Phòng Tài chính - Kế hoạch".
    if (s[q] == '-' && q + 1 < s.size() && s[q + 1] == ' ' && !first) {
      size_t r = scan::skip_spaces(s, q + 1);
      size_t stop_end;
      if (r < s.size() && (capitalized_at(text, r) || !is_stop(s, r, &stop_end)) && vi::at_word_start(s, r)) {
        size_t len;
        if (vi::is_letter(vi::decode(s, r, &len))) { p = r; after_dash = true; continue; }
      }
      break;
    }
    // The word at q, if one starts there (from the text's words: they come
    // in order and q only moves on).
    while (wi < words.size() && words[wi].begin < q) ++wi;
    if (wi == words.size() || words[wi].begin != q) break;
    const size_t wb = q;
    size_t we = words[wi].end;
    const bool after_numbered_head = numbered_head;
    numbered_head = false;
    if (s[wb] >= '0' && s[wb] <= '9') {
      // "Trung đoàn 990", "Đội 5": the number names the unit, and the name
      // may go on with a place ("Đồn Biên phòng 565 xã …").
      if (after_numbered_head && we - wb <= 4 &&
          (we >= s.size() || s[we] == ' ' || s[we] == ',' || s[we] == '.' || s[we] == ';' || s[we] == ')')) {
        end = p = we;
        m.named = true;
        sentence = prev_capital = false;
        continue;
      }
      const bool closes = we - wb <= 2 && (we >= s.size() || s[we] == ' ' || s[we] == ',' || s[we] == '.' ||
                                           s[we] == ';' || s[we] == ')');
      // A number closes a name it belongs to: "Đảng bộ xã Sơn Kim 1", "Phường 5".
      if ((prev_capital || after_kind) && closes) {
        end = we;
        if (after_kind) m.named = true;  // "Đảng bộ phường 3"
      }
      // A numbered branch is named by its number and its parent: "chi bộ 2
      // trực thuộc Đảng bộ Phòng Tham mưu".
      if (first && closes && we < s.size() && s[we] == ' ' && head->type != UnitType::committee &&
          head->type != UnitType::agency) {
        const size_t after = scan::skip_spaces(s, we);
        size_t tt;
        if (scan::word_at(s, after, "trực thuộc") && (tt = scan::skip_spaces(s, after + std::string_view("trực thuộc").size())) < s.size()) {
          if (const Head* parent = head_at(text, tt); parent && parent->type != UnitType::agency) {
            OrgMention pm;
            if (org_of_head(text, tt, parent, text.first_word_from(tt), pm) && pm.named) {
              end = pm.e;
              m.named = true;
              m.level = Level::branch;
              numbered_branch = true;
            }
          }
        }
      }
      break;
    }
    const size_t word_end = we;  // `we` may grow to a multi-word place word
    bool kind_here = false;
    // Another head inside the name: "Ban Thường vụ Huyện ủy", "Đảng bộ Trung tâm …".
    if (const Head* inner = head_of_word(text, wb, word_end); inner && wb != m.b) {
      if (inner->type == UnitType::agency) {
        agency_name = m.named = true;
        agency_head = inner;
      }
      end = wb + inner->words.size();
      p = end;
      prev_capital = false;
      numbered_head = inner->runs == Runs::numbered;
      sentence = false;
      first = false;
      continue;
    }
    size_t stop_end;
    // "đảng bộ các huyện", "chi bộ các xã": a plural, whose places may be
    // listed after it.
    if (first && word_end - wb == std::string_view("các").size() && s.substr(wb, word_end - wb) == "các") {
      const size_t kb = scan::skip_spaces(s, word_end);
      size_t kind_len = 0;
      if (kb < s.size()) {
        size_t ke;
        scan::next_word(s, kb, nullptr, &ke);
        kind_len = place_kind(s, kb, ke);
      }
      if (kind_len > 0 && !capitalized_at(text, kb)) {
        m.plural_kind_b = kb;
        m.plural_kind_e = end = kb + kind_len;
        break;
      }
    }
    // A word written with a capital belongs to the name ("Mới Nang", "Kế hoạch").
    const bool capital = capitalized_at(text, wb) || abbreviation_at(text, wb, we);
    // "và" joins two parts of an agency's name written with capitals
    // ("Sở Tài nguyên và Môi trường", "Phòng Cảnh sát PCCC và CNCH"), not two
    // organisations ("… và Văn phòng UBND tỉnh", "… và Đảng bộ xã B").
    if (!capital && agency_name && !first && word_end - wb == std::string_view("và").size() &&
        s.substr(wb, word_end - wb) == "và") {
      size_t nb, ne;
      scan::next_word(s, scan::skip_spaces(s, word_end), &nb, &ne);
      if (ne > nb && nb == scan::skip_spaces(s, word_end) && vi::at_word_start(s, nb) &&
          (capitalized_at(text, nb) || abbreviation_at(text, nb, ne)) && !head_at(text, nb)) {
        p = word_end;
        prev_capital = false;
        continue;
      }
    }
    // A lower-case word continues a name only as the second syllable of a
    // capitalised word ("Tài chính", "Y tế"), as a place word ("Bưu điện
    // tỉnh"), as one of the words agencies are named after ("Trường cao đẳng
    // y tế", "Phòng Cảnh sát giao thông": before the stop words, which have
    // "giao"), or after a dash ("Mặt trận - các đoàn thể").
    // (Also with a capital: "Phòng Hậu cần", whose "cần" is a stop word.)
    const size_t field = !agency_name || abbreviation_at(text, wb, word_end) ? 0 : name_word(s, wb, word_end);
    // "số N" in an agency's name: "Trường Tiểu học số 2", "Đội Quản lý thị trường số 5".
    if (!capital && agency_name && !first && s.substr(wb, word_end - wb) == "số") {
      size_t nb, ne;
      scan::next_word(s, scan::skip_spaces(s, word_end), &nb, &ne);
      if (ne > nb && ne - nb <= 4 && s[nb] >= '0' && s[nb] <= '9' && nb == scan::skip_spaces(s, word_end) &&
          std::all_of(s.begin() + nb, s.begin() + ne, [](char c) { return c >= '0' && c <= '9'; })) {
        while (wi < words.size() && words[wi].begin < nb) ++wi;
        end = p = ne;
        sentence = prev_capital = false;
        continue;
      }
    }
    if (!capital && field == 0 && is_stop_word(s, wb, word_end, &stop_end)) break;
    const size_t place = capital || field > 0 ? 0 : place_word(s, wb, word_end);
    const bool runs_on = sentence && lower_run < kSentenceRun;
    if (!capital && !first && !after_dash && !(prev_capital && agency_name) && !runs_on && place == 0 && field == 0)
      break;
    if (capital) {
      lower_run = 0;
      sentence = agency_head && agency_head->runs != Runs::capitals && !placed && !abbreviation_at(text, wb, word_end);
    } else if (place > 0) {
      sentence = false;
      placed = true;  // a place ends the name's own words: "Công an tỉnh Lâm Đồng quyết liệt …"
    } else if (field == 0) {
      ++lower_run;
    }
    if (place > 0) we = wb + place;
    if (field > 0) we = wb + field;
    if (first) {
      // A place word, then the name: "xã Đạ Nhim", "thị trấn Lạc Dương".
      if (const size_t kind_len = place_kind(s, wb, word_end)) {
        const size_t after = scan::skip_spaces(s, wb + kind_len);
        size_t nb, ne;
        std::string_view nw = scan::next_word(s, after, &nb, &ne);
        if (!nw.empty() && nb == after && (capitalized_at(text, nb) || abbreviation_at(text, nb, ne)))
          m.named = true;
        we = wb + kind_len;
        kind_here = placed = true;
      }
      if (!m.named && (capitalized_at(text, wb) || abbreviation_at(text, wb, we))) m.named = true;
      first = false;
    }
    // '&' and '-' inside an abbreviation: "NN&PTNT", "VH-TT&TT"; an apostrophe
    // inside a capitalised name: "Cư M'gar", "Ea H'leo".
    while (we < s.size() && (s[we] == '&' || (s[we] == '-' && we + 1 < s.size() && s[we + 1] != ' ') ||
                             (s[we] == '\'' && capital && we + 1 < s.size() && vi::at_word_start(s, we + 1)))) {
      size_t ne;
      scan::next_word(s, we + 1, nullptr, &ne);
      if (ne <= we + 1) break;
      we = ne;
    }
    // An abbreviation with dots: "Công an T.X Phổ Yên", "UBND TP.Hà Tĩnh".
    while (capital && we + 1 < s.size() && s[we] == '.' && we - wb <= 3 && vi::at_word_start(s, we + 1) &&
           capitalized_at(text, we + 1)) {
      size_t ne;
      scan::next_word(s, we + 1, nullptr, &ne);
      if (ne <= we + 1) break;
      we = ne;
    }
    // (A compound read whole, "Y tế", lends no second syllable.)
    if (capital && !abbreviation_at(text, wb, we) && !(field > 0 && we > word_end)) prev_capital = true;
    else prev_capital = false;
    if (capital && !first) m.named = true;
    after_kind = kind_here;
    end = we;
    p = we;
  }
  m.e = end;
  if (head->type == UnitType::agency || head->type == UnitType::committee) {
    // Committees are named by their head ("Huyện ủy"); agencies need more than
    // the head word to be a name.
    if (head->type == UnitType::agency && m.e == m.head_end && head->words.find(' ') == std::string_view::npos &&
        head->words != "ubnd")
      return false;
    if (head->type == UnitType::agency) m.named = true;
  }
  // The level of the organisation itself.
  const std::string_view phrase = s.substr(m.b, m.e - m.b);
  m.agency = agency_name;
  if (m.type == UnitType::committee) {
    m.level = body_level(phrase);
    // "Đảng ủy Công an tỉnh" (district), "Đảng ủy Công an huyện" (grassroots).
    if (!m.level && agency_head) m.level = agency_level(s, m.b, m.e, agency_head);
  } else if (m.type == UnitType::agency) {
    m.level = agency_level(s, m.b, m.e, agency_head);
  } else if (numbered_branch) {
    m.level = Level::branch;
  } else if (m.type == UnitType::chi_bo && m.named && !agency_name) {
    // A chi bộ is a branch or grassroots, never above: "Chi bộ Khối Vận huyện".
    LevelGuess g = level_of_phrase(phrase);
    m.level = g.level && *g.level < Level::grassroots ? *g.level : Level::grassroots;
  } else {
    LevelGuess g = level_of_phrase(phrase);
    if (g.level) m.level = g.level;
    else if (m.named) m.level = Level::grassroots;  // "Đảng bộ Trung tâm Y tế huyện", "Chi bộ Phòng …"
    // An agency's organisation is grassroots even when its name ends in a
    // place word: "Đảng bộ Công an huyện" is not the district's; the
    // province's police and army are under the Tỉnh ủy ("Đảng bộ Công an tỉnh").
    if (agency_name) m.level = agency_level(s, m.b, m.e, agency_head);
  }
  // A numeral in front counts units: "01 chi bộ", "ít nhất 1 chi bộ", "2 đảng bộ".
  // (The words before the head are the text's words before `word`.)
  const auto word_at = [&](size_t k) { return s.substr(words[k].begin, words[k].end - words[k].begin); };
  if (word > 0 && scan::skip_spaces_back(s, pos) == words[word - 1].end) {
    const size_t wb = words[word - 1].begin;
    int v = numeral_value(word_at(word - 1));
    if (v > 0) {
      m.count = v;
      m.count_begin = wb;
      // "1 - 2 tổ chức cơ sở đảng": at least the lower number.
      const size_t dash = scan::skip_spaces_back(s, wb);
      if (dash > 0 && s[dash - 1] == '-' && word > 1) {
        if (int lv = numeral_value(word_at(word - 2)); lv > 0 && lv < v) {
          m.count = lv;
          m.count_begin = words[word - 2].begin;
        }
      }
    }
  }
  return true;
}

// The places listed after a plural ("đảng bộ các huyện: Hương Sơn, Thạch Hà
// và …", "Đảng bộ các huyện Hương Sơn, Thạch Hà, …"), each a mention named
// as written, appended to `out`; returns where the list ends (the plural's
// end when none follows).
size_t list_places(const Text& text, const OrgMention& plural, std::vector<OrgMention>& out) {
  const std::string_view s = text.folded();
  size_t p = scan::skip_spaces(s, plural.e);
  if (p < s.size() && s[p] == ':') p = scan::skip_spaces(s, p + 1);
  // The level of one of them: "đảng bộ" + "huyện".
  std::string one(s.substr(plural.b, plural.head_end - plural.b));
  one += ' ';
  one += s.substr(plural.plural_kind_b, plural.plural_kind_e - plural.plural_kind_b);
  const std::optional<Level> level = level_of_phrase(one).level;
  size_t last = plural.e;
  for (;;) {
    // A place: capitalised words, not the head of another organisation.
    size_t nb = p, ne = p;
    for (size_t q = p;;) {
      size_t wb, we;
      scan::next_word(s, q, &wb, &we);
      if (we <= wb || wb != q || !vi::at_word_start(s, wb) || !capitalized_at(text, wb) || head_at(text, wb)) break;
      ne = we;
      q = scan::skip_spaces(s, we);
    }
    if (ne == nb) break;
    OrgMention& m = out.emplace_back();
    m.b = nb;
    m.e = m.head_end = m.resume = ne;
    m.type = plural.type;
    m.level = level;
    m.named = m.listed = true;
    last = ne;
    size_t r = scan::skip_spaces(s, ne);
    if (r < s.size() && s[r] == ',') r = scan::skip_spaces(s, r + 1);
    else if (scan::word_at(s, r, "và")) r = scan::skip_spaces(s, r + std::string_view("và").size());
    else break;
    p = r;
  }
  return last;
}

std::optional<OrgMention> place_at(const Text& text, size_t pos) {
  const std::string_view s = text.folded();
  if (pos >= s.size() || !vi::at_word_start(s, pos)) return std::nullopt;
  const size_t kind_len = place_kind(s, pos, scan::word_end(s, pos));
  if (kind_len == 0) return std::nullopt;
  size_t ne = 0;
  for (size_t q = scan::skip_spaces(s, pos + kind_len);;) {
    size_t wb, we;
    scan::next_word(s, q, &wb, &we);
    if (we <= wb || wb != q || !capitalized_at(text, wb) || head_at(text, wb)) break;
    ne = we;
    q = scan::skip_spaces(s, we);
  }
  if (ne == 0) return std::nullopt;
  OrgMention m;
  m.b = pos;
  m.e = m.resume = ne;
  m.head_end = pos + kind_len;
  m.type = UnitType::dang_bo;
  m.level = level_of_phrase("đảng bộ " + std::string(s.substr(pos, kind_len))).level;
  m.named = m.listed = true;
  return m;
}

std::vector<OrgMention> orgs_in(const Text& text, size_t b, size_t e) {
  const std::string_view s = text.folded();
  const auto& words = text.words();
  std::vector<OrgMention> out;
  e = std::min(e, s.size());
  // A whole plan has about one name in 120 bytes: room for them without
  // regrowing (a clause, asked about by OrgIndex::in(), mostly has none).
  if (e > b && e - b >= 2048) out.reserve((e - b) / 96);
  // Word by word (head_of_word() looks up only a word with the length and
  // first bytes of a head's first word).
  for (size_t k = text.first_word_from(b); k < words.size() && words[k].begin < e; ++k) {
    const size_t i = words[k].begin, we = words[k].end;
    const Head* head = head_of_word(text, i, we);
    if (!head) continue;
    OrgMention& m = out.emplace_back();
    if (!org_of_head(text, i, head, k, m)) {
      out.pop_back();
      continue;
    }
    // Go on after the name (and the places listed after a plural).
    m.resume = static_cast<uint32_t>(std::max<size_t>({m.e, m.head_end, we}));
    size_t go_on = m.resume;
    // "5 đảng bộ xã: Phú Lộc, Phú Hòa …": a count of a place kind, then its places.
    if (m.plural_kind_e == 0 && !m.named && m.count > 0) {
      const size_t colon = scan::skip_spaces(s, m.e);
      size_t kb;
      std::string_view kind = scan::prev_word(s, m.e, &kb);
      if (colon < s.size() && s[colon] == ':' && !kind.empty()) {
        // (the kind may be two words: "thị trấn")
        size_t kb2;
        if (scan::prev_word(s, scan::skip_spaces_back(s, kb), &kb2) != "" && kb2 >= m.head_end &&
            place_kind(s, kb2, scan::word_end(s, kb2)) == m.e - kb2)
          kb = kb2;
        if (kb >= m.head_end && place_kind(s, kb, scan::word_end(s, kb)) == m.e - kb) {
          m.plural_kind_b = kb;
          m.plural_kind_e = m.e;
        }
      }
    }
    if (m.plural_kind_e > 0) {
      const OrgMention plural = m;  // (`m` may move as the list grows)
      go_on = std::max(go_on, list_places(text, plural, out));
    }
    while (k + 1 < words.size() && words[k + 1].begin < go_on) ++k;
  }
  return out;
}

std::vector<OrgMention> OrgIndex::in(size_t b, size_t e) const {
  const auto first = std::lower_bound(all_.begin(), all_.end(), b,
                                      [](const OrgMention& m, size_t p) { return m.b < p; });
  if (first != all_.begin() && std::prev(first)->resume > b) return orgs_in(text_, b, e);
  const auto last = std::lower_bound(first, all_.end(), e, [](const OrgMention& m, size_t p) { return m.b < p; });
  return std::vector<OrgMention>(first, last);
}

bool organisation_noun_at(std::string_view s, size_t p) {
  if (!scan::word_at(s, p, kOrganisation)) return false;
  const size_t after = scan::skip_spaces(s, p + kOrganisation.size());
  if (scan::word_at(s, after, "cơ sở") || scan::word_at(s, after, "đảng")) return true;
  return scan::word_before(s, scan::skip_spaces_back(s, p), "ban");
}

size_t congress_phrase_end(std::string_view s, size_t pos, size_t limit) {
  static const scan::KeywordSet kEnds(vocab::kCongressPhraseEnds);
  static const scan::KeywordSet kCancel(scan::views_of<&vocab::CancelWord::words>(vocab::kCancelWords));
  size_t p = pos;
  size_t end = pos;
  while (p < limit) {
    size_t q = scan::skip_spaces(s, p);
    if (q >= limit) break;
    const char c = s[q];
    if (c == ',') {
      // A list of organisations goes on: "đảng bộ, chi bộ cơ sở", "các chi, đảng bộ".
      size_t r = scan::skip_spaces(s, q + 1);
      if (scan::word_at(s, r, "chi bộ") || scan::word_at(s, r, "đảng bộ")) { p = r; continue; }
      // … and so does a list of commune-level places: "đảng bộ xã, phường, đặc khu".
      if (scan::word_at(s, r, "phường") || scan::word_at(s, r, "xã") || scan::word_at(s, r, "thị trấn") ||
          scan::word_at(s, r, "đặc khu")) {
        p = r;
        continue;
      }
      break;
    }
    if (c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '\n' || c == '"') break;
    if (c >= '0' && c <= '9') break;
    // The word's end found once, for the keyword test and for the phrase.
    const size_t we = scan::word_end(s, q);
    if (we == q) {
      // Punctuation we do not know: step over one character.
      size_t len;
      vi::decode(s, q, &len);
      p = q + len;
      continue;
    }
    // "đại hội các tổ chức cơ sở đảng trực thuộc": the noun goes on the phrase.
    if (organisation_noun_at(s, q)) {
      end = p = q + kOrganisation.size();
      continue;
    }
    if (kEnds.match_at_word(s, q, we) >= 0) break;
    // A negation or suspension is the verb group's, not the name's: "Các chi
    // bộ trực thuộc tạm dừng tổ chức đại hội trong tháng 4/2025".
    if (kCancel.match_at_word(s, q, we) >= 0) break;
    end = we;
    p = we;
  }
  return end;
}

Level contextual_chi_bo_level(std::string_view s, size_t pos) {
  // The context is the surrounding article, not the whole corpus.
  constexpr size_t kLookBack = 3000;
  const size_t floor = pos > kLookBack ? pos - kLookBack : 0;
  size_t e = pos;
  while (auto p = scan::rfind_word(s, floor, e, "chi bộ")) {
    const size_t end = congress_phrase_end(s, *p, std::min(s.size(), *p + 120));
    LevelGuess g = level_of_phrase(s.substr(*p, end - *p));
    if (g.level == Level::branch || g.level == Level::grassroots) return *g.level;
    if (*p == 0) break;
    e = *p;
  }
  return Level::branch;
}


std::optional<size_t> pilot_trigger_at(std::string_view s, size_t diem) {
  static const scan::KeywordSet not_after(vocab::kNotPilotWordsAfter);
  const size_t after = scan::skip_spaces(s, diem + vocab::kPilotWord.size());
  if (after < s.size() && vi::at_word_start(s, after) && not_after.match(s, after) >= 0) return std::nullopt;
  const size_t before = scan::skip_spaces_back(s, diem);
  for (std::string_view w : vocab::kPilotWordsBefore) {
    size_t b;
    if (!scan::word_before(s, before, w, &b)) continue;
    // "đại hội thí điểm", "đại hội làm điểm"
    size_t b2;
    if (w != "đại hội" && scan::word_before(s, scan::skip_spaces_back(s, b), "đại hội", &b2)) b = b2;
    return b;
  }
  return std::nullopt;
}

bool pilot_trigger_in(std::string_view s, size_t b, size_t e) {
  size_t from = b;
  while (auto p = scan::find_word(s, from, e, vocab::kPilotWord)) {
    from = *p + 1;
    if (pilot_trigger_at(s, *p)) return true;
  }
  return false;
}

std::string_view without_asides(std::string_view s, size_t b, size_t e, std::string* storage) {
  const std::string_view clause = s.substr(b, e - b);
  if (clause.find('(') == std::string_view::npos) return clause;  // the common case: no copy
  storage->assign(clause);
  int depth = 0;
  for (char& c : *storage) {
    if (c == '(') ++depth;
    if (depth > 0) {
      const bool close = c == ')';
      c = ' ';
      if (close) --depth;
    }
  }
  return *storage;
}

}  // namespace plancheck::orgs
