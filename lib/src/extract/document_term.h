// The term a text prepares ("nhiệm kỳ 2025 - 2030", weighed against the
// national congress it leads to), read alone: the times extractor takes the
// year of an undated day from it when the text writes no year
// (docs/extraction.md, "Inferred years"). The same reading as
// DocumentFacts::term. Internal to the library.
#pragma once

#include <optional>

#include "plancheck/model.h"
#include "plancheck/text.h"

namespace plancheck {

std::optional<Term> document_term(const Text& text);

}  // namespace plancheck
