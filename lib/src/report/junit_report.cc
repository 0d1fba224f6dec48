// `check --format junit`: JUnit XML, for the CI systems that show test
// reports (GitLab's `artifacts: reports: junit:`, Jenkins, Azure, …).
// One <testcase> per file, classname its path and name the rule sets it
// is held to:
// - a checked file passes, or fails with one <failure> (type "error",
//   message "N errors") whose text has each error as the text report says
//   it, "file:line:column: error: message [rule]" and the limit under it;
//   its warnings and notes go to <system-out>, so they are seen but fail
//   nothing;
// - a file that could not be read has an <error> (type "unreadable") with
//   the reason: nothing in it was checked.
// The counts of <testsuites> and its one <testsuite> are those of the
// testcases. No time attribute: output depends on the inputs only.
//
// XML 1.0 cannot carry most control characters even as references, and
// plan text and file names may hold anything: every text goes through
// markup_escape() (report/markup.h), which shows them as escapes.
#include <fmt/format.h>

#include <ostream>

#include "report/markup.h"
#include "report/reporters.h"

namespace plancheck::report {

namespace {

class JunitReporter : public CheckReporter {
 public:
  JunitReporter(Lang lang, std::ostream& out) : lang_(lang), out_(out) {}

  // The testcase, after a first byte saying whether it failed ('F') or
  // passed ('P'): the suite's counts come before its cases, and are only
  // known at the end.
  std::optional<std::string> render(const std::string& path, const Text*, const std::vector<const RuleSet*>& sets,
                                    const std::vector<Diagnostic>& diags, const PlanFacts& facts) const override {
    std::string ids;
    for (const auto* s : sets) ids += (ids.empty() ? "" : " ") + s->id;
    if (ids.empty()) ids = std::string(msg::plan_no_rulesets.in(lang_)).substr(2);  // "; " before the words
    std::string errors, others;
    size_t error_count = 0;
    for (const auto& d : diags) {
      // An error the baseline holds is no failure of this change.
      const bool failing = d.severity == Severity::error && d.baseline != BaselineState::known;
      std::string& to = failing ? errors : others;
      if (failing) ++error_count;
      to += d.span ? fmt::format("{}:{}", path, place_text(*d.span, facts.origins, lang_)) : path;
      to += fmt::format(": {}: {} [{}]\n", severity_text(d.severity).in(lang_), d.message(lang_), d.rule);
      if (d.limit && !d.limit->time.text.empty()) {
        const std::string doc =
            d.limit->directive.empty() ? std::string(msg::limit_of_plan.in(lang_)) : d.limit->directive;
        const std::string date = d.limit->date ? say(msg::plan_date, lang_, date_text(*d.limit->date)) : "";
        to += fmt::format("    {}: {}{}: \"{}\"\n", msg::limit_label.in(lang_), doc, date, d.limit->time.text);
      }
    }
    std::string o = error_count ? "F" : "P";
    o += fmt::format("    <testcase classname=\"{}\" name=\"{}\">\n", markup_escape(path), markup_escape(ids));
    if (error_count)
      o += fmt::format("      <failure type=\"error\" message=\"{}\">{}</failure>\n",
                       markup_escape(say(msg::junit_errors, lang_, error_count)), lines(errors));
    if (!others.empty()) o += fmt::format("      <system-out>{}</system-out>\n", lines(others));
    return o + "    </testcase>\n";
  }

  void write(const std::string& rendered) override {
    ++tests_;
    if (rendered[0] == 'F') ++failures_;
    cases_.add(std::string_view(rendered).substr(1));
  }

  void failure(const std::string& path, const std::string& message) override {
    ++tests_;
    ++errors_;
    cases_.add(fmt::format("    <testcase classname=\"{0}\" name=\"{0}\">\n      <error type=\"unreadable\" message=\"{1}\">{1}"
                     "</error>\n    </testcase>\n",
                     markup_escape(path), markup_escape(message)));
  }

  void finish(const CheckSummary&, const std::vector<const RuleSet*>&) override {
    const std::string counts = fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\"", tests_, failures_, errors_);
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"plancheck\" " << counts
         << ">\n  <testsuite name=\"plancheck check\" " << counts << " skipped=\"0\">\n";
    cases_.copy_to(out_);
    out_ << "  </testsuite>\n</testsuites>\n";
  }

 private:
  // Lines of text as element content: each made safe, the line ends kept.
  static std::string lines(const std::string& text) {
    std::string out;
    for (size_t at = 0; at < text.size();) {
      const size_t nl = text.find('\n', at);
      out += markup_escape(text.substr(at, nl - at)) + '\n';
      at = nl + 1;
    }
    return out;
  }

  Lang lang_;
  std::ostream& out_;
  Spool cases_;  // the test cases, after the counts that head them
  size_t tests_ = 0, failures_ = 0, errors_ = 0;
};

}  // namespace

std::unique_ptr<CheckReporter> make_junit_reporter(const ReportOptions& opt, const RuleBook&, std::ostream& out) {
  return std::make_unique<JunitReporter>(opt.lang, out);
}

}  // namespace plancheck::report
