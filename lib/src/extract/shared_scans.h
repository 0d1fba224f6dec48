// Extractors that share one scan of a text's organisations: extract() runs
// them with one OrgIndex; the public functions in extract.h make their own.
// Internal to the library.
#pragma once

#include <vector>

#include "extract/orgs.h"
#include "plancheck/model.h"
#include "plancheck/text.h"

namespace plancheck {

std::vector<Unit> extract_units(const Text& text, const orgs::OrgIndex& org_index);
std::vector<Pilot> extract_pilots(const Text& text, const std::vector<TimeExpr>& times, const orgs::OrgIndex& org_index);

}  // namespace plancheck
