// `check --format gitlab`: a GitLab Code Quality report (the JSON artifact
// of `artifacts: reports: codequality:`), as GitLab documents it
// (docs.gitlab.com/ci/testing/code_quality, "Code Quality report format"):
// an array of issues, each with
//   description      the message, in --lang
//   check_name       the rule ("tw-35-2024/grassroots-deadline")
//   fingerprint      unique in the report, stable across runs and unrelated
//                    edits (GitLab compares a branch's issues with the
//                    target's by it, and shows one issue per fingerprint)
//   severity         info | minor | major | critical | blocker
//   location.path    the file as given, relative, without a leading "./"
//   location.lines.begin  the line (1 when the finding has no place)
// Severities: error → major (it fails the run, as a major issue fails a
// merge request's review), warning → minor, note → info; a file that could
// not be read → blocker, check_name "plancheck/unreadable-file": nothing in
// it was checked, and a CI job that reads only this report must not pass it
// as clean.
#include <fmt/format.h>

#include <map>
#include <ostream>

#include "report/reporters.h"

namespace plancheck::report {

namespace {

constexpr auto kReplaceInvalid = nlohmann::ordered_json::error_handler_t::replace;
constexpr const char* kUnreadableCheck = "plancheck/unreadable-file";

const char* gitlab_severity(Severity s) {
  switch (s) {
    case Severity::error: return "major";
    case Severity::warning: return "minor";
    case Severity::note: return "info";
  }
  return "info";
}

// GitLab reads location.path relative to the repository: "./plans/x.txt"
// would name no file of it.
std::string relative_path(std::string_view path) {
  while (path.size() > 2 && path.substr(0, 2) == "./") path.remove_prefix(2);
  return std::string(path);
}

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (const unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

nlohmann::ordered_json issue(const std::string& description, const std::string& check, const std::string& fingerprint,
                             const char* severity, const std::string& path, uint32_t line) {
  nlohmann::ordered_json j;
  j["description"] = description;
  j["check_name"] = check;
  j["fingerprint"] = fingerprint;
  j["severity"] = severity;
  j["location"]["path"] = relative_path(path);
  j["location"]["lines"]["begin"] = line;
  return j;
}

class GitlabReporter : public CheckReporter {
 public:
  GitlabReporter(Lang lang, std::ostream& out) : lang_(lang), out_(out) {}

  std::optional<std::string> render(const std::string& path, const Text*, const std::vector<const RuleSet*>&,
                                    const std::vector<Diagnostic>& diags, const PlanFacts&) const override {
    std::string o;
    // Diagnostic::fingerprint names a finding within its plan (rule, level,
    // the plan's words, the limit's): the file's path makes it unique in a
    // report of many plans, and a repeat of the same finding in one plan
    // (the same words twice) is told apart by its rank among its equals.
    const std::string file_hash = fmt::format("{:016x}", fnv1a(path));
    std::map<std::string, size_t> seen;
    for (const auto& d : diags) {
      const size_t k = seen[d.fingerprint]++;
      const std::string fingerprint =
          k == 0 ? file_hash + d.fingerprint : fmt::format("{:016x}{}", fnv1a(fmt::format("{}\x1f{}", path, k)), d.fingerprint);
      const uint32_t line = d.span && d.span->line > 0 ? d.span->line : 1;
      if (!o.empty()) o += ",\n";
      o += "  " + issue(d.message(lang_), d.rule, fingerprint, gitlab_severity(d.severity), path, line)
                      .dump(-1, ' ', false, kReplaceInvalid);
    }
    return o;
  }
  void write(const std::string& rendered) override {
    if (rendered.empty()) return;  // a clean plan: no issue
    out_ << (any_ ? ",\n" : "[\n") << rendered;
    any_ = true;
  }
  void failure(const std::string& path, const std::string& message) override {
    write("  " + issue(message, kUnreadableCheck, fmt::format("{:016x}", fnv1a(std::string(kUnreadableCheck) + '\x1f' + path)),
                       "blocker", path, 1)
                     .dump(-1, ' ', false, kReplaceInvalid));
  }
  void finish(const CheckSummary&, const std::vector<const RuleSet*>&) override { out_ << (any_ ? "\n]\n" : "[]\n"); }

 private:
  Lang lang_;
  std::ostream& out_;
  bool any_ = false;
};

}  // namespace

std::unique_ptr<CheckReporter> make_gitlab_reporter(const ReportOptions& opt, const RuleBook&, std::ostream& out) {
  return std::make_unique<GitlabReporter>(opt.lang, out);
}

}  // namespace plancheck::report
