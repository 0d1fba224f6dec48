#include "extract/time_atoms.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace plancheck::times {

namespace {

// The grammar is written below as types, part by part, the way the pattern
// reads; each part takes a continuation (the rest of its alternative), so
// the compiler turns every alternative into straight code whose only loops
// are the pattern's own choices, tried in its order of preference. Each
// part also writes itself as RE2 (regex()) and names its capture groups
// (groups()), so that the RE2 pattern is generated from the same types.

// A string literal as a template argument.
template <size_t N>
struct Literal {
  char bytes[N - 1];
  constexpr Literal(const char (&s)[N]) { std::copy(s, s + N - 1, bytes); }
  static constexpr size_t size = N - 1;
  constexpr std::string_view view() const { return {bytes, N - 1}; }
};

struct Cursor {
  std::string_view s;
  size_t limit;
  std::array<int, kSlots>* values;  // the captures of the way through
  template <Literal L>
  bool at(size_t pos) const {
    return limit - pos >= L.size && std::memcmp(s.data() + pos, L.bytes, L.size) == 0;
  }
};

std::string escaped(std::string_view literal) {
  std::string r;
  for (const char ch : literal) {
    if (ch != '\0' && std::strchr("\\.+*?()|[]{}^$", ch)) r += '\\';
    r += ch;
  }
  return r;
}

// Parts that hold no capture group.
struct NoGroups {
  static void groups(std::vector<AtomGroup>&) {}
};
// What a part that is not captured does with its value: nothing.
struct Drop {
  void operator()(const Cursor&, int) const {}
};

// A literal and the value it stands for ("iv" is quarter 4).
template <Literal L, int V>
struct Value {
  static constexpr auto literal = L;
  static constexpr int value = V;
};
// One of the literals, tried in order: (?:a|b|c); captured, the value of
// the one matched.
template <typename... Vs>
struct OneOfValued : NoGroups {
  template <typename Next, typename Keep = Drop>
  static bool match(const Cursor& c, size_t pos, Next next, Keep keep = {}) {
    return ((c.at<Vs::literal>(pos) && next(pos + Vs::literal.size) && (keep(c, Vs::value), true)) || ...);
  }
  static int value(std::string_view text) {
    int v = -1;
    (void)((text == Vs::literal.view() && (v = Vs::value, true)) || ...);
    return v;
  }
  static std::string regex() {
    if constexpr (sizeof...(Vs) == 1) {
      return (escaped(Vs::literal.view()) + ...);
    } else {
      std::string r;
      ((r += (r.empty() ? "(?:" : "|") + escaped(Vs::literal.view())), ...);
      return r + ")";
    }
  }
};
// Literals that stand for nothing but themselves.
template <Literal... Ls>
using OneOf = OneOfValued<Value<Ls, 0>...>;

// The part, else nothing: (?:…)?, greedy.
template <typename P>
struct Maybe {
  template <typename Next>
  static bool match(const Cursor& c, size_t pos, Next next) {
    return P::match(c, pos, next) || next(pos);
  }
  static std::string regex() { return "(?:" + P::regex() + ")?"; }
  static void groups(std::vector<AtomGroup>& g) { P::groups(g); }
};
// least to most ASCII digits, the longest run first: \d{least,most};
// captured, their number.
template <size_t least, size_t most>
struct Digits : NoGroups {
  template <typename Next, typename Keep = Drop>
  static bool match(const Cursor& c, size_t pos, Next next, Keep keep = {}) {
    size_t k = 0;
    while (k < most && pos + k < c.limit && c.s[pos + k] >= '0' && c.s[pos + k] <= '9') ++k;
    for (; k >= least && k > 0; --k)
      if (next(pos + k)) {
        keep(c, value(c.s.substr(pos, k)));
        return true;
      }
    return false;
  }
  static int value(std::string_view text) {
    int v = 0;
    for (const char ch : text) v = v * 10 + (ch - '0');
    return v;
  }
  static std::string regex() {
    return least == most ? "\\d{" + std::to_string(least) + "}"
                         : "\\d{" + std::to_string(least) + "," + std::to_string(most) + "}";
  }
};
// The parts one after the other: (?:…) inside Maybe, or an alternative.
template <typename... Parts>
struct Group;
template <>
struct Group<> : NoGroups {
  template <typename Next>
  static bool match(const Cursor&, size_t pos, Next next) {
    return next(pos);
  }
  static std::string regex() { return ""; }
};
template <typename P, typename... Rest>
struct Group<P, Rest...> {
  template <typename Next>
  static bool match(const Cursor& c, size_t pos, Next next) {
    return P::match(c, pos, [&](size_t q) { return Group<Rest...>::match(c, q, next); });
  }
  static std::string regex() { return P::regex() + Group<Rest...>::regex(); }
  static void groups(std::vector<AtomGroup>& g) {
    P::groups(g);
    Group<Rest...>::groups(g);
  }
};
// The part P (digits or valued literals), its value kept in `slot`: (P).
// P writes it on the way out of a continuation that succeeded, so a way
// through that was given back leaves nothing behind; and without a
// continuation of its own, which would cost the inliner a level.
template <Slot slot, typename P>
struct Capture {
  struct Keep {
    void operator()(const Cursor& c, int value) const { (*c.values)[static_cast<size_t>(slot)] = value; }
  };
  template <typename Next>
  static bool match(const Cursor& c, size_t pos, Next next) {
    return P::match(c, pos, next, Keep{});
  }
  static std::string regex() { return "(" + P::regex() + ")"; }
  static void groups(std::vector<AtomGroup>& g) {
    AtomGroup capture;
    capture.slot = slot;
    capture.value = &P::value;
    g.push_back(capture);
  }
};

// One alternative of the grammar: its name, the kind of atom it is, whether
// it is written bare (no "ngày", no year), and its parts.
constexpr bool kBare = true, kCued = false;
template <Literal name, AtomKind kind, bool bare, typename... Parts>
struct Alternative {
  static bool match(const Cursor& c, size_t pos, AtomMatch& m) {
    if (!Group<Parts...>::match(c, pos, [&](size_t q) {
          m.end = q;
          return true;
        }))
      return false;
    m.kind = kind;
    m.bare = bare;
    return true;
  }
  static std::string regex() { return "(" + Group<Parts...>::regex() + ")"; }
  static void groups(std::vector<AtomGroup>& g, int index) {
    AtomGroup whole;
    whole.alternative = index;
    whole.name = name.view();
    whole.kind = kind;
    whole.bare = bare;
    g.push_back(whole);
    Group<Parts...>::groups(g);
  }
};

// The alternatives in the order of preference: a|b|c.
template <typename... As>
struct Alternatives {
  template <typename A>
  static constexpr uint8_t index() {
    uint8_t i = 0;
    (void)((std::is_same_v<A, As> ? false : (++i, true)) && ...);
    return i;
  }
  static std::string regex() {
    std::string r;
    ((r += (r.empty() ? "" : "|") + As::regex()), ...);
    return r;
  }
  static std::vector<AtomGroup> groups() {
    std::vector<AtomGroup> g;
    (As::groups(g, index<As>()), ...);
    return g;
  }
};

using Space = Maybe<OneOf<" ">>;
using Day = Digits<1, 2>;
using Month = Digits<1, 2>;
using Year = Digits<4, 4>;
using DaySep = OneOfValued<Value<"/", '/'>, Value<".", '.'>, Value<"-", '-'>>;  // [/.-]
using Ngay = OneOf<"ngày ">;
using Thang = OneOf<"tháng ">;
using To = OneOf<"-", "đến", "tới">;
// ",? năm " is ", năm " before " năm ".
using MonthYearSep = OneOf<"/", "-", ".", ", năm ", " năm ">;
using QuarterNumber = OneOfValued<Value<"iv", 4>, Value<"iii", 3>, Value<"ii", 2>, Value<"i", 1>, Value<"1", 1>,
                                  Value<"2", 2>, Value<"3", 3>, Value<"4", 4>>;
// "tháng Năm năm 2025", "tháng Mười một năm 2025": a month named in words.
using MonthName = OneOfValued<Value<"mười một", 11>, Value<"mười hai", 12>, Value<"mười", 10>, Value<"giêng", 1>,
                              Value<"hai", 2>, Value<"ba", 3>, Value<"tư", 4>, Value<"năm", 5>, Value<"sáu", 6>,
                              Value<"bảy", 7>, Value<"tám", 8>, Value<"chín", 9>, Value<"chạp", 12>>;
using HalfOfMonths = OneOfValued<Value<"đầu", 1>, Value<"cuối", 2>>;  // "6 tháng đầu"
using HalfOfYear = OneOfValued<Value<"đầu", 1>, Value<"cuối", 2>, Value<"sau", 2>>;  // "nửa sau"

using D = Capture<Slot::day, Day>;
using D2 = Capture<Slot::day2, Day>;
using M = Capture<Slot::month, Month>;
using Y = Capture<Slot::year, Year>;

// The alternatives, in the order of preference.
using DayRange = Alternative<"day range", AtomKind::day_range, kCued, Maybe<Ngay>, D, Space, To, Space, Maybe<Ngay>,
                             D2, Space, DaySep, Space, M, Space, DaySep, Space, Y>;
// "ngày 9 và 10-7-2020", "ngày 3, 4 và 5.6.2020": the first day to the last.
using DaysListed = Alternative<"days listed", AtomKind::day_range, kCued, Ngay, D, Maybe<Group<OneOf<",">, Space, Day>>,
                               Space, OneOf<",", "và", "&">, Space, Maybe<Ngay>, D2, Space, DaySep, Space, M, Space,
                               DaySep, Space, Y>;
using DayDate = Alternative<"day", AtomKind::day, kCued, Maybe<Ngay>, D, Space, Capture<Slot::sep, DaySep>, Space, M,
                            Space, Capture<Slot::sep2, DaySep>, Space, Y>;
using DayRangeNoYear = Alternative<"day range, no year", AtomKind::day_range, kCued, Ngay, D,
                                   Maybe<Group<OneOf<",">, Space, Day>>, Space, OneOf<"-", "đến", "tới", "và", "&", ",">,
                                   Space, Maybe<Ngay>, D2, Space, DaySep, Space, M>;
// "ngày 21 tháng 3 năm 2020", also "ngày 21 tháng 3/2020".
using DayInWords = Alternative<"day in words", AtomKind::day, kCued, Ngay, D, OneOf<" tháng ">, M, Maybe<OneOf<",">>,
                               OneOf<" năm ", "/", "-", ".">, Y>;
using DayInWordsNoYear = Alternative<"day in words, no year", AtomKind::day_no_year, kCued, Ngay, D, OneOf<" tháng ">, M>;
using DayNoYear = Alternative<"day, no year", AtomKind::day_no_year, kCued, Ngay, D, Space, DaySep, Space, M>;
using BareDay = Alternative<"bare day", AtomKind::bare_day, kCued, Ngay, D>;
using MonthRange = Alternative<"month range", AtomKind::month_range, kCued, Thang, M, Space, To, Space, Maybe<Thang>,
                               Capture<Slot::month2, Month>, Space, MonthYearSep, Space, Y>;
using MonthDate = Alternative<"month", AtomKind::month, kCued, Thang, M, Space, MonthYearSep, Space, Y>;
using MonthNoYear = Alternative<"month, no year", AtomKind::month_no_year, kCued, Thang, M>;
// A month named in words only with its year.
using MonthInWords = Alternative<"month in words", AtomKind::month, kCued, Thang, Capture<Slot::month, MonthName>,
                                 OneOf<" năm ">, Y>;
using Quarter = Alternative<"quarter", AtomKind::quarter, kCued, OneOf<"quý ">, Capture<Slot::quarter, QuarterNumber>,
                            Space, OneOf<"/", "-", ", năm ", " năm ">, Space, Y>;
using QuarterNoYear = Alternative<"quarter, no year", AtomKind::quarter_no_year, kCued, OneOf<"quý ">,
                                  Capture<Slot::quarter, QuarterNumber>>;
using HalfInMonths = Alternative<"half in months", AtomKind::half, kCued, OneOf<"6", "sáu">, OneOf<" tháng ">,
                                 Capture<Slot::half, HalfOfMonths>, OneOf<" năm ">, Y>;
using Half = Alternative<"half", AtomKind::half, kCued, OneOf<"nửa ">, Capture<Slot::half, HalfOfYear>,
                         OneOf<" năm ">, Y>;
using YearOnly = Alternative<"year", AtomKind::year, kCued, OneOf<"năm ">, Y>;
using BareDayRange = Alternative<"day range, bare", AtomKind::day_range, kBare, D, Space, To, Space, D2, DaySep, M>;
// "chiều 16 và sáng 17.10": two days, each at its time of day (which cues the first).
using BareDaysAtTimesOfDay = Alternative<"days at times of day, bare", AtomKind::day_range, kBare, D, Space,
                                         OneOf<"và", "&">, Space, OneOf<"sáng", "trưa", "chiều", "tối">, Space, D2,
                                         DaySep, M>;
using BareDayMonth = Alternative<"day and month, bare", AtomKind::day_month, kBare, D, DaySep, M>;

using Grammar = Alternatives<DayRange, DaysListed, DayDate, DayRangeNoYear, DayInWords, DayInWordsNoYear, DayNoYear,
                             BareDay, MonthRange, MonthDate, MonthNoYear, MonthInWords, Quarter, QuarterNoYear,
                             HalfInMonths, Half, YearOnly, BareDayRange, BareDaysAtTimesOfDay, BareDayMonth>;

template <typename... As>
bool first_of(const Cursor& c, size_t pos, AtomMatch& m) {
  return ((As::match(c, pos, m) && (m.alternative = Grammar::index<As>(), true)) || ...);
}

bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

}  // namespace

std::optional<AtomMatch> match_atom(std::string_view s, size_t pos, size_t limit) {
  limit = std::min(limit, s.size());
  if (pos >= limit) return std::nullopt;
  AtomMatch m;
  const Cursor c{s, limit, &m.values};
  // Each alternative is tried only where its first byte stands: a digit, or
  // the first letter of its opening word (n: ngày, nửa, năm; t: tháng;
  // q: quý; s: sáu). The order among those that may is the pattern's.
  bool found = false;
  switch (s[pos]) {
    case 'n':
      found = first_of<DayRange, DaysListed, DayDate, DayRangeNoYear, DayInWords, DayInWordsNoYear, DayNoYear,
                       BareDay, Half, YearOnly>(c, pos, m);
      break;
    case 't':
      found = first_of<MonthRange, MonthDate, MonthNoYear, MonthInWords>(c, pos, m);
      break;
    case 'q':
      found = first_of<Quarter, QuarterNoYear>(c, pos, m);
      break;
    case 's':
      found = first_of<HalfInMonths>(c, pos, m);
      break;
    default:
      if (is_digit(s[pos])) found = first_of<DayRange, DayDate, HalfInMonths, BareDayRange, BareDaysAtTimesOfDay,
                                                BareDayMonth>(c, pos, m);
      break;
  }
  if (!found) return std::nullopt;
  return m;
}

const std::string& atom_pattern() {
  static const std::string pattern = Grammar::regex();
  return pattern;
}

const std::vector<AtomGroup>& atom_groups() {
  static const std::vector<AtomGroup> groups = Grammar::groups();
  return groups;
}

}  // namespace plancheck::times
