// The inputs of `extract` and `check` as a run sees them: each path with
// the settings in force for it (its .plancheck.toml files, or --config, or
// none) and the globs that choose files under it; and reading one file
// found, standard input included.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "command_line.h"
#include "plan_walk.h"
#include "plancheck/messages.h"
#include "plancheck/settings.h"
#include "plancheck/source.h"

namespace plancheck::cli {

struct InputOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> include, exclude;  // from the command line
  bool include_given = false, exclude_given = false;
  std::string config;  // a settings file instead of those found
  bool no_config = false;
  std::string stdin_name = "<stdin>";
  std::string encoding = "auto";  // --encoding: one of kEncodingChoices
  std::string tracked_changes = "accept";  // --tracked-changes: one of kTrackedChoices
  std::string ocr = "auto";                // --ocr: one of kOcrChoices
};

// The words --ocr takes (PDF scans: ReadOptions::ocr).
inline const std::vector<std::string> kOcrChoices{"auto", "never", "always"};

// The words --tracked-changes takes (.docx: ReadOptions::tracked_original).
inline const std::vector<std::string> kTrackedChoices{"accept", "original"};
// How the files are read: the encoding forced and the tracked changes.
ReadOptions read_options(const InputOptions& in);

// The options that say how files are read (--encoding, --tracked-changes,
// --ocr), one set for every subcommand that reads plans, and the checks of
// their values (check_choices()).
void add_reading_options(CLI::App& sub, InputOptions& in, Lang lang);
std::vector<Choice> reading_choices(InputOptions& in);

// The words --encoding takes; "auto" detects (source.h).
inline const std::vector<std::string> kEncodingChoices{"auto",         "utf-8",  "utf-16", "windows-1258",
                                                       "viscii",       "tcvn3",  "vni"};
// The encoding --encoding forces, none for "auto".
std::optional<SourceEncoding> forced_encoding(const InputOptions& in);

struct ResolvedInput {
  EffectiveSettings settings;
  WalkInput walk;
};

// Settings per input (the command line's globs win over a file's). Throws
// SettingsError for a settings file that cannot be read or is invalid.
std::vector<ResolvedInput> resolve_inputs(const InputOptions& opt);

// The walk over resolved inputs.
std::vector<WalkInput> walk_inputs(const std::vector<ResolvedInput>& inputs);

// The bytes of a file the walk gave ("-": standard input, shown as
// `stdin_name`). Throws SourceError naming the file.
std::string read_plan_bytes(const PlanFile& file, const std::string& stdin_name);
// The name a file has in reports.
std::string shown_name(const PlanFile& file, const std::string& stdin_name);

}  // namespace plancheck::cli
