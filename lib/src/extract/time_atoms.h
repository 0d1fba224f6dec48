// The calendar atoms of time expressions ("ngày 20/9/2024", "15 - 30/3/2020",
// "tháng 4 đến tháng 6/2025", "quý I/2025", "6 tháng đầu năm 2025",
// "năm 2025"), recognised at a position of folded text. The grammar is
// declared once, in time_atoms.cc, as types, part by part the way the
// pattern reads, each alternative with its meaning: the kind of atom it
// is and what its numbers and valued words stand for (the captures: day,
// month, year, quarter …; "iv" is quarter 4, "mười một" month 11, "đầu"
// the first half). From that one declaration come
//  - match_atom(): the grammar compiled into straight code, each part taking
//    as much as it may and giving back only when what follows fails
//    (leftmost-first, as RE2 and Perl choose); a table-driven matcher cost
//    more than RE2;
//  - atom_pattern(): the same grammar as an RE2 pattern, each alternative a
//    group and each capture a group inside it (atom_groups() says which).
//
// Contract: match_atom(s, pos, limit) == patterns::time_atom(s, pos, limit)
// (the RE2 pattern read through atom_groups()) for any text, position and
// limit: the end, the alternative and its captured values. Tests and the
// engines fuzzer hold the two together (extract/patterns.h). What the
// captures mean for the calendar, and which atoms are no date after all
// (a month 13, a year 0999), times.cc decides. Internal to the library.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck::times {

// day_month: a day and month written bare, without "ngày" ("22/1", "4.3"):
// a date only after a time of day or a relation word ("Sáng 4.3", "đến
// 22/1"), never alone ("46/49", "4/4 nội dung").
enum class AtomKind { day_range, day, day_no_year, day_month, bare_day, month_range, month, month_no_year, quarter,
                      quarter_no_year, half, year };

// What a number or a valued word of an atom stands for. day and day2 are
// the first and the last day of a range or list ("ngày 3, 4 và 5.6.2020":
// 3 and 5); sep and sep2 the two separators of a whole date, as characters
// ('/', '.', '-'), which must agree ("20/9-2024" is no date); half is 1 for
// the first half, 2 for the second.
enum class Slot : uint8_t { day, day2, month, month2, year, quarter, half, sep, sep2 };
inline constexpr size_t kSlots = 9;

// The atom matched: where it ends, which alternative of the grammar matched
// (its index in the pattern's order), that alternative's kind, and the
// values of its captures (-1: not written, e.g. an optional part left out).
struct AtomMatch {
  size_t end = 0;
  uint8_t alternative = 0;
  AtomKind kind = AtomKind::day;
  // Written without "ngày" and without a year ("22/1", "14-15/7").
  bool bare = false;
  std::array<int, kSlots> values{-1, -1, -1, -1, -1, -1, -1, -1, -1};

  bool has(Slot s) const { return values[static_cast<size_t>(s)] >= 0; }
  int operator[](Slot s) const { return values[static_cast<size_t>(s)]; }
  bool operator==(const AtomMatch&) const = default;
};

// The atom that starts at `pos` in folded text cut at `limit`; nullopt when
// none does.
std::optional<AtomMatch> match_atom(std::string_view s, size_t pos, size_t limit);

// The grammar as an RE2 pattern (folded text, leftmost-first), generated
// from the declaration match_atom() is compiled from.
const std::string& atom_pattern();

// The groups of atom_pattern(), in order (group i + 1 is groups[i]): either
// a whole alternative (its index, name, kind and bare flag), or a capture
// inside the alternative before it (its slot, and how its text reads as a
// value: digits as a number, a word as the value it is declared with).
struct AtomGroup {
  int alternative = -1;  // -1: a capture
  std::string_view name;
  AtomKind kind = AtomKind::day;
  bool bare = false;
  Slot slot = Slot::day;
  int (*value)(std::string_view) = nullptr;
};
const std::vector<AtomGroup>& atom_groups();

}  // namespace plancheck::times
