#include "extract/time_atoms.h"

#include <algorithm>
#include <cstring>

namespace plancheck::times {

namespace {

// The grammar is written below as types, part by part, the way the pattern
// reads; each part takes a continuation (the rest of its alternative), so
// the compiler turns every alternative into straight code whose only loops
// are the pattern's own choices, tried in its order of preference.

// A string literal as a template argument.
template <size_t N>
struct Literal {
  char bytes[N - 1];
  constexpr Literal(const char (&s)[N]) { std::copy(s, s + N - 1, bytes); }
  static constexpr size_t size = N - 1;
};

struct Cursor {
  std::string_view s;
  size_t limit;
  template <Literal L>
  bool at(size_t pos) const {
    return limit - pos >= L.size && std::memcmp(s.data() + pos, L.bytes, L.size) == 0;
  }
};

// One of the literals, tried in order: (?:a|b|c).
template <Literal... Ls>
struct OneOf {
  template <typename Next>
  static bool match(const Cursor& c, size_t pos, Next next) {
    return ((c.at<Ls>(pos) && next(pos + Ls.size)) || ...);
  }
};
// The part, else nothing: (?:…)?, greedy.
template <typename P>
struct Maybe {
  template <typename Next>
  static bool match(const Cursor& c, size_t pos, Next next) {
    return P::match(c, pos, next) || next(pos);
  }
};
// least to most ASCII digits, the longest run first: \d{least,most}.
template <size_t least, size_t most>
struct Digits {
  template <typename Next>
  static bool match(const Cursor& c, size_t pos, Next next) {
    size_t k = 0;
    while (k < most && pos + k < c.limit && c.s[pos + k] >= '0' && c.s[pos + k] <= '9') ++k;
    for (; k >= least && k > 0; --k)
      if (next(pos + k)) return true;
    return false;
  }
};
// The parts one after the other inside an alternative: (?:…).
template <typename... Parts>
struct Group;
template <>
struct Group<> {
  template <typename Next>
  static bool match(const Cursor&, size_t pos, Next next) {
    return next(pos);
  }
};
template <typename P, typename... Rest>
struct Group<P, Rest...> {
  template <typename Next>
  static bool match(const Cursor& c, size_t pos, Next next) {
    return P::match(c, pos, [&](size_t q) { return Group<Rest...>::match(c, q, next); });
  }
};
// The parts one after the other; *end gets where the first way through ends.
template <typename... Parts>
struct Sequence;
template <>
struct Sequence<> {
  static bool match(const Cursor&, size_t pos, size_t* end) {
    *end = pos;
    return true;
  }
};
template <typename P, typename... Rest>
struct Sequence<P, Rest...> {
  static bool match(const Cursor& c, size_t pos, size_t* end) {
    return P::match(c, pos, [&](size_t next) { return Sequence<Rest...>::match(c, next, end); });
  }
};

using Space = Maybe<OneOf<" ">>;
using Day = Digits<1, 2>;
using Month = Digits<1, 2>;
using Year = Digits<4, 4>;
using DaySep = OneOf<"/", ".", "-">;  // [/.-]
using Ngay = OneOf<"ngày ">;
using Thang = OneOf<"tháng ">;
// ",? năm " is ", năm " before " năm ".
using MonthYearSep = OneOf<"/", "-", ".", ", năm ", " năm ">;
using QuarterNumber = OneOf<"iv", "iii", "ii", "i", "1", "2", "3", "4">;

// The alternatives of patterns::kTimeAtom, in its order.
using DayRange = Sequence<Maybe<Ngay>, Day, Space, OneOf<"-", "đến", "tới">, Space, Maybe<Ngay>, Day, Space, DaySep,
                          Space, Month, Space, DaySep, Space, Year>;
using DayRangeNoYear = Sequence<Ngay, Day, Maybe<Group<OneOf<",">, Space, Day>>, Space, OneOf<"-", "đến", "tới", "và", ",">,
                                Space, Maybe<Ngay>, Day, Space, DaySep, Space, Month>;
// "ngày 9 và 10-7-2020", "ngày 3, 4 và 5.6.2020".
using DaysListed = Sequence<Ngay, Day, Maybe<Group<OneOf<",">, Space, Day>>, Space, OneOf<",", "và">, Space,
                            Maybe<Ngay>, Day, Space, DaySep, Space, Month, Space, DaySep, Space, Year>;
using DayInWords = Sequence<Ngay, Day, OneOf<" tháng ">, Month, Maybe<OneOf<",">>, OneOf<" năm ">, Year>;
using DayInWordsNoYear = Sequence<Ngay, Day, OneOf<" tháng ">, Month>;
using DayDate = Sequence<Maybe<Ngay>, Day, Space, DaySep, Space, Month, Space, DaySep, Space, Year>;
using DayNoYear = Sequence<Ngay, Day, Space, DaySep, Space, Month>;
using BareDay = Sequence<Ngay, Day>;
using MonthRange = Sequence<Thang, Month, Space, OneOf<"-", "đến", "tới">, Space, Maybe<Thang>, Month, Space,
                            MonthYearSep, Space, Year>;
using MonthDate = Sequence<Thang, Month, Space, MonthYearSep, Space, Year>;
using MonthNoYear = Sequence<Thang, Month>;
// "tháng Năm năm 2025", "tháng Mười một năm 2025": a month named in words, only with its year.
using MonthName = OneOf<"mười một", "mười hai", "mười", "giêng", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám",
                        "chín", "chạp">;
using MonthInWords = Sequence<Thang, MonthName, OneOf<" năm ">, Year>;
using Quarter = Sequence<OneOf<"quý ">, QuarterNumber, Space, OneOf<"/", "-", ", năm ", " năm ">, Space, Year>;
using QuarterNoYear = Sequence<OneOf<"quý ">, QuarterNumber>;
using HalfInMonths = Sequence<OneOf<"6", "sáu">, OneOf<" tháng ">, OneOf<"đầu", "cuối">, OneOf<" năm ">, Year>;
using Half = Sequence<OneOf<"nửa ">, OneOf<"đầu", "cuối", "sau">, OneOf<" năm ">, Year>;
using YearOnly = Sequence<OneOf<"năm ">, Year>;
using BareDayRange = Sequence<Day, Space, OneOf<"-", "đến", "tới">, Space, Day, DaySep, Month>;
using BareDayMonth = Sequence<Day, DaySep, Month>;

template <typename... Alternatives>
bool first_of(const Cursor& c, size_t pos, size_t* end) {
  return (Alternatives::match(c, pos, end) || ...);
}

bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

}  // namespace

std::optional<size_t> match_atom(std::string_view s, size_t pos, size_t limit) {
  limit = std::min(limit, s.size());
  if (pos >= limit) return std::nullopt;
  const Cursor c{s, limit};
  size_t end;
  // Each alternative is tried only where its first byte stands: a digit, or
  // the first letter of its opening word (n: ngày, nửa, năm; t: tháng;
  // q: quý; s: sáu). The order among those that may is the pattern's.
  bool found = false;
  switch (s[pos]) {
    case 'n':
      found = first_of<DayRange, DaysListed, DayDate, DayRangeNoYear, DayInWords, DayInWordsNoYear, DayNoYear,
                       BareDay, Half, YearOnly>(c, pos, &end);
      break;
    case 't':
      found = first_of<MonthRange, MonthDate, MonthNoYear, MonthInWords>(c, pos, &end);
      break;
    case 'q':
      found = first_of<Quarter, QuarterNoYear>(c, pos, &end);
      break;
    case 's':
      found = first_of<HalfInMonths>(c, pos, &end);
      break;
    default:
      if (is_digit(s[pos]))
        found = first_of<DayRange, DayDate, HalfInMonths, BareDayRange, BareDayMonth>(c, pos, &end);
      break;
  }
  if (!found) return std::nullopt;
  return end;
}

}  // namespace plancheck::times
