// The extractors' grammars as RE2 patterns: the specification that the
// hand-written readers (document_code.h, time_atoms.h) are held to by the
// unit tests and the engines fuzzer, which compare the two on real and
// random text. The time atom pattern is generated from the declaration the
// typed matcher is compiled from, and compared on its captures too. The readers run in extraction, at every run of digits,
// where RE2 cost 17 times as much for codes and twice as much for time
// atoms (docs/performance.md, session 7). Internal to the library.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "extract/document_code.h"
#include "extract/time_atoms.h"

namespace plancheck::patterns {

// codes::read_document_code() by RE2: party style first, then state style.
std::optional<codes::DocumentCode> document_code(std::string_view s, size_t pos, size_t limit);

// times::match_atom() by RE2: the atom matched at `pos` in folded text cut
// at `limit`, leftmost-first, with the alternative that matched and the
// values of its captures, read from the pattern's groups
// (times::atom_groups()).
std::optional<times::AtomMatch> time_atom(std::string_view s, size_t pos, size_t limit);

// The patterns themselves, for docs and tools. The time atom pattern is
// generated from the grammar's declaration (times::atom_pattern()).
extern const char* const kDocumentCode;
const std::string& time_atom_pattern();

}  // namespace plancheck::patterns
