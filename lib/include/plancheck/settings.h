// A project's settings for checking plans: `.plancheck.toml`, found by
// walking up from the current folder as .editorconfig is, so a repository of
// drafts runs `plancheck check .` with no flags (docs/cli.md, Configuration).
//
//   rules    = ["rules/", "../shared-rules/tinh.toml"]   # relative to the file
//   ruleset  = "tw-35-2024"
//   include  = ["*.txt"]
//   exclude  = ["cu/*"]
//   fail-on  = "warning"      # error | warning | note
//   lang     = "en"           # vi | en
//
// Every key is optional; what the command line gives wins over the file.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/rules.h"

namespace plancheck {

inline constexpr const char* kSettingsFileName = ".plancheck.toml";

struct CheckSettings {
  std::string path;  // the file read
  std::optional<std::vector<std::string>> rules;  // resolved against the file's folder
  std::vector<RuleLocation> rules_where;          // where each of `rules` is written
  std::optional<std::vector<std::string>> include, exclude;
  std::optional<std::string> ruleset, fail_on, lang;
};

// An unreadable or invalid settings file; what() is "file:line:col: reason".
class SettingsError : public std::runtime_error {
 public:
  SettingsError(RuleLocation where, const std::string& what);
  const RuleLocation& where() const { return where_; }

 private:
  RuleLocation where_;
};

// The nearest `.plancheck.toml` in `from` or a folder above it, if any.
std::optional<std::filesystem::path> find_settings_file(const std::filesystem::path& from);

// Parses settings text; `path` names the file in errors and anchors `rules`.
CheckSettings parse_settings(std::string_view toml_text, const std::string& path);

// Reads and parses a settings file, and checks that each of `rules` exists.
// Throws SettingsError.
CheckSettings read_settings(const std::filesystem::path& path);

}  // namespace plancheck
