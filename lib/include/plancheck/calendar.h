// Civil dates and calendar periods, the time vocabulary of plans.
//
// Contract: CivilDate is a proleptic Gregorian date with no time zone; a
// default-constructed one is invalid. Period ends are inclusive. Nothing here
// parses text: see time_expr.h for that.
#pragma once

#include <compare>
#include <optional>
#include <string>

namespace plancheck {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // Returns the date if (y, m, d) exists in the calendar (31/2/2025 does not).
  static std::optional<CivilDate> make(int y, int m, int d);
  static int days_in_month(int y, int m);
  static CivilDate last_of_month(int y, int m) { return {y, m, days_in_month(y, m)}; }

  bool valid() const;
  std::string iso() const;  // "2025-02-28"
  // The day after / before (valid dates only).
  CivilDate next() const;
  CivilDate prev() const;
  // Parses "YYYY-MM-DD"; nullopt on anything else.
  static std::optional<CivilDate> parse_iso(const std::string& s);

  auto operator<=>(const CivilDate&) const = default;
};

enum class Grain { day, month, quarter, half, year };
const char* to_string(Grain g);

// A calendar period named by words, both ends inclusive.
struct Period {
  CivilDate start;
  CivilDate end;
  Grain grain = Grain::day;

  static Period day(CivilDate d) { return {d, d, Grain::day}; }
  static Period month(int y, int m);
  static Period quarter(int y, int q);  // q = 1..4
  static Period half(int y, int h);     // h = 1..2
  static Period year(int y);
  bool operator==(const Period&) const = default;
};

}  // namespace plancheck
