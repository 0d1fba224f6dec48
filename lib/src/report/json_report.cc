// `check --format json` and `--format jsonl`: ../shared/spec/check-json.md.
// One file object per plan either way; jsonl writes them a line each with no
// envelope, json inside one document with the rule sets used and the summary.
#include <fmt/format.h>

#include <ostream>

#include "plancheck/check_json.h"
#include "plancheck/extract_json.h"
#include "report/reporters.h"

namespace plancheck::report {

nlohmann::ordered_json parents_json(const std::vector<const RuleSet*>& sets) {
  nlohmann::ordered_json parents = nlohmann::ordered_json::array();
  for (const auto* s : sets)
    if (is_parent(*s))
      parents.push_back({{"document", s->number}, {"date", s->date.iso()}, {"ruleset", s->id}, {"file", s->path}});
  return parents;
}

namespace {

constexpr auto kReplaceInvalid = nlohmann::ordered_json::error_handler_t::replace;

nlohmann::ordered_json file_json(const std::string& path, const std::vector<const RuleSet*>& sets,
                                 const std::vector<Diagnostic>& diags, const PlanFacts& facts, Lang lang) {
  nlohmann::ordered_json fj;
  fj["file"] = path;
  if (facts.read_from) fj["extraction"] = *facts.read_from;  // added: read from this JSON, not from the text
  if (facts.decoded_from) fj["encoding"] = *facts.decoded_from;  // added: read in a legacy encoding
  if (!facts.ocr_pages.empty()) fj["ocr_pages"] = facts.ocr_pages;  // added: pages of a PDF recognised by OCR
  fj["status"] = "checked";
  fj["rulesets"] = nlohmann::ordered_json::array();
  for (const auto* s : sets) fj["rulesets"].push_back(s->id);
  // Added: the higher documents the plan is held to (a higher plan of the
  // batch, a plan's rule file, the directive), each with what it resolved to.
  fj["parents"] = parents_json(sets);
  fj["diagnostics"] = nlohmann::ordered_json::array();
  for (const auto& d : diags) {
    auto dj = to_json(d, lang);
    // Added to the spec's fields: the place in a structured document.
    if (d.span)
      if (const auto p = place_of(facts.origins, d.span->line, d.span->column)) dj["location"] = location_json(*p);
    fj["diagnostics"].push_back(std::move(dj));
  }
  return fj;
}

nlohmann::ordered_json failure_json(const std::string& path, const std::string& message) {
  nlohmann::ordered_json fj;
  fj["file"] = path;
  fj["status"] = "error";
  fj["error"] = message;
  fj["diagnostics"] = nlohmann::ordered_json::array();
  return fj;
}

// One file object per line, no envelope.
class JsonlReporter : public CheckReporter {
 public:
  JsonlReporter(Lang lang, std::ostream& out) : lang_(lang), out_(out) {}
  std::optional<std::string> render(const std::string& path, const Text*, const std::vector<const RuleSet*>& sets,
                                    const std::vector<Diagnostic>& diags, const PlanFacts& facts) const override {
    return file_json(path, sets, diags, facts, lang_).dump(-1, ' ', false, kReplaceInvalid) + '\n';
  }
  void write(const std::string& rendered) override { out_ << rendered; }
  void failure(const std::string& path, const std::string& message) override {
    out_ << failure_json(path, message).dump(-1, ' ', false, kReplaceInvalid) << '\n';
  }
  void finish(const CheckSummary&, const std::vector<const RuleSet*>&) override {}

 private:
  Lang lang_;
  std::ostream& out_;
};

nlohmann::ordered_json counts_json(const CheckSummary::Counts& c) {
  return {{"errors", c.errors}, {"warnings", c.warnings}, {"notes", c.notes}};
}

// The spec's fields first, then the breakdown (fields added, none changed).
nlohmann::ordered_json summary_json(const CheckSummary& s) {
  nlohmann::ordered_json j = {{"files", s.files},
                              {"checked", s.checked},
                              {"errors", s.counts.errors},
                              {"warnings", s.counts.warnings},
                              {"notes", s.counts.notes},
                              {"failed_files", s.failed},
                              {"unread_files", s.unread},
                              {"skipped_files", s.skipped},
                              {"excluded_files", s.excluded}};
  auto& cat = j["by_category"] = nlohmann::ordered_json::object();
  for (size_t i = 0; i < kCategoryCount; ++i) cat[to_string(static_cast<Category>(i))] = counts_json(s.by_category[i]);
  auto& lvl = j["by_level"] = nlohmann::ordered_json::object();
  for (size_t i = 0; i < kLevelCount; ++i) lvl[to_string(static_cast<Level>(i))] = counts_json(s.by_level[i]);
  lvl["none"] = counts_json(s.by_level[kLevelCount]);
  // Adopting on a repository with findings (docs/cli.md, "Baselines and
  // ignores"): the known, the ignored, the baseline's stale entries.
  j["known"] = s.known;
  j["ignored"] = s.ignored;
  auto& stale = j["stale_baseline"] = nlohmann::ordered_json::array();
  for (const auto& e : s.stale)
    stale.push_back(
        {{"file", e.file}, {"rule", e.rule}, {"fingerprint", e.fingerprint}, {"line", e.line}, {"message", e.message}});
  j["settings_files"] = s.settings_files;
  j["rule_files"] = s.rule_files;
  if (!s.higher_plans.empty()) {  // added: plans of the batch held as higher plans, and the files they held
    auto& hp = j["higher_plans"] = nlohmann::ordered_json::array();
    for (const auto& h : s.higher_plans)
      hp.push_back({{"file", h.file}, {"document", h.document}, {"date", h.date.iso()}, {"ruleset", h.ruleset},
                    {"held", h.held}});
  }
  auto& most = j["most_errors"] = nlohmann::ordered_json::array();
  for (const auto& f : s.most_errors) {
    nlohmann::ordered_json fj = {{"file", f.path}};
    fj.update(counts_json(f.counts));
    most.push_back(std::move(fj));
  }
  return j;
}

// The whole run in one object. Written as it goes: the file objects stream
// out inside "files" (a run over 100,000 plans holds one at a time), the
// rule sets used and the summary come after them.
class JsonReporter : public CheckReporter {
 public:
  JsonReporter(Lang lang, std::ostream& out) : lang_(lang), out_(out) {}
  std::optional<std::string> render(const std::string& path, const Text*, const std::vector<const RuleSet*>& sets,
                                    const std::vector<Diagnostic>& diags, const PlanFacts& facts) const override {
    return dump_nested(file_json(path, sets, diags, facts, lang_), 2, 4);
  }
  void write(const std::string& rendered) override {
    open();
    out_ << (any_ ? ",\n    " : "\n    ") << rendered;
    any_ = true;
  }
  void failure(const std::string& path, const std::string& message) override {
    write(dump_nested(failure_json(path, message), 2, 4));
  }
  void finish(const CheckSummary& s, const std::vector<const RuleSet*>& used) override {
    open();
    out_ << (any_ ? "\n  ]" : "]");
    nlohmann::ordered_json sets = nlohmann::ordered_json::array();
    for (const auto* set : used) sets.push_back(ruleset_json(*set));
    member("rulesets", sets);
    member("summary", summary_json(s));
    out_ << "\n}\n";
  }

 private:
  void open() {
    if (opened_) return;
    opened_ = true;
    out_ << "{\n  \"schema\": \"" << kCheckSchema << "\",\n  \"files\": [";
  }
  void member(const char* key, const nlohmann::ordered_json& value) {
    out_ << ",\n  \"" << key << "\": " << dump_nested(value, 2, 2);
  }

  Lang lang_;
  std::ostream& out_;
  bool opened_ = false, any_ = false;
};

}  // namespace

std::unique_ptr<CheckReporter> make_json_reporter(const ReportOptions& opt, const RuleBook&, std::ostream& out) {
  return std::make_unique<JsonReporter>(opt.lang, out);
}

std::unique_ptr<CheckReporter> make_jsonl_reporter(const ReportOptions& opt, const RuleBook&, std::ostream& out) {
  return std::make_unique<JsonlReporter>(opt.lang, out);
}

}  // namespace plancheck::report
