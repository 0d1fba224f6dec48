// The one place report formats are registered: a name, the function that
// makes its reporter. The command's --format choices and help are read from
// here (report_formats()), so a format added here is offered at once.
#include <ostream>

#include "report/reporters.h"

namespace plancheck {

namespace {

struct FormatEntry {
  std::string_view name;
  report::MakeReporter make;
};
constexpr FormatEntry kFormats[] = {
    {"json", report::make_json_reporter},   {"jsonl", report::make_jsonl_reporter},
    {"sarif", report::make_sarif_reporter}, {"github", report::make_github_reporter},
    {"html", report::make_html_reporter},   {"csv", report::make_csv_reporter},
    {"gitlab", report::make_gitlab_reporter}, {"junit", report::make_junit_reporter},
};

}  // namespace

std::span<const std::string_view> report_formats() {
  static const auto names = [] {
    std::array<std::string_view, std::size(kFormats)> n{};
    for (size_t i = 0; i < n.size(); ++i) n[i] = kFormats[i].name;
    return n;
  }();
  return names;
}

std::unique_ptr<CheckReporter> make_reporter(const ReportOptions& opt, const RuleBook& book, std::ostream& out) {
  for (const auto& f : kFormats)
    if (f.name == opt.format) return f.make(opt, book, out);
  return nullptr;
}

}  // namespace plancheck
