// Temporal expressions: RE2 finds the calendar "atoms" (a day, a month, a
// quarter …) around each run of digits; the words in front give the relation
// and the part; adjacent atoms joined by "đến"/"-" make a range. See
// docs/extraction.md for the exact semantics.
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>

#include "extract/scan.h"
#include "plancheck/extract.h"
#include "vi.h"

namespace plancheck {

namespace {

enum class AtomKind { day_range, day, day_no_year, bare_day, month_range, month, month_no_year, quarter,
                      quarter_no_year, half, year };

struct Atom {
  size_t b = 0, e = 0;
  AtomKind kind = AtomKind::day;
  int d = 0, m = 0, y = 0;  // y = 0: not written
  int d2 = 0, m2 = 0;       // range ends
  int q = 0, h = 0;
  bool year_inferred = false;
};

// The atoms, folded. Alternatives are tried leftmost-first, in this order.
constexpr const char* kAtomPattern =
    "(?:ngày )?(\\d{1,2}) ?(?:-|đến|tới) ?(?:ngày )?(\\d{1,2}) ?/ ?(\\d{1,2}) ?/ ?(\\d{4})"  // 1-4
    "|ngày (\\d{1,2}) tháng (\\d{1,2}),? năm (\\d{4})"                                      // 5-7
    "|(?:ngày )?(\\d{1,2}) ?([/.-]) ?(\\d{1,2}) ?([/.-]) ?(\\d{4})"                          // 8-12
    "|ngày (\\d{1,2}) ?/ ?(\\d{1,2})"                                                         // 13-14
    "|ngày (\\d{1,2})"                                                                        // 15
    "|tháng (\\d{1,2}) ?(?:-|đến|tới) ?(?:tháng )?(\\d{1,2}) ?(?:/|-|,? năm ) ?(\\d{4})"     // 16-18
    "|tháng (\\d{1,2}) ?(?:/|-|,? năm ) ?(\\d{4})"                                           // 19-20
    "|tháng (\\d{1,2})"                                                                       // 21
    "|quý (iv|iii|ii|i|[1-4]) ?(?:/|-|,? năm ) ?(\\d{4})"                                    // 22-23
    "|quý (iv|iii|ii|i|[1-4])"                                                                // 24
    "|(?:6|sáu) tháng (đầu|cuối) năm (\\d{4})"                                               // 25-26
    "|nửa (đầu|cuối|sau) năm (\\d{4})"                                                        // 27-28
    "|năm (\\d{4})";                                                                          // 29
constexpr int kGroups = 29;

const RE2& atom_re() {
  static const RE2 re(kAtomPattern);
  return re;
}

int num(const re2::StringPiece& p) { return std::atoi(std::string(p.data(), p.size()).c_str()); }
bool has(const re2::StringPiece& p) { return p.data() != nullptr; }
bool plausible_year(int y) { return y >= 1900 && y <= 2199; }

int quarter_value(const re2::StringPiece& p) {
  const std::string v(p.data(), p.size());
  if (v == "i" || v == "1") return 1;
  if (v == "ii" || v == "2") return 2;
  if (v == "iii" || v == "3") return 3;
  return 4;
}

std::optional<Atom> atom_from(const std::array<re2::StringPiece, kGroups + 1>& g) {
  Atom a;
  if (has(g[1])) {
    a = {.kind = AtomKind::day_range, .d = num(g[1]), .m = num(g[3]), .y = num(g[4]), .d2 = num(g[2])};
  } else if (has(g[5])) {
    a = {.kind = AtomKind::day, .d = num(g[5]), .m = num(g[6]), .y = num(g[7])};
  } else if (has(g[8])) {
    if (g[9] != g[11]) return std::nullopt;  // "20/9-2024" is not one date
    a = {.kind = AtomKind::day, .d = num(g[8]), .m = num(g[10]), .y = num(g[12])};
  } else if (has(g[13])) {
    a = {.kind = AtomKind::day_no_year, .d = num(g[13]), .m = num(g[14])};
  } else if (has(g[15])) {
    a = {.kind = AtomKind::bare_day, .d = num(g[15])};
  } else if (has(g[16])) {
    a = {.kind = AtomKind::month_range, .m = num(g[16]), .y = num(g[18]), .m2 = num(g[17])};
  } else if (has(g[19])) {
    a = {.kind = AtomKind::month, .m = num(g[19]), .y = num(g[20])};
  } else if (has(g[21])) {
    a = {.kind = AtomKind::month_no_year, .m = num(g[21])};
  } else if (has(g[22])) {
    a = {.kind = AtomKind::quarter, .y = num(g[23]), .q = quarter_value(g[22])};
  } else if (has(g[24])) {
    a = {.kind = AtomKind::quarter_no_year, .q = quarter_value(g[24])};
  } else if (has(g[25])) {
    a = {.kind = AtomKind::half, .y = num(g[26]), .h = g[25] == "đầu" ? 1 : 2};
  } else if (has(g[27])) {
    a = {.kind = AtomKind::half, .y = num(g[28]), .h = g[27] == "đầu" ? 1 : 2};
  } else if (has(g[29])) {
    a = {.kind = AtomKind::year, .y = num(g[29])};
  } else {
    return std::nullopt;
  }
  if (a.y != 0 && !plausible_year(a.y)) return std::nullopt;
  if (a.m > 12 || a.m2 > 12) return std::nullopt;
  return a;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Finds atoms in windows around runs of digits: the expensive matching only
// runs where a date can be.
std::vector<Atom> find_atoms(std::string_view s, const std::vector<Text::Run>& runs) {
  std::vector<Atom> atoms;
  const RE2& re = atom_re();
  std::array<re2::StringPiece, kGroups + 1> g;
  constexpr size_t kBefore = 48, kAfter = 24;
  const size_t n = s.size();
  size_t done = 0;  // end of the last atom: no atom is found twice
  for (size_t r = 0; r < runs.size();) {
    const size_t p = runs[r].begin;
    size_t ws = p > kBefore ? p - kBefore : 0;
    if (ws < done) ws = done;
    while (ws > 0 && (static_cast<unsigned char>(s[ws]) & 0xC0) == 0x80) --ws;
    // One window over runs of digits that follow closely.
    size_t last = r;
    while (last + 1 < runs.size() && runs[last + 1].begin < runs[last].end + kAfter) ++last;
    size_t we = std::min(n, static_cast<size_t>(runs[last].end) + kAfter);
    r = last + 1;
    while (we < n && (static_cast<unsigned char>(s[we]) & 0xC0) == 0x80) ++we;
    size_t pos = ws;
    while (pos < we) {
      if (!re.Match(s, pos, we, RE2::UNANCHORED, g.data(), kGroups + 1)) break;
      const size_t b = static_cast<size_t>(g[0].data() - s.data());
      const size_t e = b + g[0].size();
      const bool bounded = vi::at_word_start(s, b) && vi::at_word_end(s, e) &&
                           !(b > 0 && (s[b - 1] == '/' || s[b - 1] == '.' || s[b - 1] == '-') && b > 1 &&
                             is_digit(s[b - 2]));
      if (!bounded) {
        size_t len;
        vi::decode(s, b, &len);
        pos = b + len;
        continue;
      }
      if (auto a = atom_from(g)) {
        // "ngày 25/9" must not be the start of a longer date cut by the window.
        const bool cut = a->kind == AtomKind::day_no_year && e < n && s[e] == '/' && e + 1 < n && is_digit(s[e + 1]);
        if (!cut) {
          a->b = b;
          a->e = e;
          atoms.push_back(*a);
          done = e;
        }
      }
      pos = e;
    }
  }
  return atoms;
}

struct Prefix {
  size_t begin;
  std::optional<Relation> relation;
  Part part = Part::none;
};

constexpr std::string_view kParts[] = {"đầu", "giữa", "cuối"};

struct RelationWord {
  std::string_view words;
  Relation relation;
};
// Longest first where one phrase ends another.
constexpr RelationWord kRelations[] = {
    {"chậm nhất là", Relation::by},       {"chậm nhất vào", Relation::by},   {"chậm nhất trong", Relation::by},
    {"chậm nhất đến", Relation::by},      {"chậm nhất", Relation::by},        {"muộn nhất là", Relation::by},
    {"muộn nhất", Relation::by},          {"trước hoặc trong", Relation::by}, {"trước hoặc vào", Relation::by},
    {"trong hoặc trước", Relation::by},   {"đến hết", Relation::by},          {"cho đến", Relation::by},
    {"tính đến", Relation::by},           {"đến", Relation::by},              {"tới", Relation::by},
    {"kể từ sau", Relation::after},       {"sau", Relation::after},           {"kể từ", Relation::from},
    {"từ", Relation::from},               {"trước", Relation::before},        {"trong khoảng", Relation::in},
    {"trong", Relation::in},              {"vào khoảng", Relation::in},       {"vào", Relation::in},
};

bool takes_part(AtomKind k) {
  return k == AtomKind::month || k == AtomKind::month_no_year || k == AtomKind::quarter ||
         k == AtomKind::quarter_no_year || k == AtomKind::year;
}

Prefix prefix_of(std::string_view s, const Atom& a) {
  Prefix p{a.b, std::nullopt, Part::none};
  size_t begin;
  if (takes_part(a.kind)) {
    if (auto k = scan::any_word_before(s, p.begin, kParts, &begin)) {
      p.part = static_cast<Part>(*k + 1);
      p.begin = begin;
    }
  }
  for (const auto& r : kRelations) {
    if (scan::word_before(s, scan::skip_spaces_back(s, p.begin), r.words, &begin)) {
      p.relation = r.relation;
      p.begin = begin;
      break;
    }
  }
  return p;
}

// The connector between two atoms that makes them one range, if any.
bool joins_range(std::string_view s, const Atom& a, const Atom& b) {
  if (b.b < a.e || b.b - a.e > 12) return false;
  std::string_view gap = s.substr(a.e, b.b - a.e);
  while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  return gap == "-" || gap == "đến" || gap == "tới" || gap == "đến hết" || gap == "cho đến";
}

bool day_like(AtomKind k) { return k == AtomKind::day || k == AtomKind::day_no_year || k == AtomKind::bare_day; }
bool month_like(AtomKind k) { return k == AtomKind::month || k == AtomKind::month_no_year; }
bool quarter_like(AtomKind k) { return k == AtomKind::quarter || k == AtomKind::quarter_no_year; }

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
  return !(a.kind == AtomKind::day_no_year || a.kind == AtomKind::bare_day || a.kind == AtomKind::month_no_year ||
           a.kind == AtomKind::quarter_no_year);
}

// The year of the nearest atom that writes one; `with_year` holds the
// indexes of such atoms in text order.
int nearest_year(const std::vector<Atom>& atoms, const std::vector<size_t>& with_year, size_t k) {
  auto it = std::lower_bound(with_year.begin(), with_year.end(), k);
  int best = 0;
  size_t best_dist = SIZE_MAX;
  auto consider = [&](size_t j) {
    if (j == k) return;
    const size_t dist = atoms[j].b > atoms[k].b ? atoms[j].b - atoms[k].b : atoms[k].b - atoms[j].b;
    if (dist < best_dist) { best_dist = dist; best = atoms[j].y; }
  };
  if (it != with_year.end()) consider(*it);
  if (it != with_year.end() && std::next(it) != with_year.end()) consider(*std::next(it));
  if (it != with_year.begin()) consider(*std::prev(it));
  return best;
}

Notice invalid_date_notice(const Text& text, size_t b, size_t e) {
  Notice n;
  n.code = "invalid_date";
  n.text = text.normalized().substr(b, e - b);
  n.message = "date does not exist in the calendar: '" + n.text + "'";
  n.span = text.span(b, e);
  return n;
}

}  // namespace

std::vector<TimeExpr> extract_times(const Text& text, std::vector<Notice>* notices) {
  const std::string_view s = text.folded();
  std::vector<Atom> atoms = find_atoms(s, text.digit_runs());
  std::vector<size_t> with_year;
  for (size_t j = 0; j < atoms.size(); ++j)
    if (year_written(atoms[j]) && atoms[j].y != 0) with_year.push_back(j);
  std::vector<TimeExpr> out;
  std::vector<bool> used(atoms.size(), false);

  auto emit = [&](size_t b, size_t e, Relation rel, Period period, Part part, bool inferred) {
    TimeExpr t;
    t.text = text.normalized().substr(b, e - b);
    t.relation = rel;
    t.period = period;
    t.part = part;
    t.year_inferred = inferred;
    t.span = text.span(b, e);
    out.push_back(std::move(t));
  };

  for (size_t k = 0; k < atoms.size(); ++k) {
    if (used[k]) continue;
    Atom a = atoms[k];
    const Prefix pre = prefix_of(s, a);

    // Two atoms joined into a range: "từ ngày 15 đến ngày 30/3/2020", "từ tháng 4 đến tháng 6/2025".
    if (k + 1 < atoms.size() && (!pre.relation || *pre.relation == Relation::from) &&
        joins_range(s, a, atoms[k + 1])) {
      Atom b = atoms[k + 1];
      const bool compatible = (day_like(a.kind) && (b.kind == AtomKind::day || b.kind == AtomKind::day_no_year)) ||
                              (month_like(a.kind) && month_like(b.kind)) ||
                              (quarter_like(a.kind) && quarter_like(b.kind)) ||
                              (a.kind == AtomKind::year && b.kind == AtomKind::year);
      if (compatible) {
        bool inferred = false;
        if (b.y == 0) { b.y = nearest_year(atoms, with_year, k + 1); inferred = true; }
        if (a.kind == AtomKind::bare_day) a.m = b.m;
        if (a.y == 0) a.y = (a.m > b.m && b.m != 0) ? b.y - 1 : b.y;
        auto pa = period_of(a), pb = period_of(b);
        if (b.y != 0 && pa && pb && !(pb->end < pa->start)) {
          emit(pre.begin, b.e, Relation::between, Period{pa->start, pb->end, pa->grain}, Part::none, inferred);
          used[k] = used[k + 1] = true;
          continue;
        }
      }
    }

    bool inferred = false;
    if (a.kind == AtomKind::bare_day) continue;  // "ngày 15" alone names no month
    if (!year_written(a)) {
      // A month or quarter without a year is a time only with a relation or a part word.
      if ((a.kind == AtomKind::month_no_year || a.kind == AtomKind::quarter_no_year) && !pre.relation &&
          pre.part == Part::none)
        continue;
      a.y = nearest_year(atoms, with_year, k);
      if (a.y == 0) continue;
      inferred = true;
    }
    if (a.kind == AtomKind::year && !pre.relation && pre.part == Part::none) continue;  // "năm 2025" alone
    auto period = period_of(a);
    if (!period) {
      if (notices && a.d <= 31 && a.m <= 12) notices->push_back(invalid_date_notice(text, a.b, a.e));
      continue;
    }
    Relation rel = pre.relation.value_or(Relation::in);
    if (a.kind == AtomKind::day_range || a.kind == AtomKind::month_range) rel = Relation::between;
    emit(pre.begin, a.e, rel, apply_part(*period, pre.part), pre.part, inferred);
  }
  return out;
}

}  // namespace plancheck
