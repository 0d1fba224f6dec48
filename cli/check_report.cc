#include "check_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "plancheck/check_json.h"

namespace plancheck::cli {

namespace {

constexpr auto kReplaceInvalid = nlohmann::ordered_json::error_handler_t::replace;

// file:line:col: severity: message [rule], the line with the span underlined,
// then what the directive says — as compilers print.
class TextReporter : public CheckReporter {
 public:
  TextReporter(Lang lang, bool color, std::ostream& out) : lang_(lang), color_(color), out_(out) {}

  void file(const std::string& path, const Text& text, const std::vector<const RuleSet*>&,
            const std::vector<Diagnostic>& diags) override {
    for (const auto& d : diags) print(path, text, d);
  }
  void failure(const std::string&, const std::string&) override {}  // already on stderr
  void finish(const CheckSummary& s, const std::vector<const RuleSet*>&) override {
    if (lang_ == Lang::vi)
      out_ << fmt::format("Đã kiểm tra {} tệp, {} tệp không đọc được{}: {} lỗi, {} cảnh báo, {} ghi chú\n", s.checked,
                          s.failed, s.skipped ? fmt::format(", bỏ qua {} tệp không phải kế hoạch", s.skipped) : "",
                          s.errors, s.warnings, s.notes);
    else
      out_ << fmt::format("{} file(s) checked, {} unreadable{}: {} error(s), {} warning(s), {} note(s)\n", s.checked,
                          s.failed, s.skipped ? fmt::format(", {} skipped (not plans)", s.skipped) : "", s.errors,
                          s.warnings, s.notes);
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
  const char* severity_word(Severity s) const {
    if (lang_ == Lang::en) return to_string(s);
    switch (s) {
      case Severity::error: return "lỗi";
      case Severity::warning: return "cảnh báo";
      case Severity::note: return "ghi chú";
    }
    return "";
  }

  void print(const std::string& path, const Text& text, const Diagnostic& d) {
    const std::string where = d.span ? fmt::format("{}:{}:{}", path, d.span->line, d.span->column) : path;
    out_ << sgr("1") << where << ": " << reset() << severity_colour(d.severity) << severity_word(d.severity) << ": "
         << reset() << sgr("1") << d.message(lang_) << reset() << " [" << d.rule << "]\n";
    if (d.span) {
      const std::string_view line = text.line(d.span->line);
      // Underline to the span's end on this line (columns of the original, as
      // SARIF and github report them).
      const Span end = text.span(d.span->end, d.span->end);
      const size_t width =
          end.line == d.span->line && end.column > d.span->column ? end.column - d.span->column : 1;
      // Long lines are cut around the span so the caret stays on screen.
      const size_t skip = d.span->column > 60 ? d.span->column - 40 : 0;
      std::string shown;
      size_t cp = 0;
      for (char c : line) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++cp;
        if (cp > skip && cp <= skip + 160) shown += c;
      }
      out_ << "    " << (skip ? "…" : "") << shown << '\n';
      out_ << "    " << (skip ? " " : "") << std::string(d.span->column - 1 - skip, ' ') << sgr("1;32") << '^'
           << std::string(width - 1, '~') << reset() << '\n';
    }
    if (d.limit && !d.limit->time.text.empty()) {
      const std::string doc = d.limit->directive.empty() ? std::string(lang_ == Lang::vi ? "kế hoạch" : "the plan")
                                                         : d.limit->directive;
      const std::string date =
          d.limit->date ? fmt::format(" {} {}/{}/{}", lang_ == Lang::vi ? "ngày" : "of", d.limit->date->day,
                                      d.limit->date->month, d.limit->date->year)
                        : "";
      out_ << "    " << severity_colour(Severity::note) << severity_word(Severity::note) << ": " << reset() << doc
           << date << ": \"" << d.limit->time.text << "\"\n";
    }
  }

  Lang lang_;
  bool color_;
  std::ostream& out_;
};

nlohmann::ordered_json file_json(const std::string& path, const std::vector<const RuleSet*>& sets,
                                 const std::vector<Diagnostic>& diags, Lang lang) {
  nlohmann::ordered_json fj;
  fj["file"] = path;
  fj["status"] = "checked";
  fj["rulesets"] = nlohmann::ordered_json::array();
  for (const auto* s : sets) fj["rulesets"].push_back(s->id);
  fj["diagnostics"] = nlohmann::ordered_json::array();
  for (const auto& d : diags) fj["diagnostics"].push_back(to_json(d, lang));
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
  void file(const std::string& path, const Text&, const std::vector<const RuleSet*>& sets,
            const std::vector<Diagnostic>& diags) override {
    out_ << file_json(path, sets, diags, lang_).dump(-1, ' ', false, kReplaceInvalid) << '\n';
  }
  void failure(const std::string& path, const std::string& message) override {
    out_ << failure_json(path, message).dump(-1, ' ', false, kReplaceInvalid) << '\n';
  }
  void finish(const CheckSummary&, const std::vector<const RuleSet*>&) override {}

 private:
  Lang lang_;
  std::ostream& out_;
};

// ../shared/spec/check-json.md, the whole run in one object.
class JsonReporter : public CheckReporter {
 public:
  JsonReporter(Lang lang, std::ostream& out) : lang_(lang), out_(out) {}
  void file(const std::string& path, const Text&, const std::vector<const RuleSet*>& sets,
            const std::vector<Diagnostic>& diags) override {
    files_.push_back(file_json(path, sets, diags, lang_));
  }
  void failure(const std::string& path, const std::string& message) override {
    files_.push_back(failure_json(path, message));
  }
  void finish(const CheckSummary& s, const std::vector<const RuleSet*>& used) override {
    nlohmann::ordered_json out;
    out["schema"] = kCheckSchema;
    out["rulesets"] = nlohmann::ordered_json::array();
    for (const auto* set : used) out["rulesets"].push_back(ruleset_json(*set));
    out["files"] = std::move(files_);
    out["summary"] = {{"files", s.files},       {"checked", s.checked}, {"errors", s.errors},
                      {"warnings", s.warnings}, {"notes", s.notes},     {"failed_files", s.failed}};
    out_ << out.dump(2, ' ', false, kReplaceInvalid) << '\n';
  }

 private:
  Lang lang_;
  std::ostream& out_;
  nlohmann::ordered_json files_ = nlohmann::ordered_json::array();
};

class SarifReporter : public CheckReporter {
 public:
  SarifReporter(const RuleBook& book, Lang lang, ColumnKind columns, std::ostream& out)
      : log_(book, lang, columns), out_(out) {}
  void file(const std::string& path, const Text& text, const std::vector<const RuleSet*>&,
            const std::vector<Diagnostic>& diags) override {
    log_.add(path, text, diags);
  }
  void failure(const std::string& path, const std::string& message) override { log_.add_failure(path, message); }
  void finish(const CheckSummary&, const std::vector<const RuleSet*>&) override {
    out_ << log_.finish().dump(2, ' ', false, kReplaceInvalid) << '\n';
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
  void file(const std::string& path, const Text& text, const std::vector<const RuleSet*>&,
            const std::vector<Diagnostic>& diags) override {
    for (const auto& d : diags) {
      std::string props = "file=" + escape_property(path);
      if (d.span) {
        const Span end = text.span(d.span->end, d.span->end);
        props += fmt::format(",line={},col={}", d.span->line, d.span->column);
        if (end.line == d.span->line) props += fmt::format(",endColumn={}", end.column);
        else props += fmt::format(",endLine={}", end.line);
      }
      props += ",title=" + escape_property(fmt::format("{} [{}]", to_string(d.category), d.rule));
      out_ << "::" << command(d.severity) << ' ' << props << "::" << escape_data(d.message(lang_)) << '\n';
    }
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
  static std::string escape_data(std::string_view s) {
    std::string out;
    for (char c : s) {
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
  return std::make_unique<TextReporter>(opt.lang, opt.color, out);
}

}  // namespace plancheck::cli
