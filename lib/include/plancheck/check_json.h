// The JSON face of diagnostics: ../shared/spec/check-json.md, schema
// "plancheck.check/1".
#pragma once

#include <nlohmann/json.hpp>

#include "plancheck/check.h"

namespace plancheck {

inline constexpr const char* kCheckSchema = "plancheck.check/1";

nlohmann::ordered_json to_json(const Diagnostic& d, Lang lang);
nlohmann::ordered_json ruleset_json(const RuleSet& s);

}  // namespace plancheck
