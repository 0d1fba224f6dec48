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
//   root     = true           # look no further up
//
//   [[ignore]]                # findings not reported (counted as ignored)
//   path     = "cu/*.txt"     # a glob as include/exclude; absent: every file
//   rule     = "tw-35-2024/*" # a rule id or a glob of ids, and/or
//   category = "pilot"        # a category (check-json.md's vocabulary)
//   reason   = "…"            # required: why, for the next reader
//
// Every key is optional; what the command line gives wins over the files.
// A plan is read with the settings files of its folder and each folder above
// it, up to the top of its repository (a folder holding .git) or a file with
// `root = true`: for each key the nearest file that sets it wins. Paths and
// globs in a file are relative to the folder that holds it.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/rules.h"

namespace plancheck {

inline constexpr const char* kSettingsFileName = ".plancheck.toml";

// One `[[ignore]]` table of a settings file.
struct IgnoreRule {
  std::string path;      // a glob; "" covers every file
  std::string rule;      // a rule id or a glob of ids; "" any rule
  std::string category;  // a category (to_string(Category)); "" any
  std::string reason;
  std::string from;               // "file:line:column" of the table
  std::filesystem::path folder;  // the folder `path` is relative to
};

// The one glob match of settings and the command line (include, exclude,
// ignore): fnmatch(3) without flags, on a path below the folder the glob is
// relative to, or on the file's name alone ("*.txt" anywhere).
bool glob_matches(const std::string& glob, const std::string& rel_path);

// Whether an ignore covers a finding of `rule` and `category` in the file
// `plan_path` (as the run names it: relative to the current folder, or
// absolute).
bool ignores(const IgnoreRule& i, const std::string& plan_path, std::string_view rule, std::string_view category);

struct CheckSettings {
  std::string path;  // the file read
  std::optional<std::vector<std::string>> rules;  // resolved against the file's folder
  std::vector<RuleLocation> rules_where;          // where each of `rules` is written
  std::optional<std::vector<std::string>> include, exclude;
  std::optional<std::string> ruleset, fail_on, lang;
  bool root = false;
  std::vector<IgnoreRule> ignores;
  std::map<std::string, RuleLocation> where;  // each key set, where it is written
};

// One key's value in force and where it comes from.
template <class T>
struct Setting {
  T value;
  std::string from;              // "path:line:column" of the file that sets it
  std::filesystem::path folder;  // the folder its paths and globs are relative to
};

// The settings in force for one input: its settings files merged, nearest
// first (Setting::from says which file set each key).
struct EffectiveSettings {
  std::vector<std::string> files;  // the files read, nearest first
  std::optional<Setting<std::vector<std::string>>> rules, include, exclude;
  std::optional<Setting<std::string>> ruleset, fail_on, lang;
  // Unlike the keys, ignores add up: every file's, nearest first.
  std::vector<IgnoreRule> ignores;
};

// An unreadable or invalid settings file, at the value at fault.
class SettingsError : public LocatedError {
 public:
  using LocatedError::LocatedError;
};

// The nearest `.plancheck.toml` in `from` or a folder above it, if any.
std::optional<std::filesystem::path> find_settings_file(const std::filesystem::path& from);

// The settings files for an input (a file: from its folder; a folder: from
// itself), nearest first, up to the repository's top or a `root = true`
// file. Throws SettingsError for a file that cannot be read.
std::vector<CheckSettings> settings_for(const std::filesystem::path& input);

// Merges settings files given nearest first.
EffectiveSettings merge_settings(const std::vector<CheckSettings>& nearest_first);

// Parses settings text; `path` names the file in errors and anchors `rules`.
CheckSettings parse_settings(std::string_view toml_text, const std::string& path);

// Reads and parses a settings file, and checks that each of `rules` exists.
// Throws SettingsError.
CheckSettings read_settings(const std::filesystem::path& path);

}  // namespace plancheck
