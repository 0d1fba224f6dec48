#include "check_command.h"

#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>
#include <utility>

#include "check_report.h"
#include "ordered_jobs.h"
#include "plan_walk.h"
#include "plancheck/check.h"
#include "plancheck/extract.h"
#include "plancheck/settings.h"
#include "plancheck/source.h"
#include "progress.h"
#include "rule_book.h"

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
  sub->add_option("-j,--jobs", opt.jobs, "Check this many files at once (default: every core)")
      ->check(CLI::Range(0u, 1024u));
  sub->add_flag("--no-progress", opt.no_progress, "No progress bar on stderr (it is only drawn on a terminal)");
  sub->add_option("--config", opt.config, "Settings file to use instead of the nearest .plancheck.toml");
  sub->add_flag("--no-config", opt.no_config, "Read no settings file");
}

namespace {

// What one worker made of one file; the consumer reports it in input order.
struct PlanOutcome {
  std::string path;
  enum class Status { checked, failed, skipped } status = Status::checked;
  std::optional<Text> text;
  std::vector<const RuleSet*> sets;
  std::vector<Diagnostic> diags;
  std::optional<std::string> rendered;  // the file's output, when the worker rendered it
  std::string error;                    // failed: why, naming the file
  size_t bytes = 0;
};

PlanOutcome check_plan(PlanFile file, const RuleBook& book, const RuleSet* forced, const CheckReporter& reporter) {
  PlanOutcome out;
  out.path = std::move(file.path);
  const std::string& path = out.path;
  try {
    std::string bytes = file.folder ? read_regular_file_at(file.folder->fd, file.name, path) : read_file_bytes(path);
    out.bytes = bytes.size();
    // Found under a folder: a .txt that is really binary is not a plan.
    if (file.under_folder && looks_binary(bytes)) {
      out.status = PlanOutcome::Status::skipped;
      return out;
    }
    out.text.emplace(decode_source(std::move(bytes), path).utf8);
    const Extraction x = extract(*out.text, path);
    out.sets = forced ? book.with_extended(*forced) : book.select(x);
    out.diags = check(x, out.sets, book);
    // Rendered here, in parallel; the text is then no longer needed.
    out.rendered = reporter.render(path, *out.text, out.sets, out.diags);
    if (out.rendered) out.text.reset();
  } catch (const SourceError& e) {
    out.status = PlanOutcome::Status::failed;
    out.error = e.what();
    out.text.reset();
  } catch (const std::exception& e) {
    // A bug must not cost the rest of the batch: the file is reported as
    // failed and the run goes on.
    out.status = PlanOutcome::Status::failed;
    out.error = fmt::format("{}: internal error while checking: {}", path, e.what());
    out.text.reset();
  }
  return out;
}

// Settings from .plancheck.toml fill what the command line left unsaid.
bool apply_settings(const CLI::App& sub, CheckOptions& opt) {
  std::optional<fs::path> file;
  if (!opt.config.empty()) file = opt.config;
  else if (std::error_code ec; !opt.no_config) {
    const fs::path here = fs::current_path(ec);  // a folder since removed: no settings to find
    if (!ec) file = find_settings_file(here);
  }
  if (!file) return true;
  CheckSettings s;
  try {
    s = read_settings(*file);
  } catch (const SettingsError& e) {
    std::cerr << "plancheck: error: " << e.what() << '\n';
    return false;
  }
  const auto unset = [&](const char* name) { return sub.get_option(name)->count() == 0; };
  if (s.rules && unset("--rules")) opt.rules = *s.rules;
  if (s.include && unset("--include")) opt.include = *s.include;
  if (s.exclude && unset("--exclude")) opt.exclude = *s.exclude;
  if (s.ruleset && unset("--ruleset")) opt.ruleset = *s.ruleset;
  if (s.fail_on && unset("--fail-on")) opt.fail_on = *s.fail_on;
  if (s.lang && unset("--lang")) opt.lang = *s.lang;
  return true;
}

}  // namespace

int run_check(const CLI::App& sub, CheckOptions opt) {
  if (!apply_settings(sub, opt)) return 2;
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
  const WalkOptions walk_options{opt.include, opt.exclude};
  PlanWalk walk(opt.inputs, walk_options);
  std::optional<PlanFile> first = walk.next();
  if (!first) {
    std::cerr << "plancheck: error: no plan files found in the inputs given\n";
    return 2;
  }
  ReportOptions ro;
  ro.format = opt.format;
  ro.lang = lang;
  const bool stdout_tty = isatty(STDOUT_FILENO);
  ro.color = opt.color == "always" || (opt.color == "auto" && stdout_tty);
  ro.sarif_columns = opt.sarif_columns == "code-points" ? ColumnKind::unicode_code_points : ColumnKind::utf16_code_units;
  const auto reporter = make_check_reporter(ro, book, std::cout);

  int status = 0;
  CheckSummary summary;
  std::vector<const RuleSet*> used;
  // The bar's total comes from a walk of its own (names only), made only
  // when the bar is drawn.
  const bool show_progress = !opt.no_progress && isatty(STDERR_FILENO);
  Progress progress(show_progress ? count_plans(opt.inputs, walk_options) : 0, show_progress, std::cout, stdout_tty);
  unsigned jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (opt.inputs.size() == 1 && !first->under_folder) jobs = 1;  // one file: no pool to start
  // A few results per worker may wait for their turn: enough to keep every
  // core busy behind one slow file, few enough to bound memory.
  const size_t window = 4 * static_cast<size_t>(jobs);
  run_ordered_from(
      jobs, window,
      [&]() -> std::optional<PlanFile> {
        if (first) return std::exchange(first, std::nullopt);
        return walk.next();
      },
      [&](PlanFile&& file) { return check_plan(std::move(file), book, forced, *reporter); },
      [&](size_t, PlanOutcome&& r) {
        const std::string& path = r.path;
        if (r.status != PlanOutcome::Status::skipped) ++summary.files;
        switch (r.status) {
          case PlanOutcome::Status::skipped:
            ++summary.skipped;
            break;
          case PlanOutcome::Status::failed:
            ++summary.failed;
            status = std::max(status, 1);
            progress.before_output(true);
            std::cerr << "plancheck: error: " << r.error << '\n';
            progress.before_output();
            reporter->failure(path, r.error);
            break;
          case PlanOutcome::Status::checked:
            summary.add_file(path, r.diags);
            for (const auto* s : r.sets)
              if (std::find(used.begin(), used.end(), s) == used.end()) used.push_back(s);
            for (const auto& d : r.diags)
              if (d.severity >= fail_on) status = std::max(status, 1);
            if (!r.diags.empty()) progress.before_output();
            if (r.rendered) reporter->write(*r.rendered);
            else reporter->file(path, *r.text, r.sets, r.diags);
            break;
        }
        progress.advance(r.bytes);
      });
  summary.skipped += walk.skipped();
  progress.clear();
  reporter->finish(summary, used);
  std::cout.flush();
  return status;
}

}  // namespace plancheck::cli
