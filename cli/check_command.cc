#include "check_command.h"

#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <optional>
#include <thread>
#include <utility>

#include "adoption.h"
#include "text_check_report.h"
#include "command_line.h"
#include "higher_plans.h"
#include "ordered_jobs.h"
#include "plan_walk.h"
#include "plancheck/check.h"
#include "plancheck/analyze.h"
#include "plancheck/extract.h"
#include "plancheck/extract_json.h"
#include "plancheck/settings.h"
#include "plancheck/source.h"
#include "progress.h"
#include "report_output.h"
#include "rule_book.h"

namespace plancheck::cli {

namespace fs = std::filesystem;

const std::vector<std::string> kCheckFormats = check_formats();
const std::vector<std::string> kFailOnChoices{"error", "warning", "note"};
const std::vector<std::string> kSarifColumnChoices{"utf16", "code-points"};
const std::vector<std::string> kColorChoices{"auto", "always", "never"};

void setup_check(CLI::App& app, CheckOptions& opt, Lang lang) {
  auto* sub = app.add_subcommand("check", std::string(msg::check_description.in(lang)));
  sub->add_option(std::string(msg::name_inputs.in(lang)), opt.in.inputs, std::string(msg::arg_inputs.in(lang)))->required();
  // Every option names one value per occurrence: `--exclude 'cu/*' a b`
  // leaves a and b inputs; repeat the option for more values.
  sub->add_option("--rules", opt.rules, std::string(msg::help_rules.in(lang)))->allow_extra_args(false);
  sub->add_option("--include", opt.in.include, std::string(msg::help_include.in(lang)))->allow_extra_args(false);
  sub->add_option("--exclude", opt.in.exclude, std::string(msg::help_exclude.in(lang)))->allow_extra_args(false);
  sub->add_option("--ruleset", opt.ruleset, std::string(msg::help_ruleset.in(lang)));
  offer(sub->add_option("--format", opt.format, say(msg::help_format, lang, choices_text(kCheckFormats))), kCheckFormats)
      ->capture_default_str();
  offer(sub->add_option("--lang", opt.lang, std::string(msg::help_lang.in(lang))), kLangChoices)->capture_default_str();
  offer(sub->add_option("--fail-on", opt.fail_on, std::string(msg::help_fail_on.in(lang))), kFailOnChoices)
      ->capture_default_str();
  offer(sub->add_option("--sarif-columns", opt.sarif_columns, std::string(msg::help_sarif_columns.in(lang))),
        kSarifColumnChoices)
      ->capture_default_str();
  offer(sub->add_option("--color", opt.color, std::string(msg::help_color.in(lang))), kColorChoices)
      ->capture_default_str();
  sub->add_option("-j,--jobs", opt.jobs, std::string(msg::help_jobs.in(lang)))
      ->type_name(std::string(msg::help_number_word.in(lang)))
      ->check(CLI::Validator(
          [lang](const std::string& v) {
            unsigned n = 0;
            return CLI::detail::lexical_cast(v, n) && n <= 1024 ? std::string()
                                                                 : say(msg::jobs_out_of_range, lang, v, 0, 1024);
          },
          say(msg::help_jobs_range, lang, 0, 1024)));
  sub->add_option("-o,--output", opt.output, std::string(msg::help_output.in(lang)))
      ->type_name(std::string(msg::help_file_word.in(lang)));
  sub->add_flag("--no-progress", opt.no_progress, std::string(msg::help_no_progress.in(lang)));
  sub->add_flag("--no-batch-plans", opt.no_batch_plans, std::string(msg::help_no_batch_plans.in(lang)));
  sub->add_option("--baseline", opt.baseline, std::string(msg::help_baseline.in(lang)))
      ->type_name(std::string(msg::help_file_word.in(lang)));
  sub->add_option("--write-baseline", opt.write_baseline, std::string(msg::help_write_baseline.in(lang)))
      ->type_name(std::string(msg::help_file_word.in(lang)));
  sub->add_option("--stdin-name", opt.in.stdin_name, std::string(msg::help_stdin_name.in(lang)));
  add_reading_options(*sub, opt.in, lang);
  sub->add_option("--config", opt.in.config, std::string(msg::help_config.in(lang)));
  sub->add_flag("--no-config", opt.in.no_config, std::string(msg::help_no_config.in(lang)));
  set_footer(*sub, lang, msg::check_examples);
}

namespace {

// What one worker may hold at the worst: the largest plan read (256 MiB)
// about eight times over — its normalized and folded text, the words
// indexed, the organisation index and the model, the rendered report
// (docs/performance.md measures up to 7x the file and 64 MiB on a plan
// as dense as the samples, about 5.2x on real articles).
constexpr uint64_t kWorstBytesPerWorker = 8 * kMaxDocumentBytes;

// The memory the system can give without swapping (MemAvailable), or
// nullopt where it does not say.
std::optional<uint64_t> available_memory() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  uint64_t kb = 0;
  std::string unit;
  while (in >> key >> kb >> unit)
    if (key == "MemAvailable:") return kb * 1024;
  return std::nullopt;
}

// Every core, but no more workers than memory holds at the worst, so a
// folder of the largest plans cannot exhaust memory; at least one.
unsigned default_jobs() {
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  if (const auto avail = available_memory())
    jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<uint64_t>(1, *avail / kWorstBytesPerWorker)));
  return jobs;
}


// What one worker made of one plan; the consumer reports it in input order.
// A file holds one plan, or (JSON) several extractions.
struct PlanResult {
  std::string path;
  enum class Status { checked, failed, skipped } status = Status::checked;
  std::optional<Text> text;  // none for a plan read as an extraction
  // Read, not checked yet: the plan's model (a batch holds every plan's
  // until its higher plans are known).
  std::optional<Extraction> model;
  std::vector<const RuleSet*> sets;
  std::vector<Diagnostic> diags;
  PlanFacts facts;
  size_t ignored = 0;  // findings the settings' [[ignore]] took out
  std::optional<std::string> rendered;  // the plan's output, when the worker rendered it
  std::string error;                    // failed: why, naming the file; skipped: a warning, or nothing
  bool told = false;                    // the error is said on stderr already
};

struct PlanOutcome {
  size_t input = 0;
  size_t bytes = 0;
  std::vector<PlanResult> plans;
};

// What each input is held to: its rule book, a forced set, --fail-on, the
// settings' ignores, the run's baseline (or null).
struct InputPolicy {
  const RuleBook* book;
  const RuleSet* forced;
  Severity fail_on;
  const std::vector<IgnoreRule>* ignores;
  const Baseline* baseline;
};

// Checks one model; `text`, when the model was read from one, is kept for
// the reporters that must see files in order.
void check_model(PlanResult& out, const Extraction& x, const InputPolicy& policy, const CheckReporter& reporter) {
  const RuleBook& book = *policy.book;
  out.sets = policy.forced ? book.with_extended(*policy.forced) : book.select(x);
  out.diags = check(x, out.sets, book);
  // Before rendering: an ignored finding is not shown, a known one is shown as known.
  out.ignored = drop_ignored(*policy.ignores, out.path, out.diags);
  if (policy.baseline) policy.baseline->mark(out.path, out.diags);
  // Rendered here, in parallel; the text is then no longer needed.
  auto read_from = std::move(out.facts.read_from);
  auto origins = std::move(out.facts.origins);
  out.facts = facts_of(x);
  out.facts.read_from = std::move(read_from);
  out.facts.origins = std::move(origins);
  out.rendered = reporter.render(out.path, out.text ? &*out.text : nullptr, out.sets, out.diags, out.facts);
  out.facts.model = nullptr;  // x ends with the caller
  if (out.rendered) out.text.reset();
}

PlanResult failed(std::string path, std::string error) {
  PlanResult r;
  r.path = std::move(path);
  r.status = PlanResult::Status::failed;
  r.error = std::move(error);
  return r;
}

// A bug met on one file: that file failed, the batch goes on.
PlanResult internal_failure(const std::string& path, const std::exception& e, Lang lang) {
  return failed(path, path + ": " + say(msg::internal_error, lang, e.what()));
}

bool json_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".json" || ext == ".jsonl";
}

// The plancheck.extract/1 objects of a JSON file, each checked as a plan
// named by the file it was extracted from (its spans point there).
void read_extractions(PlanOutcome& out, const std::string& bytes, const std::string& path, bool under_folder,
                      Lang lang) {
  std::vector<ExtractJsonItem> items;
  try {
    items = read_extract_json(bytes, path);
  } catch (const LocatedError& e) {
    // Found under a folder, a .json of something else (one that does not
    // name the schema: a manifest, a gold file) is passed over, said.
    if (under_folder && extract_json_kind(bytes) != ExtractJsonKind::extraction) {
      PlanResult r;
      r.path = path;
      r.status = PlanResult::Status::skipped;
      r.error = say(msg::json_skipped, lang, e.describe(lang));
      out.plans.push_back(std::move(r));
      return;
    }
    out.plans.push_back(failed(path, e.describe(lang)));
    return;
  }
  for (auto& item : items) {
    if (item.error) {
      out.plans.push_back(failed(path, item.error->describe(lang)));
      continue;
    }
    PlanResult r;
    r.path = item.extraction->file.empty() ? path : item.extraction->file;
    r.facts.read_from = path;
    r.model = std::move(*item.extraction);
    out.plans.push_back(std::move(r));
  }
}

// Reads one file: its plan's model and text, or its extractions, not yet
// checked; or why it was not read.
PlanOutcome read_plan(PlanFile file, const std::string& stdin_name, const ReadOptions& read, Lang lang) {
  PlanOutcome out;
  out.input = file.input;
  const std::string path = shown_name(file, stdin_name);
  try {
    std::string bytes = read_plan_bytes(file, stdin_name);
    out.bytes = bytes.size();
    // Found under a folder: a .txt that is really binary is not a plan (a
    // document a reader takes — .docx, PDF, a .doc to refuse — is not that).
    if (file.under_folder && !document_format(bytes, path) && looks_binary(bytes)) {
      PlanResult r;
      r.path = path;
      r.status = PlanResult::Status::skipped;
      out.plans.push_back(std::move(r));
      return out;
    }
    // An extraction, whatever the file is called; a .json or .jsonl is read
    // as one, so that one that is not says so.
    if (json_extension(path) || extract_json_kind(bytes) == ExtractJsonKind::extraction) {
      read_extractions(out, bytes, path, file.under_folder, lang);
      return out;
    }
    Analysis a = analyze(std::move(bytes), path, read);
    PlanResult r;
    r.path = path;
    r.text.emplace(std::move(a.text));
    r.facts.origins = std::move(a.origins);
    r.model = std::move(a.extraction);
    out.plans.push_back(std::move(r));
  } catch (const SourceError& e) {
    out.plans.clear();
    out.plans.push_back(failed(path, e.describe(lang)));
  } catch (const std::exception& e) {
    // A bug must not cost the rest of the batch: the file is reported as
    // failed and the run goes on.
    out.plans.clear();
    out.plans.push_back(internal_failure(path, e, lang));
  }
  return out;
}

// Checks the plans `read_plan` read; a plan that failed is left as it is.
void check_read(PlanOutcome& outcome, const InputPolicy& policy, const CheckReporter& reporter, Lang lang) {
  for (PlanResult& r : outcome.plans) {
    if (!r.model) continue;
    try {
      check_model(r, *r.model, policy, reporter);
    } catch (const std::exception& e) {
      r = internal_failure(r.path, e, lang);
    }
    r.model.reset();
  }
}

}  // namespace

int run_check(const CLI::App& sub, CheckOptions opt) {
  Lang lang = parse_lang(opt.lang);
  std::vector<Choice> choices{{"--format", &opt.format, kCheckFormats},
                              {"--lang", &opt.lang, kLangChoices},
                              {"--fail-on", &opt.fail_on, kFailOnChoices},
                              {"--sarif-columns", &opt.sarif_columns, kSarifColumnChoices},
                              {"--color", &opt.color, kColorChoices}};
  for (Choice& c : reading_choices(opt.in)) choices.push_back(std::move(c));
  if (!check_choices(lang, choices)) return kExitTrouble;
  const auto given = [&](const char* name) { return sub.get_option(name)->count() > 0; };
  opt.in.include_given = given("--include");
  opt.in.exclude_given = given("--exclude");
  std::vector<ResolvedInput> inputs;
  try {
    inputs = resolve_inputs(opt.in);
  } catch (const SettingsError& e) {
    print_error(lang, e.describe(lang));
    return kExitTrouble;
  }
  // The language of the run: the command line's, else the first input's settings.
  if (!given("--lang") && !inputs.empty() && inputs.front().settings.lang)
    lang = parse_lang(inputs.front().settings.lang->value);

  if (!opt.write_baseline.empty() && is_an_input(opt.write_baseline, opt.in.inputs, lang)) return kExitTrouble;
  std::optional<Baseline> baseline;
  if (!opt.baseline.empty()) {
    try {
      baseline = Baseline::parse(read_file_bytes(opt.baseline, {.max_bytes = kMaxDocumentBytes, .streams = false}),
                                 opt.baseline);
    } catch (const LocatedError& e) {
      print_error(lang, say(msg::baseline_unreadable, lang, e.describe(lang)));
      return kExitTrouble;
    }
  }
  // A rule book per distinct list of rule files (most runs: one).
  std::map<std::vector<std::string>, RuleBook> books;
  std::vector<InputPolicy> policies;
  for (const auto& in : inputs) {
    const std::vector<std::string> rules = given("--rules") || !in.settings.rules ? opt.rules : in.settings.rules->value;
    auto it = books.find(rules);
    if (it == books.end()) {
      auto loaded = rule_book_or_report(rules, true, lang);
      if (!loaded) return kExitTrouble;
      it = books.emplace(rules, std::move(*loaded)).first;
    }
    const RuleBook& book = it->second;
    const std::string ruleset = given("--ruleset") || !in.settings.ruleset ? opt.ruleset : in.settings.ruleset->value;
    const RuleSet* forced = nullptr;
    if (!ruleset.empty() && !(forced = book.find(ruleset))) {
      // From a settings file: said at the value, file:line:column.
      const bool from_settings = !given("--ruleset") && in.settings.ruleset;
      print_error(lang, from_settings ? in.settings.ruleset->from + ": " + say(msg::no_ruleset, lang, ruleset)
                                      : say(msg::no_ruleset, lang, ruleset));
      return kExitTrouble;
    }
    std::string fail_on = given("--fail-on") || !in.settings.fail_on ? opt.fail_on : in.settings.fail_on->value;
    policies.push_back({&book, forced, *parse_severity(fail_on), &in.settings.ignores, baseline ? &*baseline : nullptr});
  }
  const RuleBook& book = *policies.front().book;
  CheckSummary summary;
  summary.baseline = opt.baseline;
  // Against the baseline: the known findings of each file, by fingerprint,
  // and the files looked at (for its stale entries); for --write-baseline,
  // every finding reported.
  std::map<std::string, std::map<std::string, size_t>> known;
  std::set<std::string> looked_at;
  std::vector<BaselineEntry> findings;
  auto add_unique = [](auto& to, const auto& s) {
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
  };
  for (const auto& in : inputs)
    for (const auto& f : in.settings.files) add_unique(summary.settings_files, f);
  for (const auto& [paths, unused] : books)
    for (const auto& p : paths)
      for (const auto& f : rule_files(p)) add_unique(summary.rule_files, f);
  auto walked = walk_inputs(inputs);
  for (auto& w : walked) w.options.extractions = true;
  PlanWalk walk(walked);
  std::optional<PlanFile> first = walk.next();
  if (!first) {
    print_error(lang, std::string(msg::no_plan_files.in(lang)));
    return kExitTrouble;
  }
  ReportOptions ro;
  ro.format = opt.format;
  ro.lang = lang;
  const bool stdout_tty = isatty(STDOUT_FILENO);
  ro.sarif_columns = opt.sarif_columns == "code-points" ? ColumnKind::unicode_code_points : ColumnKind::utf16_code_units;
  const auto reporter = make_check_reporter(ro, use_colour(opt.color, stdout_tty), book, std::cout);

  int status = 0;
  std::vector<const RuleSet*> used;
  // The bar's total comes from a walk of its own (names only), made only
  // when the bar is drawn.
  const bool show_progress = !opt.no_progress && isatty(STDERR_FILENO);
  Progress progress(show_progress ? count_plans(walked) : 0, show_progress, std::cout, stdout_tty, lang);
  unsigned jobs = opt.jobs ? opt.jobs : default_jobs();
  if (walked.size() == 1 && !first->under_folder) jobs = 1;  // one file: no pool to start
  // A few results per worker may wait for their turn: enough to keep every
  // core busy behind one slow file, few enough to bound memory.
  const size_t window = 4 * static_cast<size_t>(jobs);
  // What a file read says on stderr, as soon as it is read (in input order).
  const auto tell = [&](PlanOutcome& outcome) {
    for (PlanResult& r : outcome.plans) {
      if (r.error.empty() || r.status == PlanResult::Status::checked || r.told) continue;
      r.told = true;
      progress.before_output(true);
      if (r.status == PlanResult::Status::skipped) print_warning(lang, r.error);
      else print_error(lang, r.error);
    }
  };
  // A file's results, to the report.
  const auto report = [&](PlanOutcome&& outcome) {
    for (PlanResult& r : outcome.plans) {
      const std::string& path = r.path;
      if (r.status != PlanResult::Status::skipped) ++summary.files;
      switch (r.status) {
        case PlanResult::Status::skipped:
          ++summary.skipped;
          break;
        case PlanResult::Status::failed:
          ++summary.failed;
          // Reported (JSON status "error") and the batch goes on: exit 1,
          // as a finding (spec/check-json.md); 2 is for a run that could
          // not be done.
          status = std::max<int>(status, kExitFindings);
          if (!r.told) {  // failed in the check, after it was read
            progress.before_output(true);
            print_error(lang, r.error);
          }
          progress.before_output();
          reporter->failure(path, r.error);
          break;
        case PlanResult::Status::checked:
          summary.add_file(path, r.diags);
          summary.ignored += r.ignored;
          looked_at.insert(baseline_file_key(path));
          summary.add_held(path, r.sets);
          for (const auto* s : r.sets)
            add_unique(used, s);
          for (const auto& d : r.diags) {
            if (!opt.write_baseline.empty()) findings.push_back(baseline_entry(path, d, lang));
            // A known finding is reported, but the project has accepted it for now.
            if (d.baseline == BaselineState::known) {
              ++summary.known;
              ++known[baseline_file_key(path)][d.fingerprint];
              continue;
            }
            if (d.severity >= policies[outcome.input].fail_on) status = std::max<int>(status, kExitFindings);
          }
          // A plan never read (a legacy encoding, nothing read) is no
          // clean result: exit 1, as a finding, whatever --fail-on says.
          if (std::any_of(r.diags.begin(), r.diags.end(), says_never_read)) {
            ++summary.unread;
            status = std::max<int>(status, kExitFindings);
          }
          progress.before_output();
          if (r.rendered) reporter->write(*r.rendered);
          else reporter->file(path, r.text ? &*r.text : nullptr, r.sets, r.diags, r.facts);
          break;
      }
    }
  };
  const ReadOptions read = read_options(opt.in);
  const auto next = [&]() -> std::optional<PlanFile> {
    if (first) return std::exchange(first, std::nullopt);
    return walk.next();
  };
  // Plans of the batch that others cite are limits for them (issue 24): the
  // batch is read whole first — each file once, keeping its model and what
  // its report reads of its text — then every plan is checked with the
  // higher plans found among them. A single file is read and checked at once.
  const bool whole_batch = !opt.no_batch_plans && (walked.size() > 1 || first->under_folder);
  if (!whole_batch) {
    run_ordered_from(
        jobs, window, next,
        [&](PlanFile&& file) {
          PlanOutcome outcome = read_plan(std::move(file), opt.in.stdin_name, read, lang);
          check_read(outcome, policies[outcome.input], *reporter, lang);
          return outcome;
        },
        [&](size_t, PlanOutcome&& outcome) {
          const size_t bytes = outcome.bytes;
          tell(outcome);
          report(std::move(outcome));
          progress.advance(bytes);
        });
  } else {
    std::vector<PlanOutcome> batch;
    run_ordered_from(
        jobs, window, next,
        [&](PlanFile&& file) {
          PlanOutcome outcome = read_plan(std::move(file), opt.in.stdin_name, read, lang);
          // Held until every plan is read: its schedule, not its text.
          for (PlanResult& r : outcome.plans) {
            if (!r.model) continue;
            try {
              if (r.text) keep_for_report(*r.text, *r.model);
              keep_for_check(*r.model);
            } catch (const std::exception& e) {
              r = internal_failure(r.path, e, lang);
            }
          }
          return outcome;
        },
        [&](size_t, PlanOutcome&& outcome) {
          tell(outcome);
          progress.advance(outcome.bytes);
          batch.push_back(std::move(outcome));
        });
    std::vector<BatchPlan> plans;
    for (const PlanOutcome& o : batch)
      for (const PlanResult& r : o.plans)
        if (r.model) plans.push_back({&r.path, &*r.model, r.text ? &*r.text : nullptr, &r.facts.origins});
    HigherPlans higher = find_higher_plans(plans, book, lang);
    plans.clear();
    progress.before_output(true);
    for (const auto& w : higher.warnings) print_warning(lang, w);
    // Every rule book of the run holds them (books are map nodes: the
    // policies' pointers hold).
    for (const RuleSet& s : higher.sets) {
      summary.higher_plans.push_back({s.id, s.path, s.number, s.date, {}});
      for (auto& [paths, b] : books) b.add(s);
    }
    size_t at = 0;
    run_ordered_from(
        jobs, window, [&]() -> std::optional<size_t> { return at < batch.size() ? std::optional(at++) : std::nullopt; },
        [&](size_t i) {
          PlanOutcome outcome = std::move(batch[i]);
          check_read(outcome, policies[outcome.input], *reporter, lang);
          return outcome;
        },
        [&](size_t, PlanOutcome&& outcome) { report(std::move(outcome)); });
  }
  summary.skipped += walk.skipped();
  summary.excluded = walk.excluded();
  progress.clear();
  // Nothing read at all: the run could not be done (spec: "no input at all").
  if (summary.failed > 0 && summary.checked == 0) status = kExitTrouble;
  if (baseline)
    summary.stale = baseline->stale(known, [&](const std::string& f) { return looked_at.count(f) > 0; });
  if (!opt.write_baseline.empty()) {
    const size_t n = findings.size();
    if (!write_file_whole(opt.write_baseline, baseline_json(std::move(findings)), lang)) {
      reporter->finish(summary, used);
      return kExitTrouble;
    }
    std::cerr << "plancheck: " << say(msg::baseline_written, lang, n, opt.write_baseline) << '\n';
    // The findings are the baseline now; a file that could not be read is not in it.
    status = summary.failed == 0 ? kExitClean : summary.checked == 0 ? kExitTrouble : kExitFindings;
  }
  reporter->finish(summary, used);
  std::cout.flush();
  return status;
}

}  // namespace plancheck::cli
