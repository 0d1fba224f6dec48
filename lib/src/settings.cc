#include "plancheck/settings.h"

#include <cstdlib>
#include <optional>
#include <type_traits>

#include "plancheck/source.h"
#include "toml_reader.h"

namespace plancheck {

namespace fs = std::filesystem;

std::optional<fs::path> find_settings_file(const fs::path& from) {
  std::error_code ec;
  fs::path dir = fs::absolute(from, ec);
  if (ec) return std::nullopt;
  for (;;) {
    fs::path candidate = dir / kSettingsFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

CheckSettings parse_settings(std::string_view toml_text, const std::string& path) {
  using Reader = TomlReader<SettingsError>;
  const toml::table root = Reader::parse(toml_text, path);
  const Reader r(path);
  r.only_keys(root, {"rules", "ruleset", "include", "exclude", "fail-on", "lang", "root"});
  CheckSettings s;
  s.path = path;
  const fs::path base = fs::path(path).parent_path();
  if (root.contains("rules")) {
    s.rules.emplace();
    // Relative to the settings file, so the project checks the same from any
    // folder below it.
    for (const auto& p : r.strings(root, "rules")) s.rules->push_back(fs::path(p).is_absolute() ? p : (base / p).string());
    s.rules_where = r.string_locations(root, "rules");
  }
  if (root.contains("include")) s.include = r.strings(root, "include");
  if (root.contains("exclude")) s.exclude = r.strings(root, "exclude");
  s.ruleset = r.string(root, "ruleset");
  s.fail_on = r.choice(root, "fail-on", {"error", "warning", "note"});
  s.lang = r.choice(root, "lang", {"vi", "en"});
  if (const toml::node* n = root.get("root")) {
    if (!n->is_boolean()) r.fail(*n, both(msg::toml_not_bool, "root"));
    s.root = n->as_boolean()->get();
  }
  for (const auto& [k, v] : root) s.where[std::string(k.str())] = r.at(v);
  return s;
}

CheckSettings read_settings(const fs::path& path) {
  std::string text;
  try {
    const std::string bytes = read_file_bytes(path, {.max_bytes = kMaxRuleFileBytes, .streams = false});
    // An empty file (or one holding only a byte-order mark) sets nothing.
    if (bytes.empty() || bytes == "\xEF\xBB\xBF" || bytes == "\xFF\xFE" || bytes == "\xFE\xFF")
      return parse_settings("", path.string());
    text = decode_source(bytes, path.string()).utf8;
  } catch (const SourceError& e) {
    throw SettingsError(e.where(), e.reason());
  }
  CheckSettings s = parse_settings(text, path.string());
  if (s.rules)
    for (size_t i = 0; i < s.rules->size(); ++i) {
      std::error_code ec;
      if (!fs::exists((*s.rules)[i], ec))
        throw SettingsError(i < s.rules_where.size() ? s.rules_where[i] : RuleLocation{path.string(), 0, 0},
                            both(msg::settings_no_rules_path, (*s.rules)[i]));
    }
  return s;
}

std::vector<CheckSettings> settings_for(const fs::path& input) {
  std::vector<CheckSettings> out;
  std::error_code ec;
  fs::path dir = fs::absolute(input, ec);
  if (ec) return out;
  dir = dir.lexically_normal();
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  // The home folder is as far up as a project's settings can be: one in a
  // folder above it (or in / itself) belongs to nobody's project.
  std::optional<fs::path> home;
  if (const char* h = std::getenv("HOME"); h && *h && fs::path(h).is_absolute()) {
    home = fs::path(h).lexically_normal();
    if (home->filename().empty()) home = home->parent_path();  // "/home/an/"
  }
  for (;;) {
    const fs::path candidate = dir / kSettingsFileName;
    if (fs::is_regular_file(candidate, ec)) {
      out.push_back(read_settings(candidate));
      if (out.back().root) break;
    }
    // The top of a repository: a settings file above it is not the project's.
    if (fs::exists(dir / ".git", ec)) break;
    if (home && dir == *home) break;
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  return out;
}

EffectiveSettings merge_settings(const std::vector<CheckSettings>& nearest_first) {
  EffectiveSettings e;
  for (const auto& s : nearest_first) {
    e.files.push_back(s.path);
    const fs::path folder = fs::path(s.path).parent_path();
    auto from = [&](const char* key) {
      const auto it = s.where.find(key);
      return it == s.where.end() ? s.path : to_string(it->second);
    };
    auto take = [&](auto& slot, const auto& value, const char* key) {
      // Braces, not emplace(): clang 14 (the fuzzers' compiler) has no
      // parenthesised aggregate initialisation.
      using S = typename std::decay_t<decltype(slot)>::value_type;
      if (!slot && value) slot = S{*value, from(key), folder};
    };
    take(e.rules, s.rules, "rules");
    take(e.include, s.include, "include");
    take(e.exclude, s.exclude, "exclude");
    take(e.ruleset, s.ruleset, "ruleset");
    take(e.fail_on, s.fail_on, "fail-on");
    take(e.lang, s.lang, "lang");
  }
  return e;
}

}  // namespace plancheck
