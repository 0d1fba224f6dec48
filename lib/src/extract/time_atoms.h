// The calendar atoms of time expressions ("ngày 20/9/2024", "15 - 30/3/2020",
// "tháng 4 đến tháng 6/2025", "quý I/2025", "6 tháng đầu năm 2025",
// "năm 2025"), recognised at a position of folded text: the grammar of
// patterns::kTimeAtom, alternative by alternative in its order, each part
// taking as much as it may and giving back only when what follows fails
// (leftmost-first, as RE2 and Perl choose). The grammar is declared as
// types, part by part like the pattern, and compiled into straight code
// (time_atoms.cc): a table-driven matcher cost more than RE2.
//
// Contract: match_atom(s, pos, limit) == patterns::time_atom(s, pos, limit)
// for any text, position and limit; tests and the engines fuzzer hold the
// two together (extract/patterns.h). What the atom means is read from the
// matched text afterwards (times.cc). Internal to the library.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace plancheck::times {

// The end of the atom that starts at `pos` in folded text cut at `limit`;
// nullopt when none does.
std::optional<size_t> match_atom(std::string_view s, size_t pos, size_t limit);

}  // namespace plancheck::times
