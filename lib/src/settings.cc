#include "plancheck/settings.h"

#include "plancheck/source.h"
#include "toml_reader.h"

namespace plancheck {

namespace fs = std::filesystem;

SettingsError::SettingsError(RuleLocation where, const std::string& what)
    : std::runtime_error(fmt::format("{}: {}", to_string(where), what)), where_(std::move(where)) {}

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
  r.only_keys(root, {"rules", "ruleset", "include", "exclude", "fail-on", "lang"});
  CheckSettings s;
  s.path = path;
  const fs::path base = fs::path(path).parent_path();
  if (root.contains("rules")) {
    s.rules.emplace();
    // Relative to the settings file, so the project checks the same from any
    // folder below it.
    for (const auto& p : r.strings(root, "rules")) s.rules->push_back(fs::path(p).is_absolute() ? p : (base / p).string());
  }
  if (root.contains("include")) s.include = r.strings(root, "include");
  if (root.contains("exclude")) s.exclude = r.strings(root, "exclude");
  s.ruleset = r.string(root, "ruleset");
  s.fail_on = r.choice(root, "fail-on", {"error", "warning", "note"});
  s.lang = r.choice(root, "lang", {"vi", "en"});
  return s;
}

CheckSettings read_settings(const fs::path& path) {
  std::string bytes;
  try {
    bytes = read_source(path).utf8;
  } catch (const SourceError& e) {
    throw SettingsError({path.string(), static_cast<int>(e.line()), static_cast<int>(e.column())}, e.message());
  }
  return parse_settings(bytes, path.string());
}

}  // namespace plancheck
