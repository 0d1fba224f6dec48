// The JSON face of the model: ../shared/spec/extract-json.md, schema
// "plancheck.extract/1" (docs/extract.schema.json).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "plancheck/model.h"

namespace plancheck {

inline constexpr const char* kExtractSchema = "plancheck.extract/1";

nlohmann::ordered_json to_json(const Span& s);
nlohmann::ordered_json to_json(const TimeExpr& t);
nlohmann::ordered_json to_json(const Extraction& x);

// to_json(x).dump(indent) written as it goes (byte for byte the same, with
// invalid UTF-8 replaced): one element at a time is JSON in memory, not the
// whole document — on a 50 MB plan the tree of every time and unit is
// gigabytes. indent < 0: one line (jsonl).
void write_json(std::ostream& out, const Extraction& x, int indent);

// A value's JSON text as dump(indent) writes it (invalid UTF-8 replaced),
// each line after the first indented `depth` more: a value written inside
// an object or array that is itself written as it goes.
std::string dump_nested(const nlohmann::ordered_json& value, int indent, size_t depth);

}  // namespace plancheck
