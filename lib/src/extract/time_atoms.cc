#include "extract/time_atoms.h"

#include <algorithm>
#include <array>
#include <initializer_list>

namespace plancheck::times {

namespace {

// One part of an alternative: a literal (one of a few, tried in order, and
// maybe none) or a run of digits.
struct Part {
  enum Kind : unsigned char { literal, digits } kind = literal;
  bool optional = false;            // literal: may be left out (tried last)
  unsigned char least = 0, most = 0;  // digits
  std::array<std::string_view, 8> options{};
  unsigned char count = 0;
};

constexpr Part lit(std::initializer_list<std::string_view> options, bool optional = false) {
  Part p;
  p.optional = optional;
  for (auto o : options) p.options[p.count++] = o;
  return p;
}
constexpr Part opt(std::string_view o) { return lit({o}, true); }
constexpr Part num(unsigned char least, unsigned char most) {
  Part p;
  p.kind = Part::digits;
  p.least = least;
  p.most = most;
  return p;
}

constexpr Part kSpace = opt(" ");
constexpr Part kDay = num(1, 2), kMonth = num(1, 2), kYear = num(4, 4);
constexpr Part kDaySep = lit({"/", ".", "-"});

// The alternatives of patterns::kTimeAtom, in its order.
constexpr Part kDayRange[] = {opt("ngày "), kDay, kSpace, lit({"-", "đến", "tới"}), kSpace, opt("ngày "), kDay, kSpace,
                              lit({"/"}), kSpace, kMonth, kSpace, lit({"/"}), kSpace, kYear};
constexpr Part kDayRangeNoYear[] = {lit({"ngày "}), kDay, kSpace, lit({"-", "đến", "tới", "và"}), kSpace, opt("ngày "),
                                    kDay, kSpace, kDaySep, kSpace, kMonth};
constexpr Part kDayInWords[] = {lit({"ngày "}), kDay, lit({" tháng "}), kMonth, opt(","), lit({" năm "}), kYear};
constexpr Part kDayDate[] = {opt("ngày "), kDay, kSpace, kDaySep, kSpace, kMonth, kSpace, kDaySep, kSpace, kYear};
constexpr Part kDayNoYear[] = {lit({"ngày "}), kDay, kSpace, kDaySep, kSpace, kMonth};
constexpr Part kBareDay[] = {lit({"ngày "}), kDay};
// ",? năm " is ", năm " before " năm ".
constexpr Part kMonthYearSep = lit({"/", "-", ".", ", năm ", " năm "});
constexpr Part kMonthRange[] = {lit({"tháng "}), kMonth, kSpace, lit({"-", "đến", "tới"}), kSpace, opt("tháng "),
                                kMonth, kSpace, kMonthYearSep, kSpace, kYear};
constexpr Part kMonthDate[] = {lit({"tháng "}), kMonth, kSpace, kMonthYearSep, kSpace, kYear};
constexpr Part kMonthNoYear[] = {lit({"tháng "}), kMonth};
constexpr Part kQuarterNumber = lit({"iv", "iii", "ii", "i", "1", "2", "3", "4"});
constexpr Part kQuarter[] = {lit({"quý "}), kQuarterNumber, kSpace, lit({"/", "-", ", năm ", " năm "}), kSpace, kYear};
constexpr Part kQuarterNoYear[] = {lit({"quý "}), kQuarterNumber};
constexpr Part kHalfInMonths[] = {lit({"6", "sáu"}), lit({" tháng "}), lit({"đầu", "cuối"}), lit({" năm "}), kYear};
constexpr Part kHalf[] = {lit({"nửa "}), lit({"đầu", "cuối", "sau"}), lit({" năm "}), kYear};
constexpr Part kYearOnly[] = {lit({"năm "}), kYear};

struct Alternative {
  const Part* begin;
  const Part* end;
};
template <size_t N>
constexpr Alternative alt(const Part (&parts)[N]) {
  return {parts, parts + N};
}
constexpr Alternative kAlternatives[] = {
    alt(kDayRange),   alt(kDayRangeNoYear), alt(kDayInWords), alt(kDayDate),      alt(kDayNoYear),
    alt(kBareDay),    alt(kMonthRange),     alt(kMonthDate),  alt(kMonthNoYear),  alt(kQuarter),
    alt(kQuarterNoYear), alt(kHalfInMonths), alt(kHalf),      alt(kYearOnly),
};

// Whether the parts from `p` match from `pos`: the first way in the
// pattern's order of preference; *end gets where that way ends.
bool match_parts(const Part* p, const Part* last, std::string_view s, size_t pos, size_t limit, size_t* end) {
  if (p == last) {
    *end = pos;
    return true;
  }
  if (p->kind == Part::digits) {
    size_t k = 0;
    while (k < p->most && pos + k < limit && s[pos + k] >= '0' && s[pos + k] <= '9') ++k;
    for (; k >= p->least && k > 0; --k)  // the longest run first
      if (match_parts(p + 1, last, s, pos + k, limit, end)) return true;
    return false;
  }
  const std::string_view rest = s.substr(pos, limit - pos);
  for (unsigned char i = 0; i < p->count; ++i)
    if (rest.starts_with(p->options[i]) && match_parts(p + 1, last, s, pos + p->options[i].size(), limit, end))
      return true;
  return p->optional && match_parts(p + 1, last, s, pos, limit, end);
}

}  // namespace

std::optional<size_t> match_atom(std::string_view s, size_t pos, size_t limit) {
  limit = std::min(limit, s.size());
  if (pos >= limit) return std::nullopt;
  size_t end;
  for (const auto& a : kAlternatives)
    if (match_parts(a.begin, a.end, s, pos, limit, &end)) return end;
  return std::nullopt;
}

}  // namespace plancheck::times
