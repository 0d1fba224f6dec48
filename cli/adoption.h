// Adopting plancheck on a repository with findings (issue 21): a baseline of
// accepted findings (`check --baseline`, `--write-baseline`) and the
// settings' [[ignore]] tables. What each reporter says of them, in one
// place, so the formats say the same (docs/cli.md, "Baselines and ignores").
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "plancheck/report.h"
#include "plancheck/settings.h"

namespace plancheck::cli {

// Takes out of `diags` the findings an ignore covers; returns how many.
size_t drop_ignored(const std::vector<IgnoreRule>& list, const std::string& path, std::vector<Diagnostic>& diags);

// The summary line's tail: ", 3 known (baseline), 2 ignored" (what there is).
std::string adoption_text(const CheckSummary& s, Lang lang);
// The stale entries of the baseline, a line each under a line saying how to
// refresh it; "" when there are none.
std::string stale_text(const CheckSummary& s, Lang lang);

}  // namespace plancheck::cli
