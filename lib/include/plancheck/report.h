// Check results as a report: one reporter per --format, fed file by file in
// input order, that writes to an ostream. The library writes every
// machine-readable format (json, jsonl, sarif, github, html, csv, gitlab,
// junit); the terminal's text, with its colours and carets, is the command's
// own (cli/text_check_report.cc).
//
// Contract:
// - A run calls render() or file() once per checked file and failure() once
//   per unreadable file, in input order, then finish() once. render() may
//   run on several threads at once (it is const and reads nothing write()
//   changes); write(), file(), failure() and finish() are called one at a
//   time, in input order.
// - Every text from a plan or a file name reaches the output escaped for
//   the format (JSON, XML, HTML, CSV, workflow commands); control
//   characters and invalid bytes are made visible (snippet.h visible())
//   wherever the format cannot carry them as they are.
// - Output depends on the inputs and options only: no time, host or
//   randomness, so two runs write the same bytes.
#pragma once

#include <array>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/baseline.h"
#include "plancheck/check.h"
#include "plancheck/check_sarif.h"
#include "plancheck/messages.h"
#include "plancheck/source.h"
#include "plancheck/text.h"

namespace plancheck {

// What a whole run found, tallied file by file as results stream past (so it
// holds counts, never diagnostics).
struct CheckSummary {
  // Diagnostics by severity.
  struct Counts {
    size_t errors = 0, warnings = 0, notes = 0;
    size_t total() const { return errors + warnings + notes; }
    void add(Severity s);
  };
  struct FileCounts {
    std::string path;
    Counts counts;
  };
  static constexpr size_t kMostErrors = 10;  // files listed under "most errors"

  size_t files = 0, checked = 0, failed = 0;
  size_t unread = 0;    // checked, but read as nothing (says_never_read): counted like failed for the exit status
  size_t skipped = 0;   // under folders: not plans (extension, binary)
  size_t excluded = 0;  // under folders: left out by --include/--exclude or the settings' globs
  Counts counts;
  std::array<Counts, kCategoryCount> by_category{};
  std::array<Counts, kLevelCount + 1> by_level{};  // the last: diagnostics about no level
  // Files with the most errors, most first (input order among equals).
  std::vector<FileCounts> most_errors;
  // What the run was configured by, so a report says it: the settings files
  // read (.plancheck.toml, --config) and the user's rule files loaded.
  std::vector<std::string> settings_files, rule_files;
  // Against a baseline (--baseline FILE; counts includes the known): the
  // findings it holds, and its entries no finding matched. Left out by the
  // settings' [[ignore]]: neither reported nor counted above.
  size_t known = 0, ignored = 0;
  std::string baseline;  // the file, when the run has one
  std::vector<BaselineEntry> stale;
  // The plans of the batch held as higher plans (higher_plans.h), each
  // with the files of the batch it was held against, sorted by path.
  struct HigherPlan {
    std::string ruleset, file, document;
    CivilDate date;
    std::vector<std::string> held;  // sorted by path
  };
  std::vector<HigherPlan> higher_plans;
  // A checked file's sets: the higher plans of the batch among them count it.
  void add_held(const std::string& path, const std::vector<const RuleSet*>& sets);

  void add_file(const std::string& path, const std::vector<Diagnostic>& diags);
};

// What was read as the plan: its own number and date, issuer and round,
// for the line that heads its findings.
struct PlanFacts {
  std::optional<std::string> number, issuer, term, round;
  std::optional<CivilDate> date;
  // The extraction file the plan was read from (extract_json.h), when it
  // was not read from its text.
  std::optional<std::string> read_from;
  // The legacy encoding the plan's bytes were read in (source.h: "tcvn3",
  // "vni", …), when they were not UTF-8 or UTF-16.
  std::optional<std::string> decoded_from;
  // The pages of a PDF recognised by OCR, when some were.
  std::vector<uint32_t> ocr_pages;
  // Where each line of the text stands in the document it was read from
  // (source.h; empty for plain text): reports say places in its terms.
  std::vector<LineOrigin> origins;
  // The model the plan was checked on, for the reporters that draw it
  // (html, csv); valid during render() only, null after it.
  const Extraction* model = nullptr;
};
PlanFacts facts_of(const Extraction& x);

// Where a span is, as a person finds it, after "file:": "17:5" in a text,
// "đoạn 12:5" / "paragraph 12:5" or "bảng 1, hàng 3, ô 2:5" in a .docx,
// "trang 1, dòng 17:5" in a PDF, the source line in an HTML page.
std::string place_text(const Span& s, const std::vector<LineOrigin>& origins, Lang lang);

// Frees what no report of `x` reads from `text`, the plan `x` was
// extracted from (Text::keep_only): the lines and stretches its spans
// point into, as much of each as a snippet shows. A batch that holds its
// plans until every higher plan is known (issue 24) holds this much of
// each text; every reporter gives the same output from it as from the
// whole text.
void keep_for_report(Text& text, const Extraction& x);

struct ReportOptions {
  std::string format = "json";  // one of report_formats()
  Lang lang = Lang::vi;
  ColumnKind sarif_columns = ColumnKind::utf16_code_units;  // sarif only
};

class CheckReporter {
 public:
  virtual ~CheckReporter() = default;
  // One checked file's output, rendered on the worker thread that checked it
  // (several at once: it reads nothing write() changes), or nullopt when the
  // format must see the files in order (SARIF collects the whole run). What
  // it returns goes to write() in input order.
  // `text` is the plan the spans point into; null for a plan read as an
  // extraction (no snippets then, and a span has its start only).
  virtual std::optional<std::string> render(const std::string& path, const Text* text,
                                            const std::vector<const RuleSet*>& sets,
                                            const std::vector<Diagnostic>& diags, const PlanFacts& facts) const = 0;
  virtual void write(const std::string& rendered) = 0;
  // A checked file that render() left for the in-order step.
  virtual void file(const std::string& path, const Text* text, const std::vector<const RuleSet*>& sets,
                    const std::vector<Diagnostic>& diags, const PlanFacts& facts) {
    if (auto r = render(path, text, sets, diags, facts)) write(*r);
  }
  // A file that could not be read; `message` names it.
  virtual void failure(const std::string& path, const std::string& message) = 0;
  // `used`: every rule set some file was held to, in first-use order.
  virtual void finish(const CheckSummary& summary, const std::vector<const RuleSet*>& used) = 0;
};

// The formats make_reporter() writes, in the order help lists them.
std::span<const std::string_view> report_formats();

// The reporter of `opt.format`, writing to `out`; null for a format the
// library does not write (the command's "text").
std::unique_ptr<CheckReporter> make_reporter(const ReportOptions& opt, const RuleBook& book, std::ostream& out);

}  // namespace plancheck
