// Diagnostics as a SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/),
// the format code-scanning services and editors read.
//
// Contract: one run, tool "plancheck" with the metadata of every rule that
// has a result; each result has a physical location whose columns are in the
// unit `columnKind` declares (UTF-16 code units by default, as GitHub and
// VS Code count; or Unicode code points), never bytes; partialFingerprints
// carry Diagnostic::fingerprint; a file that could not be read is a
// toolExecutionNotification of the run's invocation.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "plancheck/check.h"
#include "plancheck/source.h"
#include "plancheck/text.h"

namespace plancheck {

enum class ColumnKind { utf16_code_units, unicode_code_points };

class SarifLog {
 public:
  SarifLog(const RuleBook& book, Lang lang, ColumnKind columns);
  // Writes results to `out` as they are added (the log's opening before the
  // first) instead of keeping them; finish_stream() writes the rest. Memory
  // then holds the rules and one small artifact entry per file, never the
  // results: a run over 100,000 plans costs what one over 100 does.
  void stream_to(std::ostream& out);
  // The diagnostics of one plan; `text` is the plan the spans point into,
  // or null for a plan read as an extraction (extract_json.h): a region
  // then has its start only (columns in code points, which are UTF-16
  // units too for any text in the BMP) and no snippet.
  // `origins`, for a plan read from a structured document (source.h), adds
  // each result's place in it as properties.documentLocation (check_json.h's
  // location_json); the region stays that of the text line.
  void add(const std::string& file, const Text* text, const std::vector<Diagnostic>& diags,
           const std::vector<LineOrigin>* origins = nullptr);
  // A file that could not be read or decoded.
  void add_failure(const std::string& file, const std::string& message);
  // Properties of a file's artifact entry (its `parents`: the higher
  // documents it was held to), kept until the log ends: a few per file.
  void set_artifact_properties(const std::string& file, const nlohmann::ordered_json& properties);
  // The whole log, when not streamed.
  nlohmann::ordered_json finish() const;
  // The end of a streamed log (its opening too, when nothing was added).
  void finish_stream();
  // The settings files and the user's rule files the run read, recorded in
  // the invocation's properties.
  void set_configuration(std::vector<std::string> settings_files, std::vector<std::string> rule_files);

 private:
  size_t rule_index(const Diagnostic& d);
  size_t artifact_index(const std::string& file);

  const RuleBook& book_;
  Lang lang_;
  ColumnKind columns_;
  nlohmann::ordered_json rules_ = nlohmann::ordered_json::array();
  std::vector<std::string> rule_ids_;
  std::vector<std::string> artifact_uris_;  // in index order
  std::vector<std::string> artifact_properties_;  // in index order, as JSON text; empty: none
  // Each file once, by name: a hash lookup (a search of the list made the
  // log quadratic in the number of files).
  std::unordered_map<std::string, size_t> artifact_of_;
  nlohmann::ordered_json results_ = nlohmann::ordered_json::array();
  nlohmann::ordered_json failures_ = nlohmann::ordered_json::array();
  std::vector<std::string> settings_files_, rule_files_;
  std::ostream* stream_ = nullptr;
  size_t streamed_ = 0;  // results written so far

  void open_stream();
  // Everything of the run but its results and artifacts.
  nlohmann::ordered_json run_without_results() const;
};

// A file path as a SARIF artifact URI: relative paths stay relative,
// absolute ones become file:// URIs; bytes outside RFC 3986's unreserved
// set (spaces, Vietnamese letters) are percent-encoded.
std::string artifact_uri(const std::string& path);

}  // namespace plancheck
