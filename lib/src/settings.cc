#include "plancheck/settings.h"

#include <fnmatch.h>

#include <cstdlib>
#include <optional>
#include <type_traits>

#include "plancheck/check.h"
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

bool glob_matches(const std::string& glob, const std::string& rel_path) {
  const size_t slash = rel_path.rfind('/');
  const std::string base = slash == std::string::npos ? rel_path : rel_path.substr(slash + 1);
  return fnmatch(glob.c_str(), rel_path.c_str(), 0) == 0 || fnmatch(glob.c_str(), base.c_str(), 0) == 0;
}

bool ignores(const IgnoreRule& i, const std::string& plan_path, std::string_view rule, std::string_view category) {
  if (!i.category.empty() && i.category != category) return false;
  if (!i.rule.empty() && fnmatch(i.rule.c_str(), std::string(rule).c_str(), 0) != 0) return false;
  if (i.path.empty()) return true;
  std::error_code ec;
  const fs::path folder = fs::absolute(i.folder.empty() ? fs::path(".") : i.folder, ec).lexically_normal();
  const fs::path rel = fs::absolute(plan_path, ec).lexically_normal().lexically_relative(folder);
  // A file outside the settings file's folder is not its business.
  if (rel.empty() || *rel.begin() == "..") return false;
  return glob_matches(i.path, rel.generic_string());
}

namespace {

// The `[[ignore]]` tables: each needs a reason, and a rule or a category
// (an ignore of everything in a file is an exclude).
std::vector<IgnoreRule> parse_ignores(const toml::node& n, const TomlReader<SettingsError>& r, const fs::path& base) {
  std::vector<IgnoreRule> out;
  const toml::array* list = n.as_array();
  if (!list) r.fail(n, both(msg::settings_ignore_not_tables));
  for (const toml::node& item : *list) {
    const toml::table* t = item.as_table();
    if (!t) r.fail(item, both(msg::settings_ignore_not_tables));
    r.only_keys(*t, {"path", "rule", "category", "reason"});
    IgnoreRule i;
    i.path = r.string(*t, "path").value_or("");
    i.rule = r.string(*t, "rule").value_or("");
    std::initializer_list<std::string_view> categories = {
        to_string(Category::deadline), to_string(Category::tight),   to_string(Category::start),
        to_string(Category::order),    to_string(Category::pilot),   to_string(Category::missing),
        to_string(Category::citation), to_string(Category::text)};
    static_assert(kCategoryCount == 8, "list every category above");
    i.category = r.choice(*t, "category", categories).value_or("");
    i.reason = r.string(*t, "reason", true).value_or("");
    if (i.reason.empty()) throw SettingsError(r.at(*t), both(msg::settings_ignore_no_reason));
    if (i.rule.empty() && i.category.empty()) throw SettingsError(r.at(*t), both(msg::settings_ignore_nothing));
    i.from = to_string(r.at(*t));
    i.folder = base;
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace

CheckSettings parse_settings(std::string_view toml_text, const std::string& path) {
  using Reader = TomlReader<SettingsError>;
  const toml::table root = Reader::parse(toml_text, path);
  const Reader r(path);
  r.only_keys(root, {"rules", "ruleset", "include", "exclude", "fail-on", "lang", "root", "ignore"});
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
  if (const toml::node* n = root.get("ignore")) s.ignores = parse_ignores(*n, r, base);
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
  // "." made absolute normalizes to "/x/y/": its parent_path() is "/x/y"
  // again, and the folder's file would be read twice.
  if (dir.filename().empty() && dir.has_relative_path()) dir = dir.parent_path();
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
    e.ignores.insert(e.ignores.end(), s.ignores.begin(), s.ignores.end());
  }
  return e;
}

}  // namespace plancheck
