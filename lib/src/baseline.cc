#include "plancheck/baseline.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <tuple>

namespace plancheck {

namespace fs = std::filesystem;

std::string baseline_file_key(std::string_view path) {
  fs::path p{std::string(path)};
  if (p.is_absolute()) {
    std::error_code ec;
    const fs::path rel = p.lexically_relative(fs::current_path(ec));
    // Outside the current folder: kept absolute (a relative path would
    // climb out with "..", and mean another file from another folder).
    if (!ec && !rel.empty() && *rel.begin() != "..") p = rel;
  }
  std::string s = p.lexically_normal().generic_string();
  if (s.size() > 1 && s.ends_with('/')) s.pop_back();
  return s;
}

BaselineEntry baseline_entry(const std::string& file, const Diagnostic& d, Lang lang) {
  return {baseline_file_key(file), d.rule, d.fingerprint, d.span ? d.span->line : 0, d.message(lang)};
}

std::string baseline_json(std::vector<BaselineEntry> entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
    return std::tie(a.file, a.line, a.rule) < std::tie(b.file, b.line, b.rule);
  });
  nlohmann::ordered_json j;
  j["schema"] = kBaselineSchema;
  auto& findings = j["findings"] = nlohmann::ordered_json::array();
  for (const auto& e : entries)
    findings.push_back(
        {{"file", e.file}, {"rule", e.rule}, {"fingerprint", e.fingerprint}, {"line", e.line}, {"message", e.message}});
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Baseline Baseline::parse(std::string_view text, const std::string& path) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw BaselineError({path, 0, 0}, both(msg::baseline_not_json, e.what()));
  }
  if (!j.is_object() || !j.contains("schema") || j["schema"] != kBaselineSchema)
    throw BaselineError({path, 0, 0}, both(msg::baseline_schema, kBaselineSchema));
  const auto findings = j.find("findings");
  if (findings == j.end() || !findings->is_array()) throw BaselineError({path, 0, 0}, both(msg::baseline_entry, 0));
  Baseline b;
  size_t n = 0;
  for (const auto& f : *findings) {
    ++n;
    const auto str = [&](const char* key) -> std::string {
      const auto it = f.is_object() ? f.find(key) : f.end();
      if (!f.is_object() || it == f.end() || !it->is_string()) throw BaselineError({path, 0, 0}, both(msg::baseline_entry, n));
      return it->get<std::string>();
    };
    BaselineEntry e;
    e.file = baseline_file_key(str("file"));
    e.rule = str("rule");
    e.fingerprint = str("fingerprint");
    if (const auto line = f.find("line"); line != f.end() && line->is_number_unsigned()) e.line = line->get<uint32_t>();
    if (const auto m = f.find("message"); m != f.end() && m->is_string()) e.message = m->get<std::string>();
    ++b.count_[e.file][e.fingerprint];
    b.entries_.push_back(std::move(e));
  }
  return b;
}

void Baseline::mark(const std::string& file, std::vector<Diagnostic>& diags) const {
  const auto it = count_.find(baseline_file_key(file));
  std::map<std::string, size_t> left;
  if (it != count_.end()) left = it->second;
  for (auto& d : diags) {
    size_t& n = left[d.fingerprint];
    d.baseline = n > 0 ? BaselineState::known : BaselineState::new_;
    if (n > 0) --n;
  }
}

std::vector<BaselineEntry> Baseline::stale(const std::map<std::string, std::map<std::string, size_t>>& known,
                                           const std::function<bool(const std::string&)>& checked) const {
  std::vector<BaselineEntry> out;
  std::map<std::string, std::map<std::string, size_t>> matched = known;
  for (const auto& e : entries_) {
    std::error_code ec;
    if (!checked(e.file) && fs::exists(e.file, ec)) continue;
    size_t& n = matched[e.file][e.fingerprint];
    if (n > 0) --n;
    else out.push_back(e);
  }
  return out;
}

}  // namespace plancheck
