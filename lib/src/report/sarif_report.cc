// `check --format sarif`: one SARIF 2.1.0 log of the whole run
// (check_sarif.h), its results streamed out as files come.
#include <ostream>

#include "plancheck/check_sarif.h"
#include "report/reporters.h"

namespace plancheck::report {

namespace {

class SarifReporter : public CheckReporter {
 public:
  SarifReporter(const RuleBook& book, Lang lang, ColumnKind columns, std::ostream& out)
      : log_(book, lang, columns), out_(out) {
    log_.stream_to(out_);
  }
  std::optional<std::string> render(const std::string&, const Text*, const std::vector<const RuleSet*>&,
                                    const std::vector<Diagnostic>&, const PlanFacts&) const override {
    return std::nullopt;  // one log: results are added in order, in file()
  }
  void write(const std::string&) override {}
  void file(const std::string& path, const Text* text, const std::vector<const RuleSet*>& sets,
            const std::vector<Diagnostic>& diags, const PlanFacts& facts) override {
    log_.add(path, text, diags, facts.origins.empty() ? nullptr : &facts.origins);
    log_.set_artifact_properties(path, {{"parents", parents_json(sets)}});
  }
  void failure(const std::string& path, const std::string& message) override { log_.add_failure(path, message); }
  void finish(const CheckSummary& s, const std::vector<const RuleSet*>&) override {
    log_.set_configuration(s.settings_files, s.rule_files);
    log_.finish_stream();
  }

 private:
  SarifLog log_;
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<CheckReporter> make_sarif_reporter(const ReportOptions& opt, const RuleBook& book, std::ostream& out) {
  return std::make_unique<SarifReporter>(book, opt.lang, opt.sarif_columns, out);
}

}  // namespace plancheck::report
