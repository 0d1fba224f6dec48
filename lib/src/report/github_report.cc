// `check --format github`: GitHub Actions workflow commands, one
// `::error file=…,line=…::message` per finding, shown as annotations on the
// pull request's diff.
#include <fmt/format.h>

#include <ostream>
#include <sstream>

#include "plancheck/snippet.h"
#include "report/reporters.h"

namespace plancheck::report {

namespace {

class GithubReporter : public CheckReporter {
 public:
  GithubReporter(Lang lang, std::ostream& out) : lang_(lang), out_(out) {}
  void write(const std::string& rendered) override { out_ << rendered; }
  std::optional<std::string> render(const std::string& path, const Text* text, const std::vector<const RuleSet*>&,
                                    const std::vector<Diagnostic>& diags, const PlanFacts&) const override {
    std::ostringstream os;
    for (const auto& d : diags) {
      std::string props = "file=" + escape_property(path);
      if (d.span) props += fmt::format(",line={},col={}", d.span->line, d.span->column);
      if (d.span && text) {
        const Span end = text->span(d.span->end, d.span->end);
        if (end.line == d.span->line) props += fmt::format(",endColumn={}", end.column);
        else props += fmt::format(",endLine={}", end.line);
      }
      props += ",title=" + escape_property(fmt::format("{} [{}]", to_string(d.category), d.rule));
      // A finding the baseline holds is no error of this change: a notice.
      const Severity shown = d.baseline == BaselineState::known ? Severity::note : d.severity;
      os << "::" << command(shown) << ' ' << props << "::" << escape_data(d.message(lang_)) << '\n';
    }
    return os.str();
  }
  void failure(const std::string& path, const std::string& message) override {
    out_ << "::error file=" << escape_property(path) << "::" << escape_data(message) << '\n';
  }
  void finish(const CheckSummary&, const std::vector<const RuleSet*>&) override {}

 private:
  static const char* command(Severity s) {
    switch (s) {
      case Severity::error: return "error";
      case Severity::warning: return "warning";
      case Severity::note: return "notice";
    }
    return "notice";
  }
  // The escapes of the runner's command parser (actions/toolkit, command.ts).
  // The runner's own escapes for its syntax, over text already made visible
  // (an ESC or an invalid byte of a file name never reaches the log as it is).
  static std::string escape_data(std::string_view s) {
    std::string out;
    for (char c : visible(s)) {
      if (c == '%') out += "%25";
      else if (c == '\r') out += "%0D";
      else if (c == '\n') out += "%0A";
      else out += c;
    }
    return out;
  }
  static std::string escape_property(std::string_view s) {
    std::string out;
    for (char c : escape_data(s)) {
      if (c == ':') out += "%3A";
      else if (c == ',') out += "%2C";
      else out += c;
    }
    return out;
  }

  Lang lang_;
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<CheckReporter> make_github_reporter(const ReportOptions& opt, const RuleBook&, std::ostream& out) {
  return std::make_unique<GithubReporter>(opt.lang, out);
}

}  // namespace plancheck::report
