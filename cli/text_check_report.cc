// `check --format text`: a heading line per plan, then each finding as
// compilers print them, for a person at a terminal.
#include "text_check_report.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <ostream>
#include <sstream>

#include "adoption.h"
#include "messages.h"
#include "plancheck/snippet.h"
#include "plancheck/source.h"

namespace plancheck::cli {

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

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
    out_ << line << say(msg::summary_counts, lang_, c.errors, c.warnings, c.notes) << adoption_text(s, lang_) << '\n';
    out_ << visible(stale_text(s, lang_));
    if (!s.settings_files.empty()) out_ << visible(say(msg::summary_settings, lang_, joined(s.settings_files))) << '\n';
    if (!s.rule_files.empty()) out_ << visible(say(msg::summary_rule_files, lang_, joined(s.rule_files))) << '\n';
    for (const auto& h : s.higher_plans) {
      // One a run derived that no file held to (its number cited with
      // another date): nothing to say in the text; JSON lists it.
      if (h.held.empty()) continue;
      constexpr size_t kNamed = 10;  // files named per higher plan; the rest counted
      std::string held;
      for (size_t i = 0; i < h.held.size() && i < kNamed; ++i) held += (i ? ", " : "") + h.held[i];
      if (h.held.size() > kNamed) held += say(msg::summary_and_more, lang_, h.held.size() - kNamed);
      const std::string doc = h.document + say(msg::plan_date, lang_, date_text(h.date));
      out_ << visible(say(msg::summary_higher_plan, lang_, h.file, doc, held)) << '\n';
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

  void print(std::ostream& os, const std::string& path, const Text* text, const Diagnostic& d,
             const std::vector<LineOrigin>& origins) const {
    const std::string where = d.span ? fmt::format("{}:{}", visible(path), place_text(*d.span, origins, lang_)) : visible(path);
    os << sgr("1") << where << ": " << reset() << severity_colour(d.severity) << severity_text(d.severity).in(lang_)
       << ": " << reset() << sgr("1") << visible(d.message(lang_)) << reset() << " [" << d.rule << "]"
       << (d.baseline == BaselineState::known ? msg::known_tag.in(lang_) : "") << '\n';
    if (d.span && text) {
      const Snippet sn = snippet_of_span(*text, *d.span);
      os << "    " << sn.text << '\n';
      os << "    " << std::string(sn.caret, ' ') << sgr("1;32") << '^' << std::string(sn.width - 1, '~') << reset()
         << '\n';
    }
    if (!d.fix(lang_).empty()) os << "    " << msg::fix_label.in(lang_) << ": " << visible(d.fix(lang_)) << '\n';
    if (d.limit && !d.limit->time.text.empty()) {
      const std::string doc =
          d.limit->directive.empty() ? std::string(msg::limit_of_plan.in(lang_)) : d.limit->directive;
      const std::string date = d.limit->date ? say(msg::plan_date, lang_, date_text(*d.limit->date)) : "";
      os << "    " << severity_colour(Severity::note) << msg::limit_label.in(lang_) << ": " << reset() << doc << date
         << ": \"" << visible(d.limit->time.text) << "\""
         << (d.limit_source ? fmt::format(" ({}:{}:{})", visible(d.limit_source->file), d.limit_source->line,
                                          d.limit_source->column)
                            : "")
         << "\n";
    }
  }

  Lang lang_;
  bool color_;
  std::ostream& out_;
};

}  // namespace

std::vector<std::string> check_formats() {
  std::vector<std::string> out{"text"};
  for (const auto f : report_formats()) out.emplace_back(f);
  return out;
}

std::unique_ptr<CheckReporter> make_check_reporter(const ReportOptions& opt, bool color, const RuleBook& book,
                                                   std::ostream& out) {
  if (opt.format == "text") return std::make_unique<TextReporter>(opt.lang, color, out);
  return make_reporter(opt, book, out);
}

}  // namespace plancheck::cli
