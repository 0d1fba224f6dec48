#include "plancheck/check_sarif.h"

#include <fmt/format.h>

#include "plancheck/check_json.h"

#include <algorithm>

namespace plancheck {

namespace {

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "none";
}

nlohmann::ordered_json message(std::string text) {
  nlohmann::ordered_json m;
  m["text"] = std::move(text);
  return m;
}

// Rules with no rule file behind them: a schedule the plan restates from the
// plan above it ("restated/grassroots-deadline").
RuleKind kind_of(Category c) {
  switch (c) {
    case Category::deadline:
    case Category::tight: return RuleKind::deadline;
    case Category::start: return RuleKind::start;
    case Category::order: return RuleKind::order;
    case Category::pilot: return RuleKind::pilot;
    case Category::missing: return RuleKind::require;
    case Category::citation: return RuleKind::citation;
    case Category::text: return RuleKind::text;
  }
  return RuleKind::text;
}

}  // namespace

std::string artifact_uri(const std::string& path) {
  std::string out;
  std::string_view p = path;
  if (!p.empty() && p.front() == '/') out = "file://";
  for (unsigned char c : p) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

SarifLog::SarifLog(const RuleBook& book, Lang lang, ColumnKind columns) : book_(book), lang_(lang), columns_(columns) {}

size_t SarifLog::rule_index(const Diagnostic& d) {
  auto it = std::find(rule_ids_.begin(), rule_ids_.end(), d.rule);
  if (it != rule_ids_.end()) return static_cast<size_t>(it - rule_ids_.begin());
  nlohmann::ordered_json r;
  r["id"] = d.rule;
  const auto ref = book_.find_rule(d.rule);
  const RuleKind kind = ref ? ref->rule->kind : kind_of(d.category);
  r["name"] = d.rule.substr(d.rule.find('/') + 1);
  const std::string summary = ref && !ref->rule->summary.in(lang_).empty() ? ref->rule->summary.in(lang_)
                                                                           : std::string(describe(kind).in(lang_));
  r["shortDescription"] = message(summary);
  std::string full(describe(kind).in(lang_));
  if (ref) {
    full += say(msg::sarif_source, lang_, ref->set->title, date_text(ref->set->date));
    if (ref->rule->limit) full += say(msg::sarif_limit, lang_, ref->rule->limit->text);
  } else {
    full += say(msg::sarif_restated, lang_);
  }
  r["fullDescription"] = message(full);
  r["help"] = message(say(msg::sarif_help, lang_, full, to_string(kind), d.rule));
  nlohmann::ordered_json cfg;
  cfg["level"] = sarif_level(ref ? default_severity(*ref->rule) : d.severity);
  r["defaultConfiguration"] = cfg;
  nlohmann::ordered_json props;
  props["kind"] = to_string(kind);
  if (ref) {
    props["ruleset"] = ref->set->id;
    props["directive"] = ref->set->number;
    props["directiveDate"] = ref->set->date.iso();
  }
  r["properties"] = props;
  rules_.push_back(std::move(r));
  rule_ids_.push_back(d.rule);
  return rule_ids_.size() - 1;
}

size_t SarifLog::artifact_index(const std::string& file) {
  const auto [it, added] = artifact_of_.try_emplace(file, artifact_of_.size());
  if (added) {
    artifact_uris_.push_back(artifact_uri(file));
    artifact_properties_.emplace_back();
  }
  return it->second;
}

void SarifLog::set_artifact_properties(const std::string& file, const nlohmann::ordered_json& properties) {
  artifact_properties_[artifact_index(file)] =
      properties.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void SarifLog::add(const std::string& file, const Text* text, const std::vector<Diagnostic>& diags,
                   const std::vector<LineOrigin>* origins) {
  const size_t artifact = artifact_index(file);
  for (const auto& d : diags) {
    nlohmann::ordered_json r;
    r["ruleId"] = d.rule;
    r["ruleIndex"] = rule_index(d);
    r["level"] = sarif_level(d.severity);
    r["message"] = message(d.message(lang_));
    nlohmann::ordered_json phys;
    phys["artifactLocation"]["uri"] = artifact_uri(file);
    phys["artifactLocation"]["index"] = artifact;
    if (d.span && !text) {
      phys["region"] = {{"startLine", d.span->line}, {"startColumn", d.span->column}};
    } else if (d.span) {
      const Span end = text->span(d.span->end, d.span->end);
      auto column = [&](uint32_t line, uint32_t cp) {
        return columns_ == ColumnKind::unicode_code_points ? cp : text->utf16_column(line, cp);
      };
      nlohmann::ordered_json region;
      region["startLine"] = d.span->line;
      region["startColumn"] = column(d.span->line, d.span->column);
      region["endLine"] = end.line;
      region["endColumn"] = column(end.line, end.column);  // one past the last character
      // As the user's file has it, where the region points.
      region["snippet"]["text"] = text->original_text(d.span->start, d.span->end);
      phys["region"] = std::move(region);
    }
    nlohmann::ordered_json loc;
    loc["physicalLocation"] = std::move(phys);
    r["locations"] = nlohmann::ordered_json::array({std::move(loc)});
    // The higher plan's sentence that sets the limit, where one does.
    if (d.limit_source && d.limit_source->line > 0) {
      nlohmann::ordered_json rel;
      rel["id"] = 1;
      rel["physicalLocation"]["artifactLocation"]["uri"] = artifact_uri(d.limit_source->file);
      rel["physicalLocation"]["region"]["startLine"] = d.limit_source->line;
      // Its column counts code points; said only where the log counts so.
      if (d.limit_source->column > 0 && columns_ == ColumnKind::unicode_code_points)
        rel["physicalLocation"]["region"]["startColumn"] = d.limit_source->column;
      if (d.limit) {
        const std::string doc =
            d.limit->date ? fmt::format("{} ({})", d.limit->directive, d.limit->date->iso()) : d.limit->directive;
        rel["message"] = message(fmt::format("{}: \"{}\"", doc, d.limit->time.text));
      }
      r["relatedLocations"] = nlohmann::ordered_json::array({std::move(rel)});
    }
    r["partialFingerprints"]["plancheck/v1"] = d.fingerprint;
    // SARIF's own word for a finding against a baseline (§3.27.24).
    if (d.baseline) r["baselineState"] = *d.baseline == BaselineState::known ? "unchanged" : "new";
    nlohmann::ordered_json props;
    props["category"] = to_string(d.category);
    if (d.level) props["level"] = to_string(*d.level);
    // What to write instead: words for a person, not a text edit, so not
    // SARIF's `fixes` (which would have to replace exact bytes).
    if (!d.fix(lang_).empty()) props["fix"] = d.fix(lang_);
    if (origins && d.span)
      if (const auto place = place_of(*origins, d.span->line, d.span->column))
        props["documentLocation"] = location_json(*place);
    r["properties"] = std::move(props);
    if (stream_) {
      if (streamed_++ == 0) open_stream();
      else *stream_ << ",\n";
      *stream_ << "        " << r.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    } else {
      results_.push_back(std::move(r));
    }
  }
}

void SarifLog::stream_to(std::ostream& out) { stream_ = &out; }

void SarifLog::set_configuration(std::vector<std::string> settings_files, std::vector<std::string> rule_files) {
  settings_files_ = std::move(settings_files);
  rule_files_ = std::move(rule_files);
}

void SarifLog::open_stream() {
  *stream_ << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
              "  \"runs\": [\n    {\n      \"results\": [\n";
}

void SarifLog::finish_stream() {
  if (streamed_ == 0) open_stream();
  else *stream_ << "\n";
  *stream_ << "      ]";
  // Key order does not matter to a JSON object: the run's other members
  // follow its results, once every file is known.
  const nlohmann::ordered_json rest = run_without_results();
  for (const auto& [key, value] : rest.items())
    *stream_ << ",\n      \"" << key << "\": " << value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  *stream_ << ",\n      \"artifacts\": [";
  for (size_t i = 0; i < artifact_uris_.size(); ++i) {
    *stream_ << (i ? ",\n" : "\n") << "        {\"location\": {\"uri\": " << nlohmann::ordered_json(artifact_uris_[i]).dump()
             << "}";
    if (!artifact_properties_[i].empty()) *stream_ << ", \"properties\": " << artifact_properties_[i];
    *stream_ << "}";
  }
  *stream_ << "\n      ]\n    }\n  ]\n}\n";
}

void SarifLog::add_failure(const std::string& file, const std::string& text) {
  nlohmann::ordered_json n;
  n["level"] = "error";
  n["message"] = message(text);
  nlohmann::ordered_json loc;
  loc["physicalLocation"]["artifactLocation"]["uri"] = artifact_uri(file);
  n["locations"] = nlohmann::ordered_json::array({std::move(loc)});
  failures_.push_back(std::move(n));
}

nlohmann::ordered_json SarifLog::run_without_results() const {
  nlohmann::ordered_json driver;
  driver["name"] = "plancheck";
  driver["version"] = PLANCHECK_VERSION;
  driver["semanticVersion"] = PLANCHECK_VERSION;
  driver["rules"] = rules_;
  nlohmann::ordered_json run;
  run["tool"]["driver"] = std::move(driver);
  nlohmann::ordered_json inv;
  // A file that could not be read is a run that did not do all it was asked.
  inv["executionSuccessful"] = failures_.empty();
  if (!failures_.empty()) inv["toolExecutionNotifications"] = failures_;
  if (!settings_files_.empty() || !rule_files_.empty()) {
    inv["properties"]["settingsFiles"] = settings_files_;
    inv["properties"]["ruleFiles"] = rule_files_;
  }
  run["invocations"] = nlohmann::ordered_json::array({std::move(inv)});
  run["columnKind"] = columns_ == ColumnKind::unicode_code_points ? "unicodeCodePoints" : "utf16CodeUnits";
  return run;
}

nlohmann::ordered_json SarifLog::finish() const {
  nlohmann::ordered_json run = run_without_results();
  nlohmann::ordered_json artifacts = nlohmann::ordered_json::array();
  for (size_t i = 0; i < artifact_uris_.size(); ++i) {
    nlohmann::ordered_json a = {{"location", {{"uri", artifact_uris_[i]}}}};
    if (!artifact_properties_[i].empty()) a["properties"] = nlohmann::ordered_json::parse(artifact_properties_[i]);
    artifacts.push_back(std::move(a));
  }
  run["artifacts"] = std::move(artifacts);
  run["results"] = results_;
  nlohmann::ordered_json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = nlohmann::ordered_json::array({std::move(run)});
  return log;
}

}  // namespace plancheck
