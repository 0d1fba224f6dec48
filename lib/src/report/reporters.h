// The library's reporters, one unit each under lib/src/report/, registered
// by name in one table (registry.cc). Adding a format: a unit here with its
// make_* function, a row in registry.cc's table, docs/cli.md, and a test
// under tests/tools that reads its output as its consumer would.
#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <memory>
#include <vector>

#include "plancheck/report.h"

namespace plancheck::report {

// The higher documents a plan was held to (a plan of the batch, a rule
// file's plan, the directive), each with what it resolved to: a JSON file
// object's `parents`, a SARIF artifact's properties.parents.
nlohmann::ordered_json parents_json(const std::vector<const RuleSet*>& sets);
// Whether a set the plan is held to is a document above it (a directive, a
// higher plan), not a set of rules only.
inline bool is_parent(const RuleSet& s) { return s.kind == "plan" || s.kind == "directive"; }

using MakeReporter = std::unique_ptr<CheckReporter> (*)(const ReportOptions& opt, const RuleBook& book,
                                                        std::ostream& out);

std::unique_ptr<CheckReporter> make_json_reporter(const ReportOptions& opt, const RuleBook& book, std::ostream& out);
std::unique_ptr<CheckReporter> make_jsonl_reporter(const ReportOptions& opt, const RuleBook& book, std::ostream& out);
std::unique_ptr<CheckReporter> make_sarif_reporter(const ReportOptions& opt, const RuleBook& book, std::ostream& out);
std::unique_ptr<CheckReporter> make_github_reporter(const ReportOptions& opt, const RuleBook& book, std::ostream& out);
std::unique_ptr<CheckReporter> make_gitlab_reporter(const ReportOptions& opt, const RuleBook& book, std::ostream& out);
std::unique_ptr<CheckReporter> make_junit_reporter(const ReportOptions& opt, const RuleBook& book, std::ostream& out);
std::unique_ptr<CheckReporter> make_csv_reporter(const ReportOptions& opt, const RuleBook& book, std::ostream& out);
std::unique_ptr<CheckReporter> make_html_reporter(const ReportOptions& opt, const RuleBook& book, std::ostream& out);

}  // namespace plancheck::report
