// A baseline: the findings a project has accepted for now, so that CI can
// adopt plancheck without fixing every old finding first (`check --baseline
// FILE`, written by `--write-baseline FILE`; docs/cli.md, "Baselines").
//
// A finding matches an entry by its file (the path as given, normalized:
// "./a/b" is "a/b") and its fingerprint (Diagnostic::fingerprint: rule,
// category, level and words, never the line), so an edit above it leaves it
// known. Entries are counted: two identical findings against one entry are
// one known and one new.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/check.h"
#include "plancheck/error.h"

namespace plancheck {

inline constexpr const char* kBaselineSchema = "plancheck.baseline/1";

struct BaselineEntry {
  std::string file;  // baseline_file_key() of the path
  std::string rule, fingerprint;
  // For the reviewer of the file, not for matching: the line and message
  // when it was written.
  uint32_t line = 0;
  std::string message;
};

class BaselineError : public LocatedError {
 public:
  using LocatedError::LocatedError;
};

// How a baseline names a file: the path relative to the current folder as
// given (an absolute path under the current folder made relative), with
// "." and ".." resolved lexically, '/'-separated.
std::string baseline_file_key(std::string_view path);

// One entry for a finding of `file`, its message in `lang`.
BaselineEntry baseline_entry(const std::string& file, const Diagnostic& d, Lang lang);

// The baseline file's text: entries sorted by file, line, rule.
std::string baseline_json(std::vector<BaselineEntry> entries);

class Baseline {
 public:
  // Parses a baseline file's text; `path` names it in errors. Throws
  // BaselineError (not JSON, another schema, an entry without its fields).
  static Baseline parse(std::string_view text, const std::string& path);

  const std::vector<BaselineEntry>& entries() const { return entries_; }

  // Sets Diagnostic::baseline on each of a file's findings: known while the
  // file's entries of its fingerprint last, in order, then new. Const: the
  // workers of a run call it at once, each for its own file.
  void mark(const std::string& file, std::vector<Diagnostic>& diags) const;

  // The entries no finding matched. `known[file][fingerprint]`: how many
  // findings were known; `checked(file)`: whether the run looked at the file
  // (an entry of a file the run did not look at is stale only when the file
  // is gone).
  std::vector<BaselineEntry> stale(const std::map<std::string, std::map<std::string, size_t>>& known,
                                   const std::function<bool(const std::string&)>& checked) const;

 private:
  std::vector<BaselineEntry> entries_;
  std::map<std::string, std::map<std::string, size_t>> count_;  // file → fingerprint → entries
};

}  // namespace plancheck
