// The calendar's own output: ISO dates as every report writes them.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "plancheck/calendar.h"

namespace plancheck {
namespace {

TEST(CivilDate, IsoIsYearMonthDayZeroPadded) {
  // Written by hand (JSON output asks for two per time expression): the
  // same as the format "{:04}-{:02}-{:02}" for every year a plan can name,
  // and for the years beyond four digits that fall back to it.
  for (int year : {0, 1, 9, 10, 99, 100, 999, 1000, 1975, 2025, 2030, 9999, 10000, 12345, -1}) {
    for (int month : {1, 2, 9, 10, 12}) {
      for (int day : {1, 9, 10, 28, 29, 31}) {
        CivilDate d;
        d.year = year;
        d.month = month;
        d.day = day;
        EXPECT_EQ(d.iso(), fmt::format("{:04}-{:02}-{:02}", year, month, day));
      }
    }
  }
  CivilDate deadline;
  deadline.year = 2025;
  deadline.month = 6;
  deadline.day = 30;
  EXPECT_EQ(deadline.iso(), "2025-06-30");
}

}  // namespace
}  // namespace plancheck
