// `check --format csv`: one row per file (RFC 4180). Written in UTF-8 with
// a byte order mark and CRLF line ends: without the BOM Excel reads a CSV
// in the system's ANSI code page and shows Vietnamese as mojibake;
// LibreOffice and Python's csv ("utf-8-sig") take the BOM as what it is.
// Column names are fixed identifiers in English, whatever --lang says, so
// that a spreadsheet's formulas and a script keep working.
#include <fmt/format.h>

#include <ostream>

#include "plancheck/snippet.h"
#include "report/plan_row.h"
#include "report/reporters.h"

namespace plancheck::report {

namespace {

// A field as RFC 4180 writes it: quoted when it holds a separator, a quote
// or a line end, quotes doubled. A field a spreadsheet would take for a
// formula ("=…", "+…", "-…", "@…": a file name can be anything) is given a
// leading apostrophe, as OWASP advises, so opening the file runs nothing.
std::string field(std::string_view raw) {
  std::string s = visible(raw);
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s = "'" + s;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

class CsvReporter : public CheckReporter {
 public:
  explicit CsvReporter(std::ostream& out) : out_(out) {}

  std::optional<std::string> render(const std::string& path, const Text*, const std::vector<const RuleSet*>& sets,
                                    const std::vector<Diagnostic>& diags, const PlanFacts& facts) const override {
    return line(plan_row(path, sets, diags, facts));
  }
  void write(const std::string& rendered) override {
    header();
    out_ << rendered;
  }
  void failure(const std::string& path, const std::string& message) override { write(line(failed_row(path, message))); }
  void finish(const CheckSummary&, const std::vector<const RuleSet*>&) override { header(); }

 private:
  void header() {
    if (headed_) return;
    headed_ = true;
    std::string h = "\xEF\xBB\xBF" "file,status,reason,issuer,plan_number,plan_date,round,term,rulesets";
    for (const Level l : kPlanLevels) h += fmt::format(",{0}_end,{0}_end_text", to_string(l));
    h += ",errors,warnings,notes";
    for (size_t i = 0; i < kCategoryCount; ++i)
      h += fmt::format(",{0}_errors,{0}_warnings,{0}_notes", to_string(static_cast<Category>(i)));
    out_ << h << "\r\n";
  }

  static std::string line(const PlanRow& r) {
    std::string sets;
    for (const auto& s : r.rulesets) sets += (sets.empty() ? "" : " ") + s;
    std::string l = fmt::format("{},{},{},{},{},{},{},{},{}", field(r.file), r.failed ? "error" : "checked",
                                field(r.reason), field(r.issuer), field(r.number), r.date, field(r.round),
                                field(r.term), field(sets));
    for (const auto& e : r.ends) l += fmt::format(",{},{}", e.date ? e.date->iso() : "", field(e.text));
    if (r.failed) {
      // No counts for a file never checked: empty, not zero.
      l += std::string(3 + 3 * kCategoryCount, ',');
    } else {
      l += fmt::format(",{},{},{}", r.counts.errors, r.counts.warnings, r.counts.notes);
      for (const auto& c : r.by_category) l += fmt::format(",{},{},{}", c.errors, c.warnings, c.notes);
    }
    return l + "\r\n";
  }

  std::ostream& out_;
  bool headed_ = false;
};

}  // namespace

std::unique_ptr<CheckReporter> make_csv_reporter(const ReportOptions&, const RuleBook&, std::ostream& out) {
  return std::make_unique<CsvReporter>(out);
}

}  // namespace plancheck::report
