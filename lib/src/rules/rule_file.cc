// Rule files (TOML, docs/rules.md) into RuleSets. Every error names the
// file and the line:column of the value at fault.
#include <toml++/toml.h>

#include <fmt/format.h>

#include <set>

#include "plancheck/extract.h"
#include "plancheck/rules.h"
#include "plancheck/source.h"
#include "plancheck/text.h"
#include "../toml_reader.h"

namespace plancheck {

std::string qualified_rule_id(const RuleSet& set, const std::string& name_or_id) {
  return name_or_id.find('/') == std::string::npos ? set.id + "/" + name_or_id : name_or_id;
}

const char* to_string(Reading r) { return r == Reading::inclusive ? "inclusive" : "strict"; }

const char* to_string(Authority a) {
  switch (a) {
    case Authority::directive: return "directive";
    case Authority::plan: return "plan";
    case Authority::guidance: return "guidance";
    case Authority::press: return "press";
  }
  return "?";
}

const char* to_string(RuleKind k) {
  switch (k) {
    case RuleKind::deadline: return "deadline";
    case RuleKind::start: return "start";
    case RuleKind::order: return "order";
    case RuleKind::pilot: return "pilot";
    case RuleKind::require: return "require";
    case RuleKind::citation: return "citation";
    case RuleKind::text: return "text";
  }
  return "?";
}

namespace {

// The rule file's own value kinds on top of the shared TOML reading.
class Reader : public TomlReader<RuleError> {
 public:
  using TomlReader::TomlReader;

  std::optional<Level> level(const toml::table& t, bool required) const {
    const toml::node* n = t.get("level");
    if (!n) {
      if (required) throw RuleError(at(t), both(msg::toml_missing_key, "level"));
      return std::nullopt;
    }
    if (!n->is_string()) fail(*n, both(msg::toml_not_string, "level"));
    auto l = parse_level(n->as_string()->get());
    if (!l) fail(*n, both(msg::rules_unknown_level, n->as_string()->get()));
    return l;
  }

  // A limit in the directive's own words, read by the plan extractor.
  LimitTime limit(const toml::table& t, std::string_view key) const {
    const toml::node* n = t.get(key);
    if (!n) throw RuleError(at(t), both(msg::toml_missing_key, key));
    if (!n->is_string()) fail(*n, both(msg::toml_not_string, key));
    LimitTime lt;
    lt.text = n->as_string()->get();
    Text text(lt.text);
    std::vector<Notice> notices;
    auto times = extract_times(text, &notices);
    for (const auto& no : notices)
      if (no.code == "invalid_date") fail(*n, both(msg::rules_invalid_date, key, no.text));
    if (times.size() != 1)
      fail(*n, both(msg::rules_one_time, key, times.size()));
    lt.time = times.front();
    return lt;
  }
};

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

}  // namespace

RuleSet parse_rule_file(std::string_view toml_text, const std::string& path) {
  const toml::table root = Reader::parse(toml_text, path);
  const Reader r(path);
  r.only_keys(root, {"id", "kind", "title", "number", "date", "issuer", "source", "term", "national_congress",
                     "extends", "superseded_by", "superseded_from", "document", "deadline", "start", "order",
                     "pilot", "require", "citation", "text", "example"});
  RuleSet set;
  set.path = path;
  set.id = *r.string(root, "id", true);
  if (!valid_id(set.id)) r.fail(*root.get("id"), both(msg::rules_id_form));
  set.kind = r.string(root, "kind").value_or("directive");
  if (set.kind != "directive" && set.kind != "plan") r.fail(*root.get("kind"), both(msg::rules_kind));
  set.title = r.string(root, "title").value_or("");
  set.number = *r.string(root, "number", true);  // may be "" for a plan whose number is not at hand
  set.date = *r.date(root, "date", true);
  set.issuer = r.string(root, "issuer").value_or("");
  set.source = *r.text(root, "source", true);
  if (auto term = r.string(root, "term")) {
    int from = 0, to = 0;
    char tail = 0;
    if (std::sscanf(term->c_str(), "%4d-%4d%c", &from, &to, &tail) != 2 || to != from + 5)
      r.fail(*root.get("term"), both(msg::rules_term_form));
    set.term = Term{from, to};
  }
  set.national_congress = r.string(root, "national_congress");
  set.extends = r.strings(root, "extends");
  set.extends_at = r.string_locations(root, "extends");
  set.superseded_by = r.string(root, "superseded_by");
  set.superseded_at = root.get("superseded_by") ? r.at(*root.get("superseded_by")) : RuleLocation{path, 0, 0};
  set.superseded_from = r.date(root, "superseded_from");
  if (set.superseded_by.has_value() != set.superseded_from.has_value())
    throw RuleError(r.at(root), both(msg::rules_superseded_pair));

  auto tables = [&](std::string_view key, auto&& each) {
    const toml::node* n = root.get(key);
    if (!n) return;
    const toml::array* arr = n->as_array();
    if (!arr || !arr->is_array_of_tables())
      r.fail(*n, both(msg::toml_not_tables, key));
    for (const auto& e : *arr) each(*e.as_table());
  };

  tables("document", [&](const toml::table& t) {
    r.only_keys(t, {"id", "date"});
    std::string id = *r.string(t, "id", true);
    for (const auto& d : set.documents)
      if (d.id == id) r.fail(*t.get("id"), both(msg::rules_two_documents, id));
    set.documents.push_back({std::move(id), *r.date(t, "date", true)});
  });

  std::set<std::string> names;
  auto add_rule = [&](const toml::table& t, Rule rule, std::string default_name) {
    rule.name = r.string(t, "name").value_or(std::move(default_name));
    if (!valid_id(rule.name)) r.fail(t, both(msg::rules_name_form));
    rule.id = set.id + "/" + rule.name;
    rule.summary = r.text(t, "summary").value_or(LocalText{});
    if (auto sev = r.string(t, "severity")) {
      if (*sev != "error" && *sev != "warning" && *sev != "note")
        r.fail(*t.get("severity"), both(msg::rules_severity));
      rule.severity = *sev;
    }
    rule.where = r.at(t);
    if (!names.insert(rule.name).second) r.fail(t, both(msg::rules_two_named, rule.name));
    set.rules.push_back(std::move(rule));
  };
  auto limited = [&](RuleKind kind, std::string_view key, bool limit_required) {
    tables(key, [&](const toml::table& t) {
      r.only_keys(t, {"name", "level", "limit", "reading", "summary", "severity", "source"});
      Rule rule;
      rule.kind = kind;
      if (const toml::node* src = t.get("source")) {
        const toml::table* st = src->as_table();
        if (!st) r.fail(*src, both(msg::rules_source_form));
        r.only_keys(*st, {"document", "date", "text", "authority", "file", "line", "column"});
        RuleSource rs;
        rs.document = *r.string(*st, "document", true);
        rs.date = r.date(*st, "date");
        rs.text = *r.string(*st, "text", true);
        const std::string authority = r.string(*st, "authority").value_or("directive");
        if (authority == "directive") rs.authority = Authority::directive;
        else if (authority == "plan") rs.authority = Authority::plan;
        else if (authority == "guidance") rs.authority = Authority::guidance;
        else if (authority == "press") rs.authority = Authority::press;
        else r.fail(*st->get("authority"), both(msg::rules_source_authority));
        if (const auto file = r.string(*st, "file")) {
          SourcePlace at;
          at.file = *file;
          if (const auto line = st->get("line"); line && line->as_integer() && line->as_integer()->get() > 0)
            at.line = static_cast<uint32_t>(line->as_integer()->get());
          if (const auto col = st->get("column"); col && col->as_integer() && col->as_integer()->get() > 0)
            at.column = static_cast<uint32_t>(col->as_integer()->get());
          rs.at = std::move(at);
        }
        rule.source = std::move(rs);
      }
      const Level level = *r.level(t, true);
      rule.level = level;
      if (limit_required || t.get("limit")) rule.limit = r.limit(t, "limit");
      if (auto reading = r.string(t, "reading")) {
        if (*reading == "inclusive") rule.reading = Reading::inclusive;
        else if (*reading == "strict") rule.reading = Reading::strict;
        else r.fail(*t.get("reading"), both(msg::rules_reading));
      }
      add_rule(t, std::move(rule), fmt::format("{}-{}", to_string(level), key));
    });
  };
  limited(RuleKind::deadline, "deadline", true);
  limited(RuleKind::start, "start", true);
  limited(RuleKind::pilot, "pilot", false);
  tables("order", [&](const toml::table& t) {
    r.only_keys(t, {"name", "summary", "severity"});
    Rule rule;
    rule.kind = RuleKind::order;
    add_rule(t, std::move(rule), "order");
  });
  tables("require", [&](const toml::table& t) {
    r.only_keys(t, {"name", "completion", "pilot", "summary", "severity"});
    Rule rule;
    rule.kind = RuleKind::require;
    rule.require_completion = r.boolean(t, "completion");
    rule.require_pilot = r.boolean(t, "pilot");
    if (!rule.require_completion && !rule.require_pilot) r.fail(t, both(msg::rules_require_what));
    add_rule(t, std::move(rule), "require");
  });
  tables("citation", [&](const toml::table& t) {
    r.only_keys(t, {"name", "summary", "severity"});
    Rule rule;
    rule.kind = RuleKind::citation;
    add_rule(t, std::move(rule), "citation");
  });
  tables("text", [&](const toml::table& t) {
    r.only_keys(t, {"name", "codes", "summary", "severity"});
    Rule rule;
    rule.kind = RuleKind::text;
    rule.notice_codes = r.strings(t, "codes");
    for (const auto& c : rule.notice_codes)
      if (c != "typo" && c != "lookalike" && c != "invalid_date" && c != "conflicting_date")
        r.fail(*t.get("codes"), both(msg::rules_notice_code, c));
    add_rule(t, std::move(rule), "text");
  });
  tables("example", [&](const toml::table& t) {
    r.only_keys(t, {"text", "expect", "absent"});
    RuleExample ex;
    ex.text = *r.string(t, "text", true);
    ex.expect = r.strings(t, "expect");
    ex.absent = r.strings(t, "absent");
    ex.where = r.at(t);
    if (ex.expect.empty() && ex.absent.empty()) r.fail(t, both(msg::rules_example_needs));
    set.examples.push_back(std::move(ex));
  });
  return set;
}

RuleSet load_rule_file(const std::string& path) {
  // The one reader of plans and settings too: regular files only (a link to
  // /dev/zero or a FIFO named *.toml is refused, not read forever), bounded.
  // Decoded as a plan is, so an invalid byte is located where it is (in
  // code points) and a BOM or UTF-16 file is read, not misreported by TOML.
  std::string text;
  try {
    text = decode_source(read_file_bytes(path, {.max_bytes = kMaxRuleFileBytes, .streams = false}), path).utf8;
  } catch (const SourceError& e) {
    throw RuleError(e.where(), e.reason());
  }
  return parse_rule_file(text, path);
}

}  // namespace plancheck
