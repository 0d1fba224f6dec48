// Temporal expressions: the calendar "atoms" (a day, a month, a quarter …;
// time_atoms.h) are matched around each run of digits and read here; the
// words in front give the relation and the part; adjacent atoms joined by
// "đến"/"-" make a range. See docs/extraction.md for the exact semantics.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>

#include "extract/document_code.h"
#include "extract/document_term.h"
#include "extract/scan.h"
#include "extract/time_atoms.h"
#include "extract/vocabulary.h"
#include "plancheck/extract.h"
#include "vi.h"

namespace plancheck {

namespace {

using times::AtomKind;

struct Atom {
  size_t b = 0, e = 0;
  AtomKind kind = AtomKind::day;
  int d = 0, m = 0, y = 0;  // y = 0: not written
  int d2 = 0, m2 = 0;       // range ends
  int q = 0, h = 0;
  bool year_inferred = false;
  // Written without "ngày" and without a year ("22/1", "14-15/7"): a date
  // only after a time of day or a relation word.
  bool bare = false;
};

bool plausible_year(int y) { return y >= 1900 && y <= 2199; }

// The atom match_atom() matched, read for the calendar: its kind and
// numbers as the grammar declares them (time_atoms.cc); no atom when a
// written year is implausible, a month above 12, or the two separators of
// a whole date differ ("20/9-2024" is not one date).
std::optional<Atom> read_atom(const times::AtomMatch& m) {
  using times::Slot;
  const auto value = [&m](Slot s) { return m.has(s) ? m[s] : 0; };
  Atom a;
  a.kind = m.kind;
  a.bare = m.bare;
  a.d = value(Slot::day);
  a.m = value(Slot::month);
  a.y = value(Slot::year);
  a.d2 = value(Slot::day2);
  a.m2 = value(Slot::month2);
  a.q = value(Slot::quarter);
  a.h = value(Slot::half);
  if (m.has(Slot::year) && !plausible_year(a.y)) return std::nullopt;
  if (a.m > 12 || a.m2 > 12) return std::nullopt;
  if (m.has(Slot::sep) && m[Slot::sep] != m[Slot::sep2]) return std::nullopt;
  return a;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Where an atom that contains the digits at `run` may start: the word in
// front that opens it ("ngày", "tháng", "quý", "năm", "nửa …", "6 tháng …")
// or the digits themselves. Tried in order, longest reach first.
// `first_word`: the index of the first word that begins at or after `run`.
size_t atom_starts(const Text& text, size_t run, size_t first_word, size_t* starts) {
  const std::string_view s = text.folded();
  const auto& words = text.words();
  // The four words before the digits, nearest first, while only spaces,
  // '/' or '-' stand between them ("quý I/2025", "sáu tháng đầu năm 2025").
  // A word ending at e is the part before e of the word holding e - 1 (the
  // letters of "quý2" end where its digits begin).
  size_t pos[4];
  std::string_view w[4];
  size_t k = 0, end = run;
  size_t j = first_word;  // the first word that begins at or after the digits
  while (k < 4) {
    const size_t gap = scan::skip_spaces_back(s, end);
    const size_t e = (gap > 0 && (s[gap - 1] == '/' || s[gap - 1] == '-')) ? gap - 1 : gap;
    if (e == end && k > 0) break;  // words must be separated
    while (j > 0 && words[j - 1].begin >= e) --j;
    if (j == 0 || words[j - 1].end < e) break;  // no word ends at e
    const size_t wb = words[j - 1].begin;
    pos[k] = wb;
    w[k] = s.substr(wb, e - wb);
    ++k;
    end = wb;
    // Only a year after "năm" or after a quarter's number can belong to an
    // atom that starts further back ("nửa đầu năm 2025", "quý I/2025"):
    // other digits need no more words (most runs stop here).
    if (k == 1 && w[0] != "năm" && w[0] != "i" && w[0] != "ii" && w[0] != "iii" && w[0] != "iv" &&
        !(w[0].size() == 1 && w[0][0] >= '1' && w[0][0] <= '4'))
      break;
  }
  size_t n = 0;
  for (size_t i = k; i-- > 0;)  // furthest first
    if (w[i] == "quý" || w[i] == "nửa" || w[i] == "sáu" || (w[i] == "6" && i > 0 && w[i - 1] == "tháng") ||
        (w[i] == "tháng" && i >= 2 && w[0] == "năm"))  // "tháng Năm năm 2025"
      starts[n++] = pos[i];
  if (k > 0 && s[run - 1] == ' ' && (w[0] == "ngày" || w[0] == "tháng" || w[0] == "năm")) starts[n++] = pos[0];
  starts[n++] = run;
  return n;
}


// "cuối thangs 7/2025", "ngafy 14/6/2024": the word before the digits is a
// date word mistyped with a Telex key left in it, or typed without its
// marks ("ngay 31/8"). Returns the word it stands for, so the atom can be
// read from a patched copy (offsets shifted by the difference in length).
// `before` is the text's word before the run (nullptr when none).
std::optional<std::string> mistyped_date_word(std::string_view s, size_t run, const Text::Word* before, size_t* at) {
  if (!before || static_cast<size_t>(before->end) + 1 != run || s[run - 1] != ' ') return std::nullopt;
  const size_t wb = before->begin;
  const std::string_view prev = s.substr(wb, before->end - wb);
  if (prev.size() < 3 || prev.size() > 6) return std::nullopt;
  for (char c : prev)
    if (c < 'a' || c > 'z') return std::nullopt;
  // Typed without its marks ("truoc ngay 31/8"): longer once patched.
  for (const auto& m : vocab::kMarklessWords)
    if (m.date_word && prev == m.bare) {
      *at = wb;
      return std::string(m.keyword);
    }
  for (const auto& reading : vi::telex_readings(prev)) {
    const std::string f = fold(reading);
    if ((f == "ngày" || f == "tháng" || f == "năm" || f == "quý") && f.size() == prev.size()) {
      *at = wb;
      return f;
    }
  }
  return std::nullopt;
}

// Whether an atom is worth trying at this run of digits: a keyword opens it, or
// a separator and more digits follow, or "tháng" does ("6 tháng đầu năm").
bool may_start_date(std::string_view s, size_t b, size_t e, size_t starts) {
  if (e - b > 4) return false;
  if (starts > 1) return true;
  if (e + 1 < s.size() && (s[e] == '/' || s[e] == '.' || s[e] == '-') && is_digit(s[e + 1])) return true;
  if (e + 2 < s.size() && s[e] == ' ' && s[e + 1] == '-') return true;  // "15 - 30/3/2020"
  const size_t next = scan::skip_spaces(s, e);
  // "chiều 16 và sáng 17.10"
  return scan::word_at(s, next, "tháng") || scan::word_at(s, next, "đến") || scan::word_at(s, next, "và");
}

// Finds atoms by anchored matches at the places a date can start, next to
// runs of digits: the matching only runs where a date can be.
std::vector<Atom> find_atoms(const Text& text) {
  const std::string_view s = text.folded();
  const auto& runs = text.digit_runs();
  std::vector<Atom> atoms;
  atoms.reserve(runs.size() / 2 + 1);  // in plans about one run in three starts a date
  const size_t n = s.size();
  size_t done = 0;  // end of the last atom: no atom is found twice
  const auto& words = text.words();
  size_t first_word = 0;  // runs come in text order: a cursor, not a search per run
  for (const auto& run : runs) {
    if (run.begin < done) continue;
    while (first_word < words.size() && words[first_word].begin < run.begin) ++first_word;
    size_t starts[6];
    const size_t count = atom_starts(text, run.begin, first_word, starts);
    if (!may_start_date(s, run.begin, run.end, count)) continue;
    // A mistyped date word: match on a patched copy of the window (same length).
    size_t typo_at = 0;
    std::string patched;
    const Text::Word* before = first_word > 0 ? &words[first_word - 1] : nullptr;
    if (const auto word = mistyped_date_word(s, run.begin, before, &typo_at); word && typo_at >= done) {
      const size_t typed = before->end - before->begin;  // the word as typed
      patched.assign(s.substr(typo_at, std::min(n, typo_at + 64) - typo_at));
      patched.replace(0, typed, *word);
      const auto m = times::match_atom(patched, 0, patched.size());
      const size_t end = m && m->end >= word->size() ? typo_at + m->end - (word->size() - typed) : 0;
      if (m && end > run.begin && vi::at_word_end(s, end)) {
        if (auto a = read_atom(*m)) {
          a->b = typo_at;
          a->e = end;
          atoms.push_back(*a);
          done = a->e;
          continue;
        }
      }
    }
    for (size_t k = 0; k < count; ++k) {
      const size_t b = starts[k];
      if (b < done) continue;
      const auto matched = times::match_atom(s, b, std::min(n, b + 64));
      if (!matched) continue;
      const size_t e = matched->end;
      if (e <= run.begin) continue;  // must take in these digits
      const bool bounded = vi::at_word_start(s, b) && vi::at_word_end(s, e) &&
                           !(b > 1 && (s[b - 1] == '/' || s[b - 1] == '.' || s[b - 1] == '-') && is_digit(s[b - 2]));
      if (!bounded) continue;
      auto a = read_atom(*matched);
      if (!a) continue;
      // "ngày 25/9" must not be the start of a longer date.
      if ((a->kind == AtomKind::day_no_year || a->kind == AtomKind::day_month) && e < n && s[e] == '/' &&
          e + 1 < n && is_digit(s[e + 1]))
        continue;
      a->b = b;
      a->e = e;
      atoms.push_back(*a);
      done = e;
      break;
    }
  }
  // A quarter numbered in Roman figures with no year holds no digits ("vào
  // cuối quý II."): found at its word "quý", which few texts hold.
  const size_t found = atoms.size();
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const Text::Word& w = words[i];
    if (s[w.begin] != 'q' || s.substr(w.begin, w.end - w.begin) != "quý") continue;
    const std::string_view num = s.substr(words[i + 1].begin, words[i + 1].end - words[i + 1].begin);
    if (num != "i" && num != "ii" && num != "iii" && num != "iv") continue;
    const auto matched = times::match_atom(s, w.begin, std::min(n, size_t{w.begin} + 64));
    if (!matched || matched->end != words[i + 1].end || !vi::at_word_start(s, w.begin) ||
        !vi::at_word_end(s, matched->end))
      continue;
    if (auto a = read_atom(*matched); a && a->kind == AtomKind::quarter_no_year) {
      a->b = w.begin;
      a->e = matched->end;
      atoms.push_back(*a);
    }
  }
  if (atoms.size() > found)
    std::inplace_merge(atoms.begin(), atoms.begin() + static_cast<std::ptrdiff_t>(found), atoms.end(),
                       [](const Atom& x, const Atom& y) { return x.b < y.b; });
  return atoms;
}

struct Prefix {
  size_t begin = 0;
  std::optional<Relation> relation;
  bool bare_dates = false;  // the relation word makes "22/1" after it a date
  Part part = Part::none;
  int half = 0;              // "nửa đầu tháng 3" 1, "nửa cuối tháng 3" 2
  bool time_of_day = false;  // "Sáng 4.3", "7 giờ 30 phút ngày 1/10"
  bool several_days = false;  // "các ngày 11/10 và ngày 12/10", "hai ngày 24 và 25-2"
  // The relation word was mistyped ("trươc"): it ends at typo_end (it begins
  // at `begin`), the word meant.
  size_t typo_end = 0;
  std::string_view typo_keyword;
};

// Parts, halves, times of day, days named by reference and the words that
// count days in front of a time: vocab::kParts, kHalves, kTimesOfDay,
// kDeicticDays, kSeveralDays.
using vocab::kDeicticDays;
using vocab::kHalves;
using vocab::kParts;
using vocab::kSeveralDays;
using vocab::kTimesOfDay;
constexpr auto kPartWords = scan::views_of<&vocab::PartWord::words>(kParts);
constexpr auto kHalfWords = scan::views_of<&vocab::HalfWord::words>(kHalves);

// Relation words in front of a time (vocab::kRelations), tried in order.
using vocab::kRelations;

// The relation words alone, looked up as the words before an atom.
constexpr auto kRelationWords = scan::views_of<&vocab::RelationWord::words>(kRelations);

// Relation words typed with a mark wrong or missing ("trươc ngày"): vocab::kMarklessRelations.
using vocab::kMarklessRelations;

// A folded word's letters without tones and without the marks of ă â ê ô ơ ư đ.
std::string markless(std::string_view folded_word) {
  struct Letter {
    std::string_view marked, plain;
  };
  static constexpr Letter kLetters[] = {{"ă", "a"}, {"â", "a"}, {"ê", "e"}, {"ô", "o"},
                                        {"ơ", "o"}, {"ư", "u"}, {"đ", "d"}};
  const std::string toneless = vi::strip_tones(folded_word);
  std::string out;
  for (size_t i = 0; i < toneless.size();) {
    bool replaced = false;
    for (const auto& l : kLetters)
      if (toneless.compare(i, l.marked.size(), l.marked) == 0) {
        out += l.plain;
        i += l.marked.size();
        replaced = true;
        break;
      }
    if (!replaced) out += toneless[i++];
  }
  return out;
}

bool takes_part(AtomKind k) {
  return k == AtomKind::month || k == AtomKind::month_no_year || k == AtomKind::quarter ||
         k == AtomKind::quarter_no_year || k == AtomKind::year;
}
bool day_like(AtomKind k) {
  return k == AtomKind::day || k == AtomKind::day_no_year || k == AtomKind::day_month || k == AtomKind::bare_day;
}
bool month_like(AtomKind k) { return k == AtomKind::month || k == AtomKind::month_no_year; }
bool quarter_like(AtomKind k) { return k == AtomKind::quarter || k == AtomKind::quarter_no_year; }
// The first month an atom names, to tell the year of a range's first end
// from its second's ("từ tháng 11 đến tháng 2/2021": 2020).
int first_month(const Atom& a) {
  if (a.m) return a.m;
  if (a.q) return 3 * a.q - 2;
  if (a.h) return 6 * a.h - 5;
  return 1;
}

// Where a run of one or two digits ending at `end` (spaces skipped) starts,
// else nullopt.
std::optional<size_t> small_number_before(std::string_view s, size_t end) {
  const size_t e = scan::skip_spaces_back(s, end);
  size_t b = e;
  while (b > 0 && is_digit(s[b - 1]) && e - b < 3) --b;
  if (b == e || e - b > 2 || !vi::at_word_start(s, b)) return std::nullopt;
  return b;
}

// A clock time ending at `end`: "7 giờ 30 phút", "14 giờ", "7h30" ("từ 7 giờ 30 phút
// ngày 1/10 đến 11 giờ 30 phút ngày 2/10"). Its start, else nullopt.
std::optional<size_t> clock_before(std::string_view s, size_t end) {
  size_t p = scan::skip_spaces_back(s, end), wb;
  // "7h30", "14h", "8h00".
  {
    size_t q = p;
    while (q > 0 && p - q < 2 && is_digit(s[q - 1])) --q;
    if (q > 0 && s[q - 1] == 'h') {
      const size_t hours_end = q - 1;
      size_t h = hours_end;
      while (h > 0 && hours_end - h < 2 && is_digit(s[h - 1])) --h;
      if (h < hours_end && vi::at_word_start(s, h)) return h;
    }
  }
  if (scan::word_before(s, p, "phút", &wb)) {
    const auto minutes = small_number_before(s, wb);
    if (!minutes) return std::nullopt;
    p = scan::skip_spaces_back(s, *minutes);
  }
  if (!scan::word_before(s, p, "giờ", &wb)) return std::nullopt;
  return small_number_before(s, wb);
}

// Where the time of day in front of a day atom begins ("sáng", "buổi
// chiều", "7 giờ 30 phút", "8 giờ sáng"), `b` when there is none.
size_t time_of_day_before(std::string_view s, size_t b) {
  static constexpr scan::WordsBefore kTimesOfDayBefore(kTimesOfDay);
  size_t begin = b;
  for (int k = 0; k < 2; ++k) {  // "8 giờ sáng ngày 13/10": a clock and a time of day, either order
    size_t at;
    if (kTimesOfDayBefore.find(s, scan::skip_spaces_back(s, begin), &at)) begin = at;
    else if (const auto c = clock_before(s, begin)) begin = *c;
    else break;
  }
  return begin;
}

Prefix prefix_of(std::string_view s, const Atom& a) {
  Prefix p;
  p.begin = a.b;
  size_t begin;
  if (a.kind == AtomKind::month || a.kind == AtomKind::month_no_year) {
    static constexpr scan::WordsBefore kHalvesBefore(kHalfWords);
    if (auto k = kHalvesBefore.find(s, scan::skip_spaces_back(s, p.begin), &begin)) {
      p.half = kHalves[*k].half;
      p.begin = begin;
    }
  }
  if (takes_part(a.kind) && p.half == 0) {
    static constexpr scan::WordsBefore kPartsBefore(kPartWords);
    if (auto k = kPartsBefore.find(s, scan::skip_spaces_back(s, p.begin), &begin)) {
      p.part = kParts[*k].part;
      p.begin = begin;
    }
  }
  if (day_like(a.kind) || a.kind == AtomKind::day_range) {
    static constexpr scan::WordsBefore kDeicticBefore(kDeicticDays);
    if (a.b > 0 && s[a.b - 1] == '(' && kDeicticBefore.find(s, scan::skip_spaces_back(s, a.b - 1))) {
      p.time_of_day = true;  // "Sáng nay (14/7)": the parenthesis is the expression
      return p;
    }
    begin = time_of_day_before(s, p.begin);
    p.time_of_day = begin != p.begin;
    p.begin = begin;
    static constexpr scan::WordsBefore kSeveralBefore(kSeveralDays);
    if (!p.time_of_day && s[a.b] == 'n' && kSeveralBefore.find(s, scan::skip_spaces_back(s, p.begin), &begin)) {
      p.several_days = true;
      p.begin = begin;
    }
  }
  static constexpr scan::WordsBefore kRelationsBefore(kRelationWords);
  if (auto k = kRelationsBefore.find(s, scan::skip_spaces_back(s, p.begin), &begin)) {
    p.relation = kRelations[*k].relation;
    p.bare_dates = kRelations[*k].bare_dates;
    p.begin = begin;
    return p;
  }
  // A relation word with a wrong or missing mark: the word before, 3 to 10 bytes.
  const size_t e = scan::skip_spaces_back(s, p.begin);
  if (e == p.begin || e < 3 || (s[e - 1] != 'c' && s[e - 1] != 'n' && s[e - 1] != 'o')) return p;  // truoc, den, vao
  size_t wb = e;
  while (wb > 0 && e - wb <= 10 && ((s[wb - 1] >= 'a' && s[wb - 1] <= 'z') || (s[wb - 1] & 0x80))) --wb;
  if (e - wb < 3 || e - wb > 10 || !vi::at_word_start(s, wb)) return p;
  const std::string letters = markless(s.substr(wb, e - wb));
  for (const auto& r : kMarklessRelations)
    if (letters == r.letters) {
      p.relation = r.relation;
      p.bare_dates = true;
      p.begin = wb;
      bool ascii = true;
      for (size_t i = wb; i < e; ++i) ascii = ascii && !(s[i] & 0x80);
      const bool said = ascii && ((r.said_before_number && is_digit(s[a.b])) ||
                                  (!r.said_before.empty() && s.compare(a.b, r.said_before.size(), r.said_before) == 0));
      if (!said) {
        p.typo_end = e;
        p.typo_keyword = r.keyword;
      }
      break;
    }
  return p;
}


// The connector between two atoms that makes them one range, if any: "-",
// "đến" …, or "và" after words that count days ("các ngày 11/10 và ngày
// 12/10") or between two months ("trong tháng 12/2019 và tháng 01/2020";
// the caller checks that they follow each other). B's time of day is no gap
// ("từ 7 giờ 30 phút ngày 1/10 đến 11 giờ 30 phút ngày 2/10"), nor is the
// part word of a month, quarter or year ("từ tháng 3 đến cuối tháng
// 5-2020"): *b_part gets it.
bool joins_range(std::string_view s, const Atom& a, const Atom& b, bool several_days, Part* b_part = nullptr) {
  if (b.b < a.e || b.b - a.e > 48) return false;  // more than a connector and a clock time apart (most pairs)
  size_t b_begin = day_like(b.kind) ? time_of_day_before(s, b.b) : b.b;
  Part part = Part::none;
  if (takes_part(b.kind)) {
    static constexpr scan::WordsBefore kPartsBefore(kPartWords);
    size_t at;
    if (auto k = kPartsBefore.find(s, scan::skip_spaces_back(s, b_begin), &at); k && at >= a.e) {
      part = kParts[*k].part;
      b_begin = at;
    }
  }
  if (b_begin < a.e || b_begin - a.e > 20) return false;  // " đến hết " is 14 bytes
  std::string_view gap = s.substr(a.e, b_begin - a.e);
  while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  if (b_part) *b_part = part;
  if (gap == "và")
    return (several_days || (month_like(a.kind) && month_like(b.kind)) || (quarter_like(a.kind) && quarter_like(b.kind))) &&
           part == Part::none;
  return std::find(std::begin(vocab::kRangeConnectors), std::end(vocab::kRangeConnectors), gap) !=
         std::end(vocab::kRangeConnectors);
}


Period apply_part(Period p, Part part) {
  if (part == Part::none) return p;
  const int k = static_cast<int>(part) - 1;  // 0 early, 1 mid, 2 late
  switch (p.grain) {
    case Grain::month: {
      const int last = p.end.day;
      p.start.day = 1 + 10 * k;
      p.end.day = k == 2 ? last : 10 * (k + 1);
      return p;
    }
    case Grain::quarter: {
      const int m = p.start.month + k;
      return {{p.start.year, m, 1}, CivilDate::last_of_month(p.start.year, m), Grain::quarter};
    }
    case Grain::year: {
      const int m0 = 1 + 4 * k;
      return {{p.start.year, m0, 1}, CivilDate::last_of_month(p.start.year, m0 + 3), Grain::year};
    }
    default:
      return p;
  }
}

// The period an atom names; nullopt for a day that does not exist.
std::optional<Period> period_of(const Atom& a) {
  switch (a.kind) {
    case AtomKind::day:
    case AtomKind::day_no_year:
    case AtomKind::day_month:
    case AtomKind::bare_day: {
      auto d = CivilDate::make(a.y, a.m, a.d);
      if (!d) return std::nullopt;
      return Period::day(*d);
    }
    case AtomKind::day_range: {
      auto d1 = CivilDate::make(a.y, a.m, a.d), d2 = CivilDate::make(a.y, a.m, a.d2);
      if (!d1 || !d2 || *d2 < *d1) return std::nullopt;
      return Period{*d1, *d2, Grain::day};
    }
    case AtomKind::month:
    case AtomKind::month_no_year:
      if (a.m < 1) return std::nullopt;
      return Period::month(a.y, a.m);
    case AtomKind::month_range: {
      if (a.m < 1 || a.m2 < a.m) return std::nullopt;
      return Period{{a.y, a.m, 1}, CivilDate::last_of_month(a.y, a.m2), Grain::month};
    }
    case AtomKind::quarter:
    case AtomKind::quarter_no_year:
      return Period::quarter(a.y, a.q);
    case AtomKind::half:
      return Period::half(a.y, a.h);
    case AtomKind::year:
      return Period::year(a.y);
  }
  return std::nullopt;
}

bool year_written(const Atom& a) {
  return a.y != 0 && !(a.kind == AtomKind::day_no_year || a.kind == AtomKind::day_month ||
                       a.kind == AtomKind::bare_day || a.kind == AtomKind::month_no_year ||
                       a.kind == AtomKind::quarter_no_year);
}


// Whether the atom starting at b is the date of a cited document: after a code
// ("…-CT/TƯ, ngày 30/5/2019"), a numbered document ("số 35 ngày …") or
// "ban hành".
bool is_document_date(const Text& text, size_t b) {
  const std::string_view s = text.folded();
  static constexpr scan::WordsBefore kLeadBefore(vocab::kDateLeadWords);
  static constexpr scan::WordsBefore kIssuedBefore(vocab::kIssuedWords);
  size_t p = b, at;
  if (kLeadBefore.find(s, scan::skip_spaces_back(s, p), &at)) p = at;
  p = scan::skip_spaces_back(s, p);
  if (p > 0 && (s[p - 1] == ',' || s[p - 1] == '(')) p = scan::skip_spaces_back(s, p - 1);
  if (kIssuedBefore.find(s, p)) return true;
  // The token in front: a code read from its digits must end where it does.
  size_t t = p;
  while (t > 0 && s[t - 1] != ' ' && s[t - 1] != '\n' && p - t < 40) --t;
  if (t == p || !is_digit(s[t])) return false;
  if (const auto code = codes::read_document_code(text.normalized(), t, p); code && code->end == p) return true;
  // "số 35 ngày 30/5/2019": a number of a document.
  for (size_t i = t; i < p; ++i)
    if (!is_digit(s[i])) return false;
  return scan::word_before(s, scan::skip_spaces_back(s, t), "số");
}

// A day that opens the sentence reporting it, with no relation word: the
// day of a news report ("Chiều 16/10, Huyện ủy … tổ chức hội nghị", "(HPĐT)-
// Ngày 17-2, …").
bool opens_report(std::string_view s, const Prefix& pre, const Atom& a) {
  if (pre.relation || a.e >= s.size() || s[a.e] != ',') return false;
  size_t b = scan::sentence_begin(s, pre.begin);
  std::string_view lead = s.substr(b, pre.begin - b);
  while (!lead.empty() && lead.back() == ' ') lead.remove_suffix(1);
  // Nothing in front, or a source tag: "(HPĐT)-", "(LĐ online) -", "ĐBP -".
  return lead.empty() || (lead.size() < 32 && (lead.back() == '-' || lead.back() == ')'));
}


// Where the page's lists of other articles begin: the first line that opens
// with such a heading; npos when none does.
size_t other_articles_begin(std::string_view s) {
  size_t first = std::string_view::npos;
  for (std::string_view h : vocab::kOtherArticlesHeadings)
    for (size_t p = s.find(h); p != std::string_view::npos && p < first; p = s.find(h, p + 1)) {
      size_t q = p;
      while (q > 0 && (s[q - 1] == ' ' || s[q - 1] == '\t')) --q;
      if ((q == 0 || s[q - 1] == '\n') && vi::at_word_end(s, p + h.size())) {
        first = p;
        break;
      }
    }
  return first;
}

// The first year of a term named in the sentence around `pos` ("Trước ngày
// 30-6, huyện sẽ tổ chức Đại hội … nhiệm kỳ 2025 - 2030": its congress is
// held in 2025); 0 when none is.
int term_in_sentence(std::string_view s, size_t pos) {
  const size_t b = scan::sentence_begin(s, pos), e = scan::sentence_end(s, pos);
  for (auto at = scan::find_word(s, b, e, "nhiệm kỳ"); at; at = scan::find_word(s, *at + 1, e, "nhiệm kỳ")) {
    size_t p = scan::skip_spaces(s, *at + std::string_view("nhiệm kỳ").size());
    int from = 0, to = 0;
    size_t d = p;
    while (d < e && is_digit(s[d]) && d - p < 4) from = from * 10 + (s[d++] - '0');
    if (d - p != 4 || (d < e && is_digit(s[d]))) continue;
    p = scan::skip_spaces(s, d);
    if (p >= e || s[p] != '-') continue;
    p = scan::skip_spaces(s, p + 1);
    d = p;
    while (d < e && is_digit(s[d]) && d - p < 4) to = to * 10 + (s[d++] - '0');
    if (d - p == 4 && plausible_year(from) && to > from && to - from <= 5) return from;
  }
  return 0;
}

// The years an undated atom may take, weighed (docs/extraction.md,
// "Inferred years"): for the day of a report, the first not before the
// latest cited document (a report follows what it cites); else the nearest
// year written in the text's own times; else the first year of the term the
// text prepares (its congresses are held then); else the nearest cited
// document's year.
class YearSource {
 public:
  YearSource(const Text& text, const std::vector<Atom>& atoms) : text_(text), atoms_(atoms) {}
  // The year for atom k (0: none); `report`: it is the day of a report;
  // `deadline`: it follows "trước", "chậm nhất" … (relation before or by).
  int year_for(size_t k, bool report, int month, int day, bool deadline = false) {
    if (!sorted_) sort_years();
    if (report && latest_cited_) {
      const CivilDate& c = *latest_cited_;
      const int y = (month < c.month || (month == c.month && day < c.day)) ? c.year + 1 : c.year;
      // Unless the documents are older than the preparation of the term the
      // text is about (from the year before its first): "Nghị quyết
      // 18-NQ/TW ngày 25/10/2017" in a report on the 2025–2030 congresses.
      if (term_from() == 0 || y >= term_from() - 1) return y;
    }
    // A deadline beside a term is the term's first year; not a report's day
    // ("Ngày 5.11, … ban hành Kế hoạch … nhiệm kỳ 2025 - 2030" is 2024's).
    if (deadline)
      if (int y = term_in_sentence(text_.folded(), atoms_[k].b)) return y;
    if (int y = nearest(own_, k)) return y;
    if (term_from() != 0) return term_from();
    return nearest(cited_, k);
  }

 private:
  // The year of the nearest atom of `with_year` (indexes in text order).
  int nearest(const std::vector<size_t>& with_year, size_t k) const {
    auto it = std::lower_bound(with_year.begin(), with_year.end(), k);
    int best = 0;
    size_t best_dist = SIZE_MAX;
    // Above the lists of other articles only the text's own years count.
    const bool in_text = atoms_[k].b < other_articles_;
    auto consider = [&](size_t j) {
      if (j == k || (in_text && atoms_[j].b >= other_articles_)) return;
      const size_t dist = atoms_[j].b > atoms_[k].b ? atoms_[j].b - atoms_[k].b : atoms_[k].b - atoms_[j].b;
      if (dist < best_dist) { best_dist = dist; best = atoms_[j].y; }
    };
    if (it != with_year.end()) consider(*it);
    if (it != with_year.end() && std::next(it) != with_year.end()) consider(*std::next(it));
    if (it != with_year.begin()) consider(*std::prev(it));
    return best;
  }
  int term_from() {
    if (!term_) term_ = document_term(text_).value_or(Term{});
    return term_->from;
  }
  // The written years, the text's own apart from cited documents' (only
  // when some atom needs a year: most plans write every one).
  void sort_years() {
    sorted_ = true;
    other_articles_ = other_articles_begin(text_.folded());
    for (size_t j = 0; j < atoms_.size(); ++j) {
      if (!year_written(atoms_[j])) continue;
      if (is_document_date(text_, atoms_[j].b)) {
        cited_.push_back(j);
        if (auto p = period_of(atoms_[j]); p && (!latest_cited_ || *latest_cited_ < p->end)) latest_cited_ = p->end;
      } else {
        own_.push_back(j);
      }
    }
  }
  const Text& text_;
  const std::vector<Atom>& atoms_;
  bool sorted_ = false;
  size_t other_articles_ = std::string_view::npos;  // where the lists of other articles begin
  std::vector<size_t> own_, cited_;
  std::optional<CivilDate> latest_cited_;
  std::optional<Term> term_;  // read when first needed
};

// "năm 2021 - 2025": a span of years, like a term, is not a time.
bool starts_span_of_years(std::string_view s, size_t e) {
  size_t p = scan::skip_spaces(s, e);
  if (p >= s.size() || s[p] != '-') return false;
  p = scan::skip_spaces(s, p + 1);
  return s.size() - p >= 4 && is_digit(s[p]) && is_digit(s[p + 1]) && is_digit(s[p + 2]) && is_digit(s[p + 3]);
}

Notice invalid_date_notice(const Text& text, size_t b, size_t e) {
  Notice n;
  n.code = "invalid_date";
  n.text = text.normalized().substr(b, e - b);
  n.message = "date does not exist in the calendar: '" + n.text + "'";
  n.span = text.span(b, e);
  return n;
}

Notice typo_notice(const Text& text, size_t b, size_t e, std::string_view keyword) {
  Notice n;
  n.code = "typo";
  n.text = text.normalized().substr(b, e - b);
  n.suggestion = std::string(keyword);
  n.message = "'" + n.text + "' before a date is read as '" + std::string(keyword) + "': a mark is wrong or missing";
  n.span = text.span(b, e);
  return n;
}

// The half of a month "nửa đầu/cuối" names: days 1–15 or 16–end.
Period apply_half(Period p, int half) {
  if (half == 0 || p.grain != Grain::month || p.start.month != p.end.month) return p;
  if (half == 1) p.end.day = 15;
  else p.start.day = 16;
  return p;
}

}  // namespace

std::vector<TimeExpr> extract_times(const Text& text, std::vector<Notice>* notices) {
  const std::string_view s = text.folded();
  std::vector<Atom> atoms = find_atoms(text);
  YearSource years(text, atoms);
  std::vector<TimeExpr> out;
  std::vector<bool> used(atoms.size(), false);

  out.reserve(atoms.size());
  // Built in place: a move would copy the text's string again.
  auto emit = [&](size_t b, size_t e, Relation rel, Period period, Part part, bool inferred) {
    TimeExpr& t = out.emplace_back();
    t.text.assign(text.normalized(), b, e - b);
    t.relation = rel;
    t.period = period;
    t.part = part;
    t.year_inferred = inferred;
    t.span = text.span(b, e);
  };

  for (size_t k = 0; k < atoms.size(); ++k) {
    if (used[k]) continue;
    Atom a = atoms[k];
    const Prefix pre = prefix_of(s, a);
    if (notices && !pre.typo_keyword.empty()) notices->push_back(typo_notice(text, pre.begin, pre.typo_end, pre.typo_keyword));
    // A bare "22/1" is a date only after a time of day or a relation word, and
    // not as a share of a number ("tới 2/3 số đại biểu"); or as the start of a
    // range to a whole date ("(14/7 - 16/7/2025)").
    const bool uncued_bare = a.bare && (!(pre.time_of_day || (pre.relation && pre.bare_dates)) ||
                                        scan::word_at(s, scan::skip_spaces(s, a.e), "số"));
    if (uncued_bare && !(k + 1 < atoms.size() && year_written(atoms[k + 1]) && atoms[k + 1].kind == AtomKind::day &&
                         joins_range(s, a, atoms[k + 1], false)))
      continue;

    // Two atoms joined into a range: "từ ngày 15 đến ngày 30/3/2020", "từ tháng 4 đến tháng 6/2025",
    // "trong các ngày 11/10 và ngày 12/10", or ends of different forms, each with its part ("từ đầu
    // tháng 3 đến giữa tháng 4/2025", "từ tháng 3 đến ngày 25.5.2020").
    Part b_part = Part::none;
    if (k + 1 < atoms.size() &&
        (!pre.relation || *pre.relation == Relation::from || *pre.relation == Relation::in) &&
        joins_range(s, a, atoms[k + 1], pre.several_days, &b_part)) {
      Atom b = atoms[k + 1];
      const bool same_form =
          (day_like(a.kind) &&
           (b.kind == AtomKind::day || b.kind == AtomKind::day_no_year || b.kind == AtomKind::day_month)) ||
          (month_like(a.kind) && month_like(b.kind)) || (quarter_like(a.kind) && quarter_like(b.kind)) ||
          (a.kind == AtomKind::year && b.kind == AtomKind::year);
      // Any two single periods but a bare "ngày 15" (its month is the other end's only in the same form).
      const auto single = [](AtomKind k) {
        return k != AtomKind::bare_day && k != AtomKind::day_range && k != AtomKind::month_range;
      };
      // A share is no end: "từ tháng 3 đến 2/3 số chi bộ".
      const bool share = b.bare && scan::word_at(s, scan::skip_spaces(s, b.e), "số");
      const bool compatible = !share && (same_form || (single(a.kind) && single(b.kind)));
      // Two months or quarters joined by "và" are one span only when they follow each other.
      const bool listed = scan::word_at(s, scan::skip_spaces(s, a.e), "và") && !pre.several_days;
      if (compatible) {
        bool inferred = false;
        if (b.y == 0) { b.y = years.year_for(k + 1, false, b.m, b.d); inferred = true; }
        if (a.kind == AtomKind::bare_day) a.m = b.m;
        if (a.y == 0) a.y = (b.kind != AtomKind::year && first_month(a) > first_month(b)) ? b.y - 1 : b.y;
        auto pa = period_of(a), pb = period_of(b);
        // Two months or quarters listed with "và": the second must begin the month after the first ends.
        const bool consecutive =
            !listed || (pa && pb && pb->start.day == 1 && pa->end.day == CivilDate::days_in_month(pa->end.year, pa->end.month) &&
                        pb->start.year * 12 + pb->start.month == pa->end.year * 12 + pa->end.month + 1);
        if (b.y != 0 && pa && pb && consecutive) {
          pa = apply_half(apply_part(*pa, pre.part), pre.half);
          pb = apply_part(*pb, b_part);
        }
        if (b.y != 0 && pa && pb && consecutive && !(pb->end < pa->start)) {
          // "trong" keeps its word ("trong hai ngày 24 và 25-2"); the same interval either way.
          const Relation rel = pre.relation == Relation::in ? Relation::in : Relation::between;
          const Grain grain = same_form ? pa->grain : std::min(pa->grain, pb->grain);
          emit(pre.begin, b.e, rel, Period{pa->start, pb->end, grain}, Part::none, inferred);
          used[k] = used[k + 1] = true;
          continue;
        }
      }
    }

    bool inferred = false;
    if (uncued_bare) continue;                   // it made no range
    if (a.kind == AtomKind::bare_day) continue;  // "ngày 15" alone names no month
    if (a.kind == AtomKind::year && starts_span_of_years(s, a.e)) continue;  // "năm 2021 - 2025"
    if (!year_written(a)) {
      // A month or quarter without a year is a time only with a relation or a part word.
      if ((a.kind == AtomKind::month_no_year || a.kind == AtomKind::quarter_no_year) && !pre.relation &&
          pre.part == Part::none && pre.half == 0)
        continue;
      a.y = years.year_for(k, day_like(a.kind) && opens_report(s, pre, a), a.m, a.d,
                           pre.relation == Relation::before || pre.relation == Relation::by);
      if (a.y == 0) continue;
      inferred = true;
    }
    auto period = period_of(a);
    if (!period) {
      if (notices && a.d <= 31 && a.m <= 12) notices->push_back(invalid_date_notice(text, a.b, a.e));
      continue;
    }
    Relation rel = pre.relation.value_or(Relation::in);
    if ((a.kind == AtomKind::day_range || a.kind == AtomKind::month_range) && rel != Relation::in)
      rel = Relation::between;
    emit(pre.begin, a.e, rel, apply_half(apply_part(*period, pre.part), pre.half), pre.part, inferred);
  }
  return out;
}

}  // namespace plancheck
