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
#include <string>
#include <vector>

#include "plancheck/check.h"
#include "plancheck/text.h"

namespace plancheck {

enum class ColumnKind { utf16_code_units, unicode_code_points };

class SarifLog {
 public:
  SarifLog(const RuleBook& book, Lang lang, ColumnKind columns);
  // The diagnostics of one plan; `text` is the plan the spans point into.
  void add(const std::string& file, const Text& text, const std::vector<Diagnostic>& diags);
  // A file that could not be read or decoded.
  void add_failure(const std::string& file, const std::string& message);
  nlohmann::ordered_json finish() const;

 private:
  size_t rule_index(const Diagnostic& d);
  size_t artifact_index(const std::string& file);

  const RuleBook& book_;
  Lang lang_;
  ColumnKind columns_;
  nlohmann::ordered_json rules_ = nlohmann::ordered_json::array();
  std::vector<std::string> rule_ids_;
  nlohmann::ordered_json artifacts_ = nlohmann::ordered_json::array();
  std::vector<std::string> artifact_files_;
  nlohmann::ordered_json results_ = nlohmann::ordered_json::array();
  nlohmann::ordered_json failures_ = nlohmann::ordered_json::array();
};

// A file path as a SARIF artifact URI: relative paths stay relative,
// absolute ones become file:// URIs; bytes outside RFC 3986's unreserved
// set (spaces, Vietnamese letters) are percent-encoded.
std::string artifact_uri(const std::string& path);

}  // namespace plancheck
