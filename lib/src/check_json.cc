#include "plancheck/check_json.h"

#include "plancheck/extract_json.h"

namespace plancheck {

namespace {

nlohmann::ordered_json date_json(const std::optional<CivilDate>& d) {
  return d ? nlohmann::ordered_json(d->iso()) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json time_json(const TimeView& t) {
  nlohmann::ordered_json j;
  j["text"] = t.text;
  j["relation"] = t.relation ? nlohmann::ordered_json(to_string(*t.relation)) : nlohmann::ordered_json(nullptr);
  j["start"] = date_json(t.start);
  j["end"] = date_json(t.end);
  return j;
}

}  // namespace

nlohmann::ordered_json to_json(const Diagnostic& d, Lang lang) {
  nlohmann::ordered_json j;
  j["rule"] = d.rule;
  j["category"] = to_string(d.category);
  j["severity"] = to_string(d.severity);
  j["level"] = d.level ? nlohmann::ordered_json(to_string(*d.level)) : nlohmann::ordered_json(nullptr);
  j["message"] = d.message(lang);
  j["span"] = d.span ? to_json(*d.span) : nlohmann::ordered_json(nullptr);
  j["plan"] = d.plan ? time_json(*d.plan) : nlohmann::ordered_json(nullptr);
  if (d.limit) {
    nlohmann::ordered_json l;
    l["directive"] = d.limit->directive;
    l["date"] = date_json(d.limit->date);
    const auto t = time_json(d.limit->time);
    for (const auto& [k, v] : t.items()) l[k] = v;
    // Added to the contract: where a higher plan states the limit.
    if (d.limit_source) {
      nlohmann::ordered_json at;
      at["file"] = d.limit_source->file;
      at["line"] = d.limit_source->line;
      at["column"] = d.limit_source->column;
      l["source"] = std::move(at);
    }
    j["limit"] = std::move(l);
  } else {
    j["limit"] = nullptr;
  }
  j["fingerprint"] = d.fingerprint;
  // Added to the spec's fields (docs/cli.md, "check --format json"): what to
  // write instead, when it is clear, and the finding against a baseline.
  if (!d.fix(lang).empty()) j["fix"] = d.fix(lang);
  if (d.baseline) j["baseline"] = to_string(*d.baseline);
  return j;
}

nlohmann::ordered_json location_json(const DocumentPlace& p) {
  nlohmann::ordered_json j;
  switch (p.kind) {
    case LineOrigin::Kind::paragraph:
      j["paragraph"] = p.number;
      if (p.part > 1) j["paragraph_line"] = p.part;
      break;
    case LineOrigin::Kind::table_row:
      j["table"] = p.number;
      j["row"] = p.row;
      if (p.cell) j["cell"] = p.cell;
      break;
    case LineOrigin::Kind::html_line:
      j["html_line"] = p.number;
      break;
    case LineOrigin::Kind::page_line:
      j["page"] = p.number;
      j["page_line"] = p.row;
      break;
  }
  j["column"] = p.column;
  return j;
}

nlohmann::ordered_json ruleset_json(const RuleSet& s) {
  nlohmann::ordered_json j;
  j["id"] = s.id;
  j["directive"] = s.number;
  j["date"] = s.date.iso();
  j["source"] = s.path;
  return j;
}

}  // namespace plancheck
