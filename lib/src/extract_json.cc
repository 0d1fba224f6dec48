#include "plancheck/extract_json.h"

namespace plancheck {

using json = nlohmann::ordered_json;

namespace {

template <typename T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json level_json(const std::optional<Level>& l) { return l ? json(to_string(*l)) : json(nullptr); }

}  // namespace

json to_json(const Span& s) {
  return json{{"start", s.start}, {"end", s.end}, {"line", s.line}, {"column", s.column}};
}

json to_json(const TimeExpr& t) {
  return json{{"text", t.text},
              {"relation", to_string(t.relation)},
              {"period", {{"start", t.period.start.iso()}, {"end", t.period.end.iso()}, {"grain", to_string(t.period.grain)}}},
              {"part", t.part == Part::none ? json(nullptr) : json(to_string(t.part))},
              {"year_inferred", t.year_inferred},
              {"span", to_json(t.span)}};
}

json to_json(const Extraction& x) {
  json doc = json::object();
  doc["term"] = x.document.term ? json{{"from", x.document.term->from}, {"to", x.document.term->to}} : json(nullptr);
  doc["national_congress"] = opt(x.document.national_congress);
  doc["issuer"] = opt(x.document.issuer);

  json refs = json::array();
  for (const auto& r : x.references)
    refs.push_back(json{{"id", opt(r.id)},
                        {"number", r.number},
                        {"type", r.type.empty() ? json(nullptr) : json(r.type)},
                        {"issuer_code", r.issuer_code.empty() ? json(nullptr) : json(r.issuer_code)},
                        {"kind", r.kind},
                        {"date", r.date ? json(r.date->iso()) : json(nullptr)},
                        {"issuer", opt(r.issuer)},
                        {"text", r.text},
                        {"span", to_json(r.span)}});
  json times = json::array();
  for (const auto& t : x.times) times.push_back(to_json(t));
  json units = json::array();
  for (const auto& u : x.units)
    units.push_back(json{{"name", u.name}, {"type", to_string(u.type)}, {"level", level_json(u.level)},
                         {"span", to_json(u.span)}});
  json milestones = json::array();
  for (const auto& m : x.milestones)
    milestones.push_back(json{{"level", to_string(m.level)},
                              {"event", to_string(m.event)},
                              {"time", to_json(m.time)},
                              {"subject", m.subject},
                              {"source", opt(m.source)},
                              {"status", to_string(m.status)},
                              {"span", to_json(m.span)}});
  json pilots = json::array();
  for (const auto& p : x.pilots)
    pilots.push_back(json{{"kind", to_string(p.kind)},
                          {"level", level_json(p.level)},
                          {"units", p.units},
                          {"count", p.count},
                          {"selected_by", opt(p.selected_by)},
                          {"time", p.time ? to_json(*p.time) : json(nullptr)},
                          {"span", to_json(p.span)}});
  json notices = json::array();
  for (const auto& n : x.notices)
    notices.push_back(json{{"code", n.code}, {"message", n.message}, {"suggestion", opt(n.suggestion)},
                           {"text", n.text}, {"span", to_json(n.span)}});
  return json{{"schema", kExtractSchema}, {"file", x.file},       {"document", doc},
              {"references", refs},       {"times", times},       {"units", units},
              {"milestones", milestones}, {"pilots", pilots},     {"notices", notices}};
}

}  // namespace plancheck
