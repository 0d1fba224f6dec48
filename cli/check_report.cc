#include "check_report.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <ostream>
#include <sstream>

#include "messages.h"
#include "plancheck/check_json.h"
#include "plancheck/extract_json.h"
#include "plancheck/source.h"
#include "snippet.h"
#include "table_reports.h"

namespace plancheck::cli {

void CheckSummary::Counts::add(Severity s) {
  if (s == Severity::error) ++errors;
  else if (s == Severity::warning) ++warnings;
  else ++notes;
}

void CheckSummary::add_file(const std::string& path, const std::vector<Diagnostic>& diags) {
  ++checked;
  FileCounts file{path, {}};
  for (const auto& d : diags) {
    counts.add(d.severity);
    file.counts.add(d.severity);
    by_category[static_cast<size_t>(d.category)].add(d.severity);
    by_level[d.level ? static_cast<size_t>(*d.level) : kLevelCount].add(d.severity);
  }
  if (file.counts.errors == 0) return;
  // Keep the top kMostErrors only: insertion after equals keeps input order.
  const auto at = std::upper_bound(most_errors.begin(), most_errors.end(), file.counts.errors,
                                   [](size_t e, const FileCounts& f) { return e > f.counts.errors; });
  if (static_cast<size_t>(at - most_errors.begin()) >= kMostErrors) return;
  most_errors.insert(at, std::move(file));
  if (most_errors.size() > kMostErrors) most_errors.pop_back();
}

void CheckSummary::add_held(const std::string& path, const std::vector<const RuleSet*>& sets) {
  for (auto& h : higher_plans)
    if (std::any_of(sets.begin(), sets.end(), [&](const RuleSet* s) { return s->id == h.ruleset; }))
      h.held.insert(std::lower_bound(h.held.begin(), h.held.end(), path), path);  // by name: not the inputs' order
}

PlanFacts facts_of(const Extraction& x) {
  PlanFacts f;
  f.model = &x;
  if (const auto id = plan_identity(x)) {
    f.number = id->id;
    f.date = id->date;
  }
  f.issuer = x.document.issuer;
  f.round = x.document.national_congress;
  if (x.document.term) f.term = fmt::format("{}–{}", x.document.term->from, x.document.term->to);
  // analyze() says it first among the notices (analyze.h).
  for (const Notice& n : x.notices) {
    if (n.code == "decoded_from") f.decoded_from = n.text;
    else if (n.code == "ocr")  // analyze(): the pages, "1,3"
      for (size_t at = 0; at < n.text.size();) {
        size_t end = n.text.find(',', at);
        if (end == std::string::npos) end = n.text.size();
        f.ocr_pages.push_back(static_cast<uint32_t>(std::stoul(n.text.substr(at, end - at))));
        at = end + 1;
      }
    else break;
  }
  return f;
}

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}


constexpr auto kReplaceInvalid = nlohmann::ordered_json::error_handler_t::replace;

// A heading line per plan (what was read, the rule sets applied), then
// file:line:col: severity: message [rule], the line with the span
// underlined, then what the directive says — as compilers print.
class TextReporter : public CheckReporter {
  static constexpr size_t kMostErrorsShown = 5;  // of CheckSummary::kMostErrors

 public:
  TextReporter(Lang lang, bool color, std::ostream& out) : lang_(lang), color_(color), out_(out) {}

  std::optional<std::string> render(const std::string& path, const Text* text, const std::vector<const RuleSet*>& sets,
                                    const std::vector<Diagnostic>& diags, const PlanFacts& facts) const override {
    std::ostringstream os;
    os << sgr("1") << heading(path, sets, facts, diags.empty()) << reset() << '\n';
    for (const auto& d : diags) print(os, path, text, d, facts.origins);
    return os.str();
  }
  void write(const std::string& rendered) override { out_ << rendered; }
  void failure(const std::string&, const std::string&) override {}  // already on stderr
  void finish(const CheckSummary& s, const std::vector<const RuleSet*>&) override {
    const auto& c = s.counts;
    std::string line = say(msg::summary_checked, lang_, s.checked, s.failed);
    if (s.unread) line += say(msg::summary_unread, lang_, s.unread);
    if (s.skipped) line += say(msg::summary_skipped, lang_, s.skipped);
    if (s.excluded) line += say(msg::summary_excluded, lang_, s.excluded);
    out_ << line << say(msg::summary_counts, lang_, c.errors, c.warnings, c.notes) << '\n';
    if (!s.settings_files.empty()) out_ << visible(say(msg::summary_settings, lang_, joined(s.settings_files))) << '\n';
    if (!s.rule_files.empty()) out_ << visible(say(msg::summary_rule_files, lang_, joined(s.rule_files))) << '\n';
    for (const auto& h : s.higher_plans) {
      constexpr size_t kNamed = 10;  // files named per higher plan; the rest counted
      std::string held;
      for (size_t i = 0; i < h.held.size() && i < kNamed; ++i) held += (i ? ", " : "") + h.held[i];
      if (h.held.size() > kNamed) held += say(msg::summary_and_more, lang_, h.held.size() - kNamed);
      const std::string doc = h.document + say(msg::plan_date, lang_, date_text(h.date));
      out_ << visible(h.held.empty() ? say(msg::summary_higher_plan_unused, lang_, h.file, doc)
                                     : say(msg::summary_higher_plan, lang_, h.file, doc, held))
           << '\n';
    }
    // The breakdown helps with a batch; for one plan the lines above say it all.
    if (s.checked < 2 || c.total() == 0) return;
    line.clear();
    for (size_t i = 0; i < kCategoryCount; ++i)
      if (const size_t n = s.by_category[i].total())
        line += fmt::format("{}{} {}", line.empty() ? "" : ", ", category_text(static_cast<Category>(i)).in(lang_), n);
    out_ << say(msg::summary_by_category, lang_, line) << '\n';
    line.clear();
    for (size_t i = 0; i <= kLevelCount; ++i)
      if (const size_t n = s.by_level[i].total())
        line += fmt::format("{}{} {}", line.empty() ? "" : ", ",
                            i < kLevelCount ? level_name(static_cast<Level>(i), lang_) : msg::summary_no_level.in(lang_),
                            n);
    out_ << say(msg::summary_by_level, lang_, line) << '\n';
    if (s.most_errors.empty()) return;
    out_ << msg::summary_most_errors.in(lang_) << '\n';
    for (size_t i = 0; i < s.most_errors.size() && i < kMostErrorsShown; ++i)
      out_ << fmt::format("    {}: {}\n", visible(s.most_errors[i].path), s.most_errors[i].counts.errors);
  }

 private:
  std::string sgr(const char* code) const { return color_ ? fmt::format("\x1b[{}m", code) : ""; }
  std::string reset() const { return sgr("0"); }
  std::string severity_colour(Severity s) const {
    switch (s) {
      case Severity::error: return sgr("1;31");
      case Severity::warning: return sgr("1;35");
      case Severity::note: return sgr("1;36");
    }
    return "";
  }

  std::string heading(const std::string& path, const std::vector<const RuleSet*>& sets, const PlanFacts& f,
                      bool clean) const {
    std::string what = f.number ? say(msg::plan_number, lang_, *f.number) : std::string(msg::plan_no_number.in(lang_));
    if (f.date) what += say(msg::plan_date, lang_, date_text(*f.date));
    if (f.issuer) what += say(msg::plan_issuer, lang_, *f.issuer);
    if (f.term) what += say(msg::plan_term, lang_, *f.term);
    if (f.round) what += say(msg::plan_round, lang_, *f.round);
    std::string ids;
    for (const auto* s : sets) ids += (ids.empty() ? "" : ", ") + s->id;
    what += ids.empty() ? std::string(msg::plan_no_rulesets.in(lang_)) : say(msg::plan_rulesets, lang_, ids);
    if (clean) what += msg::plan_clean.in(lang_);
    std::string from = f.read_from ? say(msg::plan_read_from, lang_, *f.read_from) : "";
    if (f.decoded_from) {
      const auto e = parse_source_encoding(*f.decoded_from);
      from += say(msg::plan_decoded_from, lang_, e ? display_name(*e) : *f.decoded_from);
    }
    if (!f.ocr_pages.empty()) from += say(msg::plan_ocr_pages, lang_, fmt::format("{}", fmt::join(f.ocr_pages, ",")));
    return fmt::format("== {}{}: {}", visible(path), visible(from), visible(what));
  }

  // Where a span is, as a person finds it: file:line:column in a text,
  // file:paragraph 12:5 (file:đoạn 12:5) or file:table 1, row 3, cell 2:5
  // in a .docx, file:SOURCE-LINE:column in an HTML page.
  std::string place(const Span& s, const std::vector<LineOrigin>& origins) const {
    const auto p = place_of(origins, s.line, s.column);
    if (!p) return fmt::format("{}:{}", s.line, s.column);
    switch (p->kind) {
      case LineOrigin::Kind::paragraph:
        return fmt::format("{}:{}",
                           p->part > 1 ? say(msg::place_paragraph_line, lang_, p->number, p->part)
                                       : say(msg::place_paragraph, lang_, p->number),
                           p->column);
      case LineOrigin::Kind::table_row:
        return fmt::format("{}:{}", say(msg::place_table_cell, lang_, p->number, p->row, p->cell), p->column);
      case LineOrigin::Kind::html_line: return fmt::format("{}:{}", p->number, p->column);
      case LineOrigin::Kind::page_line:
        return fmt::format("{}:{}", say(msg::place_page_line, lang_, p->number, p->row), p->column);
    }
    return fmt::format("{}:{}", s.line, s.column);
  }

  void print(std::ostream& os, const std::string& path, const Text* text, const Diagnostic& d,
             const std::vector<LineOrigin>& origins) const {
    const std::string where = d.span ? fmt::format("{}:{}", visible(path), place(*d.span, origins)) : visible(path);
    os << sgr("1") << where << ": " << reset() << severity_colour(d.severity) << severity_text(d.severity).in(lang_)
       << ": " << reset() << sgr("1") << visible(d.message(lang_)) << reset() << " [" << d.rule << "]\n";
    if (d.span && text) {
      // Underlined to the span's end on this line (columns of the original,
      // as SARIF and github report them).
      const Span end = text->span(d.span->end, d.span->end);
      const size_t last = end.line == d.span->line && end.column > d.span->column ? end.column : d.span->column + 1;
      // A stretch of the line around the span (a line can be as long as the
      // file), as much as a snippet of it may show and far more.
      constexpr size_t kContext = size_t{1} << 16;
      const Text::LinePart part = text->line_part(d.span->line, d.span->start, d.span->end, kContext);
      const Snippet sn = snippet_of_part(part.text, part.column, part.line_start, part.line_end, d.span->column, last);
      os << "    " << sn.text << '\n';
      os << "    " << std::string(sn.caret, ' ') << sgr("1;32") << '^' << std::string(sn.width - 1, '~') << reset()
         << '\n';
    }
    if (d.limit && !d.limit->time.text.empty()) {
      const std::string doc =
          d.limit->directive.empty() ? std::string(msg::limit_of_plan.in(lang_)) : d.limit->directive;
      const std::string date = d.limit->date ? say(msg::plan_date, lang_, date_text(*d.limit->date)) : "";
      const std::string at = d.limit_source ? fmt::format(" ({}:{}:{})", visible(d.limit_source->file),
                                                          d.limit_source->line, d.limit_source->column)
                                            : "";
      os << "    " << severity_colour(Severity::note) << msg::limit_label.in(lang_) << ": " << reset() << doc << date
         << ": \"" << visible(d.limit->time.text) << "\"" << at << "\n";
    }
  }

  Lang lang_;
  bool color_;
  std::ostream& out_;
};

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
  auto& parents = fj["parents"] = nlohmann::ordered_json::array();
  for (const auto* s : sets)
    if (s->kind == "plan" || s->kind == "directive")
      parents.push_back({{"document", s->number}, {"date", s->date.iso()}, {"ruleset", s->id}, {"file", s->path}});
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

// ../shared/spec/check-json.md, one file object per line, no envelope.
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

// ../shared/spec/check-json.md, the whole run in one object. Written as it
// goes: the file objects stream out inside "files" (a run over 100,000 plans
// holds one at a time), the rule sets used and the summary come after them.
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
  void file(const std::string& path, const Text* text, const std::vector<const RuleSet*>&,
            const std::vector<Diagnostic>& diags, const PlanFacts& facts) override {
    log_.add(path, text, diags, facts.origins.empty() ? nullptr : &facts.origins);
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

// GitHub Actions workflow commands: one `::error file=…,line=…::message` per
// finding, shown as annotations on the pull request's diff.
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
      os << "::" << command(d.severity) << ' ' << props << "::" << escape_data(d.message(lang_)) << '\n';
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

std::unique_ptr<CheckReporter> make_check_reporter(const ReportOptions& opt, const RuleBook& book,
                                                   std::ostream& out) {
  if (opt.format == "json") return std::make_unique<JsonReporter>(opt.lang, out);
  if (opt.format == "jsonl") return std::make_unique<JsonlReporter>(opt.lang, out);
  if (opt.format == "sarif") return std::make_unique<SarifReporter>(book, opt.lang, opt.sarif_columns, out);
  if (opt.format == "github") return std::make_unique<GithubReporter>(opt.lang, out);
  if (opt.format == "csv") return make_csv_reporter(opt.lang, out);
  if (opt.format == "html") return make_html_reporter(opt.lang, out);
  return std::make_unique<TextReporter>(opt.lang, opt.color, out);
}

}  // namespace plancheck::cli
