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

namespace {

json document_json(const DocumentFacts& d) {
  json doc = json::object();
  doc["term"] = d.term ? json{{"from", d.term->from}, {"to", d.term->to}} : json(nullptr);
  doc["national_congress"] = opt(d.national_congress);
  doc["issuer"] = opt(d.issuer);
  return doc;
}

json element_json(const Reference& r) {
  return json{{"id", opt(r.id)},
              {"number", r.number},
              {"type", r.type.empty() ? json(nullptr) : json(r.type)},
              {"issuer_code", r.issuer_code.empty() ? json(nullptr) : json(r.issuer_code)},
              {"kind", r.kind},
              {"date", r.date ? json(r.date->iso()) : json(nullptr)},
              {"issuer", opt(r.issuer)},
              {"text", r.text},
              {"span", to_json(r.span)}};
}

json element_json(const TimeExpr& t) { return to_json(t); }

json element_json(const Unit& u) {
  return json{{"name", u.name}, {"type", to_string(u.type)}, {"level", level_json(u.level)}, {"span", to_json(u.span)}};
}

json element_json(const Milestone& m) {
  json j{{"level", to_string(m.level)}, {"event", to_string(m.event)}, {"time", to_json(m.time)},
         {"subject", m.subject},        {"source", opt(m.source)},     {"status", to_string(m.status)},
         {"span", to_json(m.span)}};
  // Added to the contract, only where there is one: the unit whose official
  // is quoted stating it (model.h), which checks read.
  if (m.quoted_from) j["quoted_from"] = element_json(*m.quoted_from);
  return j;
}

json element_json(const Pilot& p) {
  return json{{"kind", to_string(p.kind)},
              {"level", level_json(p.level)},
              {"units", p.units},
              {"count", p.count},
              {"selected_by", opt(p.selected_by)},
              {"time", p.time ? to_json(*p.time) : json(nullptr)},
              {"span", to_json(p.span)}};
}

json element_json(const Notice& n) {
  json j{{"code", n.code}, {"message", n.message}, {"suggestion", opt(n.suggestion)},
         {"text", n.text}, {"span", to_json(n.span)}};
  if (n.level) j["level"] = to_string(*n.level);  // written only when present (open_time)
  return j;
}

template <typename T>
json array_json(const std::vector<T>& items) {
  json a = json::array();
  for (const auto& i : items) a.push_back(element_json(i));
  return a;
}

// Writes the members of the top-level object one by one, exactly as dump()
// lays them out, so that an array is never held whole as JSON.
class ObjectWriter {
 public:
  ObjectWriter(std::ostream& out, int indent) : out_(out), indent_(indent) {}
  void member(std::string_view key, const json& value) {
    open_member(key);
    out_ << dump_nested(value, indent_, step());
  }
  template <typename T>
  void array(std::string_view key, const std::vector<T>& items) {
    open_member(key);
    if (items.empty()) {
      out_ << "[]";
      return;
    }
    out_ << '[';
    bool first = true;
    for (const auto& i : items) {
      if (!first) out_ << ',';
      first = false;
      if (indent_ >= 0) out_ << '\n' << std::string(2 * step(), ' ');
      out_ << dump_nested(element_json(i), indent_, 2 * step());
    }
    if (indent_ >= 0) out_ << '\n' << std::string(step(), ' ');
    out_ << ']';
  }
  void close() {
    if (indent_ >= 0) out_ << '\n';
    out_ << '}';
  }

 private:
  size_t step() const { return indent_ < 0 ? 0 : static_cast<size_t>(indent_); }
  void open_member(std::string_view key) {
    out_ << (first_ ? "{" : ",");
    first_ = false;
    if (indent_ >= 0) out_ << '\n' << std::string(step(), ' ');
    out_ << json(key).dump() << (indent_ >= 0 ? ": " : ":");
  }
  std::ostream& out_;
  int indent_;
  bool first_ = true;
};

}  // namespace

std::string dump_nested(const json& value, int indent, size_t depth) {
  const std::string text = value.dump(indent, ' ', false, json::error_handler_t::replace);
  if (indent < 0 || depth == 0) return text;
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    out += c;
    if (c == '\n') out.append(depth, ' ');
  }
  return out;
}

json to_json(const Extraction& x) {
  return json{{"schema", kExtractSchema},
              {"file", x.file},
              {"document", document_json(x.document)},
              {"references", array_json(x.references)},
              {"times", array_json(x.times)},
              {"units", array_json(x.units)},
              {"milestones", array_json(x.milestones)},
              {"pilots", array_json(x.pilots)},
              {"notices", array_json(x.notices)}};
}

void write_json(std::ostream& out, const Extraction& x, int indent) {
  ObjectWriter w(out, indent);
  w.member("schema", kExtractSchema);
  w.member("file", x.file);
  w.member("document", document_json(x.document));
  w.array("references", x.references);
  w.array("times", x.times);
  w.array("units", x.units);
  w.array("milestones", x.milestones);
  w.array("pilots", x.pilots);
  w.array("notices", x.notices);
  w.close();
}

}  // namespace plancheck
