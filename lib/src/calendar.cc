#include "plancheck/calendar.h"

#include <fmt/format.h>

namespace plancheck {

int CivilDate::days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

std::optional<CivilDate> CivilDate::make(int y, int m, int d) {
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return CivilDate{y, m, d};
}

bool CivilDate::valid() const { return make(year, month, day).has_value(); }

std::string CivilDate::iso() const {
  // Written out by hand: JSON output asks for two of these per time
  // expression, and a format string is parsed at every call.
  if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99)
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  std::string out(10, '-');
  const auto put = [&](size_t at, int v, int digits) {
    for (int k = digits - 1; k >= 0; --k, v /= 10) out[at + static_cast<size_t>(k)] = static_cast<char>('0' + v % 10);
  };
  put(0, year, 4);
  put(5, month, 2);
  put(8, day, 2);
  return out;
}

CivilDate CivilDate::next() const {
  if (day < days_in_month(year, month)) return {year, month, day + 1};
  if (month < 12) return {year, month + 1, 1};
  return {year + 1, 1, 1};
}

CivilDate CivilDate::prev() const {
  if (day > 1) return {year, month, day - 1};
  if (month > 1) return last_of_month(year, month - 1);
  return {year - 1, 12, 31};
}

std::optional<CivilDate> CivilDate::parse_iso(const std::string& s) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  return make(y, m, d);
}

const char* to_string(Grain g) {
  switch (g) {
    case Grain::day: return "day";
    case Grain::month: return "month";
    case Grain::quarter: return "quarter";
    case Grain::half: return "half";
    case Grain::year: return "year";
  }
  return "?";
}

Period Period::month(int y, int m) { return {{y, m, 1}, CivilDate::last_of_month(y, m), Grain::month}; }

Period Period::quarter(int y, int q) {
  return {{y, 3 * q - 2, 1}, CivilDate::last_of_month(y, 3 * q), Grain::quarter};
}

Period Period::half(int y, int h) {
  return {{y, h == 1 ? 1 : 7, 1}, CivilDate::last_of_month(y, h == 1 ? 6 : 12), Grain::half};
}

Period Period::year(int y) { return {{y, 1, 1}, {y, 12, 31}, Grain::year}; }

}  // namespace plancheck
