#include "check_command.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "plancheck/check.h"
#include "check_report.h"
#include "plan_walk.h"
#include "rule_book.h"
#include "plancheck/extract.h"
#include "plancheck/source.h"

namespace plancheck::cli {

namespace fs = std::filesystem;

void setup_check(CLI::App& app, CheckOptions& opt) {
  auto* sub = app.add_subcommand("check", "Check plans against the directives above them");
  sub->add_option("inputs", opt.inputs, "Plan files or folders (searched recursively for .txt)")->required();
  sub->add_option("--rules", opt.rules, "Rule file or folder of rule files (repeatable); adds to or overrides "
                                        "the shipped rules");
  sub->add_option("--include", opt.include, "Under folders, check only paths matching this glob (repeatable)");
  sub->add_option("--exclude", opt.exclude, "Under folders, skip paths matching this glob (repeatable)");
  sub->add_option("--ruleset", opt.ruleset, "Hold every plan to this rule set (and what it extends)");
  sub->add_option("--format", opt.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl", "sarif", "github"}))
      ->capture_default_str();
  sub->add_option("--lang", opt.lang, "Language of messages")->check(CLI::IsMember({"vi", "en"}))->capture_default_str();
  sub->add_option("--fail-on", opt.fail_on, "Exit 1 when a diagnostic is at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "note"}))
      ->capture_default_str();
  sub->add_option("--sarif-columns", opt.sarif_columns,
                  "Unit of SARIF columns: utf16 (what GitHub and VS Code count) or code-points")
      ->check(CLI::IsMember({"utf16", "code-points"}))
      ->capture_default_str();
  sub->add_option("--color", opt.color, "Colour in text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

namespace {

}  // namespace

int run_check(const CheckOptions& opt) {
  const Lang lang = opt.lang == "en" ? Lang::en : Lang::vi;
  const Severity fail_on = *parse_severity(opt.fail_on);
  const auto loaded = rule_book_or_report(opt.rules, true);
  if (!loaded) return 2;
  const RuleBook& book = *loaded;
  const RuleSet* forced = nullptr;
  if (!opt.ruleset.empty()) {
    forced = book.find(opt.ruleset);
    if (!forced) {
      std::cerr << "plancheck: error: no rule set '" << opt.ruleset << "' (see `plancheck rules list`)\n";
      return 2;
    }
  }
  const WalkResult walk = walk_plans(opt.inputs, WalkOptions{opt.include, opt.exclude});
  const auto& files = walk.files;
  if (files.empty()) {
    std::cerr << "plancheck: error: no plan files found in the inputs given\n";
    return 2;
  }
  ReportOptions ro;
  ro.format = opt.format;
  ro.lang = lang;
  ro.color = opt.color == "always" || (opt.color == "auto" && isatty(STDOUT_FILENO));
  ro.sarif_columns = opt.sarif_columns == "code-points" ? ColumnKind::unicode_code_points : ColumnKind::utf16_code_units;
  const auto reporter = make_check_reporter(ro, book, std::cout);

  int status = 0;
  CheckSummary summary;
  summary.files = files.size();
  summary.skipped = walk.skipped;
  std::vector<const RuleSet*> used;
  for (const auto& file : files) {
    try {
      const Source src = read_source(file);
      const Text text(src.utf8);
      const Extraction x = extract(text, file);
      const auto sets = forced ? book.with_extended(*forced) : book.select(x);
      const auto diags = check(x, sets, book);
      ++summary.checked;
      for (const auto* s : sets)
        if (std::find(used.begin(), used.end(), s) == used.end()) used.push_back(s);
      for (const auto& d : diags) {
        if (d.severity == Severity::error) ++summary.errors;
        else if (d.severity == Severity::warning) ++summary.warnings;
        else ++summary.notes;
        if (d.severity >= fail_on) status = std::max(status, 1);
      }
      reporter->file(file, text, sets, diags);
    } catch (const SourceError& e) {
      ++summary.failed;
      status = std::max(status, 1);
      std::cerr << "plancheck: error: " << e.what() << '\n';
      reporter->failure(file, e.what());
    }
  }
  reporter->finish(summary, used);
  std::cout.flush();
  return status;
}

}  // namespace plancheck::cli
