// The JSON face of diagnostics: ../shared/spec/check-json.md, schema
// "plancheck.check/1".
#pragma once

#include <nlohmann/json.hpp>

#include "plancheck/check.h"
#include "plancheck/source.h"

namespace plancheck {

inline constexpr const char* kCheckSchema = "plancheck.check/1";

nlohmann::ordered_json to_json(const Diagnostic& d, Lang lang);
nlohmann::ordered_json ruleset_json(const RuleSet& s);

// A place in a structured document (source.h), as the optional "location"
// of a diagnostic (an addition to the spec, docs/cli.md "Formats"):
// {"paragraph": 12, "column": 5} (with "paragraph_line" when the paragraph
// has line breaks and the place is past the first), {"table": 1, "row": 3,
// "cell": 2, "column": 5}, or {"html_line": 41, "column": 5}.
nlohmann::ordered_json location_json(const DocumentPlace& p);

}  // namespace plancheck
