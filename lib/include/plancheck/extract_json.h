// The JSON face of the model: ../shared/spec/extract-json.md, schema
// "plancheck.extract/1" (docs/extract.schema.json).
#pragma once

#include <nlohmann/json.hpp>

#include "plancheck/model.h"

namespace plancheck {

inline constexpr const char* kExtractSchema = "plancheck.extract/1";

nlohmann::ordered_json to_json(const Span& s);
nlohmann::ordered_json to_json(const TimeExpr& t);
nlohmann::ordered_json to_json(const Extraction& x);

}  // namespace plancheck
