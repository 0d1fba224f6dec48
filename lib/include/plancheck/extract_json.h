// The JSON face of the model: ../shared/spec/extract-json.md, schema
// "plancheck.extract/1" (docs/extract.schema.json).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string_view>
#include <vector>

#include "plancheck/error.h"
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

// Reading it back (extract_json_read.cc): an extraction corrected by hand,
// or made by another program (an OCR pipeline, a form), checked as if the
// extractor had made it. The rules see only the model, so they cannot tell.

// What a file's bytes are, by their content, whatever the file is called:
// `extraction` when they open as JSON ('{' or '[' after a BOM and spaces)
// and name the schema ("plancheck.extract/…" stands in them); `other_json`
// when they open as JSON and do not; `not_json` otherwise.
enum class ExtractJsonKind { not_json, extraction, other_json };
ExtractJsonKind extract_json_kind(std::string_view bytes);

// One object read: the model, or why it could not be read, located at
// file:line:column of the JSON (column in code points).
struct ExtractJsonItem {
  std::optional<Extraction> extraction;
  std::optional<LocatedError> error;
};

// Every plancheck.extract/1 object in `bytes`: one object, an array of them
// (what `extract --format json` prints for several files) or JSON lines (one
// object a line, `--format jsonl`). An object that is malformed (a wrong
// type, a value outside the vocabulary, an impossible date, a schema other
// than plancheck.extract/1) is an item with its error, and the others are
// still read; in JSON lines, so is a line that is not JSON. Throws
// LocatedError (naming `path`) when the whole file cannot be read: a
// syntax error in a single document, or bytes that extract_json_kind() does
// not find an extraction in (not JSON, or JSON that never names the
// schema: not parsed at all).
//
// Fields may be left out: a missing span is a Span with line 0 (known()
// false: diagnostics about it have no span), a missing list is empty, a
// missing `grain` is taken from the period's ends; a reference's number,
// type and issuer code, when left out, are taken from its id. Only a
// milestone's level, event and time (its relation and period), a pilot's
// kind, a time's relation and period and the object's schema are required.
// Unknown fields are passed over (the contract adds fields, never renames).
std::vector<ExtractJsonItem> read_extract_json(std::string_view bytes, const std::string& path);

}  // namespace plancheck
