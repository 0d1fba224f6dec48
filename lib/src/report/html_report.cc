// `check --format html`: one self-contained page (inline CSS and script, no
// request of any kind, so it opens from a USB stick): for a batch an
// overview first — a table of every plan, sortable, filterable and paged by
// the script, the files that could not be read, how many plans complete
// each level in each month — then each plan: what was read, its timeline
// (html_timeline.h) and its findings in a <details>.
//
// A report of 10,000 plans opens in a second or two because almost nothing
// of it is markup the browser parses, styles and lays out at load: what
// waits is text (docs/performance.md, "The HTML report of 10,000 plans").
// - The overview's rows are the text of a <script type="text/html"> in its
//   <tbody>; the script makes elements of them once and shows a page (100
//   rows) at a time.
// - The plans' sections come in pages of kPlansPerPage, each the text of a
//   <script type="text/html" class="page">: the script puts one page in
//   place at a time (the first at load, another by the pager or a link
//   into it), and every page for print.
// - In a page, each plan's timeline and findings wait in a <template> in
//   its <details>, parsed but inert (no style, layout or paint) until the
//   <details> opens, a link points into it, or the page is printed; a
//   report of up to 50 plans draws them all at once.
// Nothing in a waiting text can end it early: every text in it is escaped
// (no '<' of a plan or a name survives) and the markup around has neither
// "<script" nor "<!--".
//
// Plans stream through a temporary file: the overview, which comes first,
// is known only at the end, and memory must not grow with the folder (the
// rows of the overview are kept, a few hundred bytes a plan).
#include <fmt/format.h>

#include <map>
#include <ostream>

#include "plancheck/snippet.h"
#include "report/html_timeline.h"
#include "report/plan_row.h"
#include "report/reporters.h"

namespace plancheck::report {

namespace {

// What render() hands to write(): the overview row, the months the plan
// completes each level in, the plan's section, separated by kPart. Ids in
// them are kId, which write() replaces with the plan's place ("p12").
constexpr char kPart = '\x02';
constexpr char kId = '\x01';
// Plans a page of the plans' sections holds: the most the page shows at
// once, the least a reader pages through.
constexpr size_t kPlansPerPage = 50;

const char* severity_shape(Severity s) {
  switch (s) {
    case Severity::error: return "✖";
    case Severity::warning: return "▲";
    case Severity::note: return "●";
  }
  return "●";
}

// A category's errors / warnings / notes; empty when it has none, so that
// what was found stands out in a wide table.
std::string counts_cell(const CheckSummary::Counts& c) {
  if (c.total() == 0) return "<td class=\"num cat\" data-v=\"0\"></td>";
  return fmt::format("<td class=\"num cat{}\" data-v=\"{}\">{} / {} / {}</td>", c.errors ? " err" : "",
                     c.errors * 1000000 + c.warnings * 1000 + c.notes, c.errors, c.warnings, c.notes);
}

std::string severity_badges(const CheckSummary::Counts& c, Lang lang) {
  std::string o;
  const std::pair<Severity, size_t> all[] = {
      {Severity::error, c.errors}, {Severity::warning, c.warnings}, {Severity::note, c.notes}};
  for (const auto& [s, n] : all)
    o += fmt::format("<span class=\"badge sev-{}\"><span aria-hidden=\"true\">{}</span> {} {}</span> ", to_string(s),
                     severity_shape(s), n, severity_text(s).in(lang));
  return o;
}

class HtmlReporter : public CheckReporter {
 public:
  HtmlReporter(Lang lang, std::ostream& out) : lang_(lang), out_(out) {}

  std::optional<std::string> render(const std::string& path, const Text* text, const std::vector<const RuleSet*>& sets,
                                    const std::vector<Diagnostic>& diags, const PlanFacts& facts) const override {
    const PlanRow row = plan_row(path, sets, diags, facts);
    std::string o = overview_row(row);
    o += kPart;
    for (size_t i = 0; i < row.ends.size(); ++i)
      if (row.ends[i].date) o += fmt::format("{}:{:04}-{:02};", i, row.ends[i].date->year, row.ends[i].date->month);
    o += kPart;
    o += section(path, text, sets, diags, facts, row);
    return o;
  }

  void write(const std::string& rendered) override {
    const std::string id = fmt::format("p{}", ++plans_);
    // A new page of sections every kPlansPerPage plans (the script knows a
    // plan's page from its number, "p123").
    if ((plans_ - 1) % kPlansPerPage == 0) {
      if (plans_ > 1) sections_.add(kPageEnd);
      sections_.add(fmt::format(kPageStart, (plans_ - 1) / kPlansPerPage + 1));
    }
    std::string r;
    r.reserve(rendered.size() + 64);
    for (char c : rendered) {
      if (c == kId) r += id;
      else r += c;
    }
    const size_t a = r.find(kPart), b = r.find(kPart, a + 1);
    rows_ += r.substr(0, a);
    const std::string months = r.substr(a + 1, b - a - 1);
    for (size_t at = 0; at < months.size();) {
      const size_t end = months.find(';', at);
      const std::string item = months.substr(at, end - at);
      ++months_[item.substr(item.find(':') + 1)][static_cast<size_t>(item[0] - '0')];
      at = end + 1;
    }
    sections_.add(std::string_view(r).substr(b + 1));
  }

  void failure(const std::string& path, const std::string& message) override {
    failed_ += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", markup_escape(path), markup_escape(message));
    ++failures_;
  }

  void finish(const CheckSummary& s, const std::vector<const RuleSet*>&) override {
    out_ << "<!DOCTYPE html>\n<html lang=\"" << (lang_ == Lang::vi ? "vi" : "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "script-src 'unsafe-inline'; img-src data:\">\n"
         << "<title>" << msg::html_title.in(lang_) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
         << "<header id=\"top\"><h1>" << msg::html_title.in(lang_) << "</h1>\n<p class=\"summary\">"
         << markup_escape(say(msg::summary_checked, lang_, s.checked, s.failed) +
                        (s.unread ? say(msg::summary_unread, lang_, s.unread) : "") +
                        say(msg::summary_counts, lang_, s.counts.errors, s.counts.warnings, s.counts.notes))
         << "</p>\n</header>\n<main>\n";
    if (plans_ + failures_ > 1) overview();
    failed_table();  // a file that could not be read is said even alone
    out_ << "<h2 class=\"plans-heading\">" << msg::html_plans.in(lang_) << "</h2>\n";
    const size_t pages = (plans_ + kPlansPerPage - 1) / kPlansPerPage;
    if (pages > 1) out_ << pager("plans-prev", "plans-info", "plans-next");
    out_ << "<div id=\"plans\" data-per=\"" << kPlansPerPage << "\" data-page-text=\""
         << markup_escape(std::string(msg::html_page.in(lang_))) << "\">\n";
    if (plans_) sections_.add(kPageEnd);
    sections_.copy_to(out_);
    out_ << "</div>\n</main>\n<div id=\"tip\" class=\"tip\" role=\"tooltip\" hidden></div>\n<script>" << kScript
         << "</script>\n</body>\n</html>\n";
  }

 private:
  std::string overview_row(const PlanRow& r) const {
    std::string o = fmt::format("<tr data-errors=\"{}\"><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td><td data-v=\"{}\">{}</td>",
                                r.counts.errors, kId, markup_escape(r.file), markup_escape(r.issuer), markup_escape(r.number),
                                r.date, r.date.empty() ? "" : markup_escape(r.date));
    o += fmt::format("<td class=\"num err\" data-v=\"{0}\">{0}</td><td class=\"num warn\" data-v=\"{1}\">{1}</td>"
                     "<td class=\"num note\" data-v=\"{2}\">{2}</td>",
                     r.counts.errors, r.counts.warnings, r.counts.notes);
    for (const auto& c : r.by_category) o += counts_cell(c);
    return o + "</tr>\n";
  }

  std::string section(const std::string& path, const Text* text, const std::vector<const RuleSet*>& sets,
                      const std::vector<Diagnostic>& diags, const PlanFacts& f, const PlanRow& row) const {
    std::string o = fmt::format("<section class=\"plan\" id=\"{0}\" aria-labelledby=\"{0}-h\">\n<h3 id=\"{0}-h\">{1}</h3>\n",
                                kId, markup_escape(path));
    o += "<p class=\"badges\">" + severity_badges(row.counts, lang_) + "</p>\n<dl class=\"identity\">";
    auto item = [&](const MessageText& label, const std::string& value) {
      o += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>", label.in(lang_), markup_escape(value));
    };
    item(msg::html_col_number, f.number ? *f.number : std::string(msg::html_plan_not_numbered.in(lang_)));
    if (f.date) item(msg::html_col_date, date_text(*f.date).in(lang_));
    if (f.issuer) item(msg::html_col_issuer, *f.issuer);
    std::string round;
    if (f.term) round = *f.term;
    if (f.round) round += (round.empty() ? "" : "; ") + *f.round;
    if (!round.empty()) item(msg::html_col_round, round);
    std::string ids;
    for (const auto* s : sets) ids += (ids.empty() ? "" : ", ") + s->id;
    item(msg::html_col_rulesets, ids.empty() ? std::string(msg::plan_no_rulesets.in(lang_)).substr(2) : ids);
    // The documents above it, as JSON's `parents` (a higher plan of the
    // batch with its file: issue 24).
    std::string parents;
    for (const auto* s : sets) {
      if (!is_parent(*s)) continue;
      std::string one = s->number + say(msg::plan_date, lang_, date_text(s->date).in(lang_));
      if (!s->path.empty()) one += " (" + s->path + ")";
      parents += (parents.empty() ? "" : "; ") + one;
    }
    if (!parents.empty()) item(msg::html_col_parents, parents);
    if (f.read_from) o += fmt::format("<div><dd>{}</dd></div>", markup_escape(say(msg::plan_read_from, lang_, *f.read_from)));
    o += "</dl>\n";
    // The timeline and findings wait in a <template> (the file's comment).
    o += fmt::format("<details class=\"plan-body\"><summary>{}</summary>\n<template class=\"lazy\">",
                     say(msg::html_details, lang_, diags.size()));
    const std::string anchor(1, kId);
    if (f.model) o += render_timeline(*f.model, text, sets, diags, lang_, anchor);
    o += fmt::format("<p class=\"legend\"><span class=\"lg bar\"></span> {} · <span class=\"lg window\"></span> {} · "
                     "<span class=\"lg limit\"></span> {} · <span class=\"lg over\"></span> {} · "
                     "<span class=\"lg tight\"></span> {} · {}</p>\n",
                     msg::html_legend_bar.in(lang_), msg::html_legend_window.in(lang_), msg::html_legend_limit.in(lang_),
                     msg::html_legend_over.in(lang_), msg::html_legend_tight.in(lang_), msg::html_legend_pilot.in(lang_));
    o += fmt::format("<h4>{}</h4>\n", msg::html_findings.in(lang_));
    if (diags.empty()) o += fmt::format("<p class=\"clean\">{}</p>\n", msg::html_no_findings.in(lang_));
    else {
      o += "<ol class=\"diags\">\n";
      for (const auto& d : diags) o += diagnostic(path, text, d, f.model ? milestone_of(*f.model, d) : -1, anchor);
      o += "</ol>\n";
    }
    o += fmt::format("</template></details>\n<p class=\"back\"><a href=\"#top\">{}</a></p>\n</section>\n", msg::html_back_to_top.in(lang_));
    return o;
  }

  std::string diagnostic(const std::string& path, const Text* text, const Diagnostic& d, long milestone,
                         const std::string& ids) const {
    const std::string where = d.span && d.span->known()
                                  ? say(msg::html_line_column, lang_, d.span->line, d.span->column)
                                  : std::string(msg::html_no_place.in(lang_));
    std::string o = fmt::format("<li class=\"diag sev-{}\" data-rule=\"{}\" data-line=\"{}\">\n<p class=\"head\">",
                                to_string(d.severity), markup_escape(d.rule), d.span ? d.span->line : 0);
    o += fmt::format("<span class=\"sev\"><span aria-hidden=\"true\">{}</span> {}</span> <span class=\"cat\">{}</span> ",
                     severity_shape(d.severity), severity_text(d.severity).in(lang_),
                     category_text(d.category).in(lang_));
    o += fmt::format("<span class=\"loc\">{}:{}</span> ", markup_escape(path), where);
    if (milestone >= 0)
      o += fmt::format("<a class=\"to-bar\" href=\"#{}\">{}</a> ", milestone_anchor(ids, static_cast<size_t>(milestone)),
                       msg::html_show_on_timeline.in(lang_));
    o += fmt::format("<code class=\"rule\">[{}]</code></p>\n<p class=\"msg\">{}</p>\n", markup_escape(d.rule),
                     markup_escape(d.message(lang_)));
    if (d.span && d.span->known() && text) {
      const Snippet sn = snippet_of_span(*text, *d.span);
      o += fmt::format("<pre class=\"snippet\" lang=\"vi\">{}\n<span class=\"caret\">{}^{}</span></pre>\n", markup_escape(sn.text),
                       std::string(sn.caret, ' '), std::string(sn.width - 1, '~'));
    }
    if (d.limit && !d.limit->time.text.empty()) {
      const std::string doc = d.limit->directive.empty() ? std::string(msg::limit_of_plan.in(lang_)) : d.limit->directive;
      const std::string date = d.limit->date ? say(msg::plan_date, lang_, date_text(*d.limit->date)) : "";
      o += fmt::format("<p class=\"limit-text\"><strong>{}:</strong> {}{}: «{}»</p>\n", msg::limit_label.in(lang_),
                       markup_escape(doc), markup_escape(date), markup_escape(d.limit->time.text));
    }
    return o + "</li>\n";
  }

  void overview() {
    out_ << "<section id=\"overview\" aria-labelledby=\"overview-h\">\n<h2 id=\"overview-h\">" << msg::html_overview.in(lang_)
         << "</h2>\n";
    out_ << "<div class=\"controls\"><label>" << msg::html_filter.in(lang_)
         << " <input type=\"search\" id=\"filter\"></label> <label><input type=\"checkbox\" id=\"only-errors\"> "
         << msg::html_only_findings.in(lang_) << "</label> <span class=\"hint\">" << msg::html_sort_hint.in(lang_)
         << "</span></div>\n";
    out_ << "<table id=\"overview-table\" class=\"overview\" data-per=\"100\" data-page-text=\""
         << markup_escape(std::string(msg::html_page.in(lang_))) << "\">\n<thead><tr>";
    auto th = [&](std::string_view label, const char* type) {
      out_ << "<th scope=\"col\" data-type=\"" << type << "\"><button type=\"button\">" << markup_escape(label)
           << "</button></th>";
    };
    th(msg::html_col_file.in(lang_), "text");
    th(msg::html_col_issuer.in(lang_), "text");
    th(msg::html_col_number.in(lang_), "text");
    th(msg::html_col_date.in(lang_), "text");
    th(severity_text(Severity::error).in(lang_), "num");
    th(severity_text(Severity::warning).in(lang_), "num");
    th(severity_text(Severity::note).in(lang_), "num");
    for (size_t i = 0; i < kCategoryCount; ++i) th(category_text(static_cast<Category>(i)).in(lang_), "num");
    out_ << "</tr></thead>\n<tbody><script type=\"text/html\" class=\"rows\">\n" << rows_
         << "</script></tbody>\n</table>\n";
    out_ << "<p class=\"caption-note\">" << msg::html_counts_header.in(lang_) << "</p>\n";
    out_ << pager("prev", "page-info", "next");
    failed_table();
    if (!months_.empty()) {
      size_t most = 1;
      for (const auto& [m, counts] : months_)
        for (size_t c : counts) most = std::max(most, c);
      out_ << "<h3>" << msg::html_months.in(lang_) << "</h3>\n<table class=\"months\"><thead><tr><th>"
           << msg::html_col_level.in(lang_) << "</th>";
      for (const auto& [m, counts] : months_) out_ << "<th scope=\"col\">" << markup_escape(m) << "</th>";
      out_ << "</tr></thead><tbody>\n";
      for (size_t i = 0; i < kPlanLevels.size(); ++i) {
        out_ << "<tr><th scope=\"row\">" << markup_escape(level_name(kPlanLevels[i], lang_)) << "</th>";
        for (const auto& [m, counts] : months_) {
          const size_t n = counts[i];
          out_ << "<td class=\"heat h" << (n == 0 ? 0 : 1 + 3 * (n - 1) / most) << "\">" << (n ? std::to_string(n) : "")
               << "</td>";
        }
        out_ << "</tr>\n";
      }
      out_ << "</tbody></table>\n";
    }
    out_ << "</section>\n";
  }

  std::string pager(const char* prev, const char* info, const char* next) const {
    return fmt::format("<nav class=\"pager\"><button type=\"button\" id=\"{}\">{}</button> <span id=\"{}\"></span> "
                       "<button type=\"button\" id=\"{}\">{}</button></nav>\n",
                       prev, msg::html_prev.in(lang_), info, next, msg::html_next.in(lang_));
  }

  // A page of sections opens and ends a waiting text (the file's comment).
  static constexpr const char* kPageStart =
      "<div class=\"plans-page\" data-page=\"{}\"><script type=\"text/html\" class=\"page\">\n";
  static constexpr const char* kPageEnd = "</script></div>\n";

  void failed_table() {
    if (!failures_ || failed_shown_) return;
    failed_shown_ = true;
    out_ << "<h3>" << say(msg::html_failed, lang_, failures_) << "</h3>\n<table class=\"failed\"><thead><tr><th>"
         << msg::html_col_file.in(lang_) << "</th><th>" << msg::html_col_reason.in(lang_) << "</th></tr></thead><tbody>\n"
         << failed_ << "</tbody></table>\n";
  }

  static constexpr const char* kStyle = R"CSS(
:root{--err:#b00020;--warn:#a15c00;--note:#1c5fa8;--ink:#1d1d1f;--line:#d0d4da;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink)}
body{margin:0 auto;max-width:1100px;padding:1rem 1.25rem;line-height:1.45}
h1{font-size:1.5rem;margin:.2rem 0} h2{font-size:1.25rem;border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:1.5rem 0 .4rem;word-break:break-all} h4{font-size:.95rem;margin:1rem 0 .3rem}
table{border-collapse:collapse;font-size:.85rem;margin:.4rem 0} th,td{border:1px solid var(--line);padding:.2rem .45rem;text-align:left;vertical-align:top}
thead th{background:#f2f4f7} th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;text-align:left}
th[aria-sort=ascending] button::after{content:" ▲"} th[aria-sort=descending] button::after{content:" ▼"}
td.num{text-align:right;white-space:nowrap} td.err[data-v]:not([data-v="0"]){color:var(--err);font-weight:700}
td.warn[data-v]:not([data-v="0"]){color:var(--warn);font-weight:700} td.cat.err{color:var(--err)}
.overview td:first-child{word-break:break-all}
.controls{margin:.4rem 0;display:flex;gap:1rem;flex-wrap:wrap;align-items:center} .hint,.caption-note{color:#555;font-size:.8rem}
.pager{margin:.3rem 0}
.heat{text-align:center;min-width:2.2em} .h1{background:#dbe8f6} .h2{background:#a9c8ea} .h3{background:#6fa3d8} .h4{background:#3a7bc2;color:#fff}
.badge{display:inline-block;border-radius:3px;padding:0 .4rem;margin-right:.3rem;font-size:.85rem;border:1px solid}
.sev-error .sev,.badge.sev-error{color:var(--err)} .sev-warning .sev,.badge.sev-warning{color:var(--warn)} .sev-note .sev,.badge.sev-note{color:var(--note)}
dl.identity{display:flex;flex-wrap:wrap;gap:.2rem 1.4rem;margin:.3rem 0;font-size:.9rem} dl.identity div{display:flex;gap:.35rem} dt{font-weight:600} dd{margin:0}
details.plan-body>summary{cursor:pointer;font-weight:600;margin:.3rem 0}
figure.timeline{margin:.5rem 0} figcaption{font-size:.85rem;color:#555}
svg.timeline-chart{border:1px solid var(--line);background:#fff;max-width:100%}
svg .row{fill:#fff} svg .row.odd{fill:#f6f7f9} svg .level{font-size:12px;font-weight:600;fill:#333}
svg .tick{stroke:#e3e6ea} svg .window{fill:#2f5f93;fill-opacity:.08;stroke:#2f5f93;stroke-opacity:.35;stroke-dasharray:2 2} svg .month{font-size:10px;fill:#555} svg .empty{font-size:12px;fill:#555}
svg .bar{fill:#7aa7d8;stroke:#2f5f93;stroke-width:1} svg .bar.ev-start{fill:#cfe0f3} svg .bar.ev-hold{fill:#9cc9b5;stroke:#2f7a5a}
svg .bar.quoted{fill-opacity:.45;stroke-dasharray:3 2}
svg .bar.sev-error{stroke:var(--err);stroke-width:2.5} svg .bar.sev-warning,svg .bar.tight{stroke:var(--warn);stroke-width:2.5;stroke-dasharray:5 2}
svg .bar:focus,svg .pilot:focus{outline:none;stroke:#000;stroke-width:3}
svg .over{stroke:var(--err);stroke-width:1;pointer-events:none} svg .hatch{fill:var(--err)}
svg .pilot{fill:#6a3d9a;stroke:#fff;stroke-width:1}
svg .limit{stroke:#333;stroke-width:1.5;stroke-dasharray:4 3} svg .limit-mark.start .limit{stroke:#555;stroke-dasharray:1 3}
svg .limit-label{font-size:10px;fill:#222;paint-order:stroke;stroke:#fff;stroke-width:3px}
.legend{font-size:.8rem;color:#444} .lg{display:inline-block;width:1.4em;height:.7em;vertical-align:middle;border:1px solid #2f5f93;background:#7aa7d8}
.lg.limit{width:0;border:0;border-left:2px dashed #333;height:1em} .lg.over{background:repeating-linear-gradient(45deg,var(--err) 0 2px,#fff 2px 5px);border-color:var(--err)}
.lg.tight{background:#fff;border:2px dashed var(--warn)} .lg.window{background:#eaeff5;border:1px dashed #7d97b8}
ol.diags{padding-left:1.4rem} li.diag{margin:.6rem 0;padding-left:.4rem;border-left:4px solid var(--note)} li.sev-error{border-color:var(--err)} li.sev-warning{border-color:var(--warn)}
li.diag p{margin:.1rem 0} .sev{font-weight:700} .cat{font-size:.8rem;background:#eef0f3;border-radius:3px;padding:0 .3rem} .loc{font-size:.85rem;color:#444} .rule{font-size:.8rem;color:#555}
pre.snippet{background:#f6f7f9;border:1px solid var(--line);padding:.3rem .5rem;overflow-x:auto;font-size:.82rem;margin:.2rem 0}
.caret{color:#1a7f37;font-weight:700} .limit-text{font-size:.88rem}
.tip{position:absolute;max-width:28rem;background:#1d1d1f;color:#fff;font-size:.8rem;padding:.3rem .5rem;border-radius:4px;z-index:10}
.back{font-size:.8rem}
section.plan{content-visibility:auto;contain-intrinsic-size:auto 260px}
@media print{body{max-width:none;padding:0} .controls,.pager,.tip,.back,.hint,#overview th button::after{display:none}
section.plan{break-before:page;content-visibility:visible} details.plan-body>summary{list-style:none} svg .bar,svg .over{print-color-adjust:exact;-webkit-print-color-adjust:exact}
a{color:inherit;text-decoration:none}}
)CSS";

  // Sorting, filtering and paging of the overview (its rows made from their
  // waiting text once); the plans' sections a page at a time, a plan's
  // timeline and findings made when first wanted (opened, linked to,
  // printed); a tooltip for a focused bar (hover has the SVG <title>).
  // Nothing is fetched.
  static constexpr const char* kScript = R"JS(
(function () {
  'use strict';
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };
  // Elements from a waiting text, put where its <script> stood.
  var instantiate = function (script) {
    script.insertAdjacentHTML('afterend', script.textContent);
    script.parentNode.removeChild(script);
  };
  var table = document.getElementById('overview-table');
  if (table) {
    var body = table.tBodies[0];
    var waiting = body.querySelector('script.rows');
    var made = document.createElement('template');
    made.innerHTML = waiting ? waiting.textContent : '';
    if (waiting) body.removeChild(waiting);
    var rows = Array.prototype.slice.call(made.content.querySelectorAll('tr'));
    var per = parseInt(table.getAttribute('data-per'), 10) || 100;
    var page = 0, shown = rows;
    var filter = document.getElementById('filter'), only = document.getElementById('only-errors');
    var info = document.getElementById('page-info');
    var prev = document.getElementById('prev'), next = document.getElementById('next');
    var searchText = function (r) {
      if (r.searchText === undefined) r.searchText = r.textContent.toLowerCase();
      return r.searchText;
    };
    var draw = function () {
      var pages = Math.max(1, Math.ceil(shown.length / per));
      if (page > pages - 1) page = pages - 1;
      var frag = document.createDocumentFragment();
      shown.slice(page * per, page * per + per).forEach(function (r) { frag.appendChild(r); });
      body.textContent = '';
      body.appendChild(frag);
      info.textContent = table.getAttribute('data-page-text').replace('{0}', page + 1).replace('{1}', pages);
      prev.disabled = page <= 0;
      next.disabled = page >= pages - 1;
    };
    var apply = function () {
      var q = filter.value.toLowerCase();
      shown = rows.filter(function (r) {
        return (!q || searchText(r).indexOf(q) >= 0) && (!only.checked || r.getAttribute('data-errors') !== '0');
      });
      page = 0;
      draw();
    };
    filter.addEventListener('input', apply);
    only.addEventListener('change', apply);
    prev.addEventListener('click', function () { page--; draw(); });
    next.addEventListener('click', function () { page++; draw(); });
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, col) {
      th.querySelector('button').addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var num = th.getAttribute('data-type') === 'num';
        var key = function (r) {
          var c = r.cells[col];
          var v = c.hasAttribute('data-v') ? c.getAttribute('data-v') : c.textContent;
          return num ? parseFloat(v) || 0 : v;
        };
        var cmp = function (a, b) {
          var x = key(a), y = key(b);
          var d = num ? x - y : String(x).localeCompare(String(y));
          return asc ? d : -d;
        };
        rows.sort(cmp);
        shown.sort(cmp);
        draw();
      });
    });
    draw();
    // Printed whole; paged again after.
    var paged = per;
    window.addEventListener('beforeprint', function () { per = rows.length || 1; page = 0; draw(); });
    window.addEventListener('afterprint', function () { per = paged; draw(); });
  }
  // The plans' sections, a page at a time.
  var plans = document.getElementById('plans');
  var pages = plans ? plans.querySelectorAll('div.plans-page') : [];
  var perPage = plans ? parseInt(plans.getAttribute('data-per'), 10) || 50 : 50;
  var current = -1;
  var fill = function (d) {
    var lazy = d.querySelector('template.lazy');
    if (!lazy) return;
    lazy.parentNode.replaceChild(lazy.content, lazy);
  };
  var bodiesOf = function (p) { return p.querySelectorAll('details.plan-body'); };
  var fillPage = function (p) {
    var waiting = p.querySelector('script.page');
    if (!waiting) return;
    instantiate(waiting);
    each(bodiesOf(p), function (d) { d.addEventListener('toggle', function () { if (d.open) fill(d); }); });
  };
  var pinfo = document.getElementById('plans-info');
  var pprev = document.getElementById('plans-prev'), pnext = document.getElementById('plans-next');
  var showPage = function (k) {
    if (k < 0 || k >= pages.length) return;
    fillPage(pages[k]);
    each(pages, function (p, i) { p.hidden = i !== k; });
    current = k;
    if (pinfo) {
      pinfo.textContent = plans.getAttribute('data-page-text').replace('{0}', k + 1).replace('{1}', pages.length);
      pprev.disabled = k <= 0;
      pnext.disabled = k >= pages.length - 1;
    }
  };
  if (pprev) {
    pprev.addEventListener('click', function () { showPage(current - 1); plans.scrollIntoView(); });
    pnext.addEventListener('click', function () { showPage(current + 1); plans.scrollIntoView(); });
  }
  // The plan a link names ("p12", "p12-m3"), or 0.
  var linked = function () {
    var m = /^p(\d+)(-|$)/.exec(decodeURIComponent(location.hash.slice(1)));
    return m ? parseInt(m[1], 10) : 0;
  };
  // At load, the page a link points into, else the first: one page made.
  var first = Math.floor((linked() - 1) / perPage);
  showPage(first >= 0 && first < pages.length ? first : 0);
  if (pages.length === 1) {
    var bodies = bodiesOf(pages[0]);
    if (bodies.length <= 50) each(bodies, fill);
    if (bodies.length <= 3) each(bodies, function (d) { d.open = true; });
  }
  window.addEventListener('beforeprint', function () {
    each(pages, function (p) { fillPage(p); p.hidden = false; each(bodiesOf(p), fill); });
    each(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () { showPage(current); });
  // A link to a plan ("p12") or into it ("p12-m3"): its page shown, its
  // body made, its <details> opened.
  var reveal = function () {
    var id = decodeURIComponent(location.hash.slice(1));
    var n = linked();
    if (n) showPage(Math.floor((n - 1) / perPage));
    var el = id && document.getElementById(id);
    if (id && !el && n) {  // a bar of a plan not drawn yet ("p12-m3")
      var sec = document.getElementById('p' + n);
      var body = sec && sec.querySelector('details.plan-body');
      if (body) { fill(body); el = document.getElementById(id); }
    }
    if (!el) return;
    var d = el.closest('details');
    if (d) d.open = true;
    el.scrollIntoView();
    if (el.focus) el.focus();
  };
  window.addEventListener('hashchange', reveal);
  reveal();
  var tip = document.getElementById('tip');
  document.addEventListener('focusin', function (e) {
    var el = e.target;
    if (!el.classList || !(el.classList.contains('bar') || el.classList.contains('pilot'))) return;
    var r = el.getBoundingClientRect();
    tip.textContent = el.getAttribute('aria-label');
    tip.style.left = (window.scrollX + r.left) + 'px';
    tip.style.top = (window.scrollY + r.bottom + 6) + 'px';
    tip.hidden = false;
  });
  document.addEventListener('focusout', function () { tip.hidden = true; });
  document.documentElement.setAttribute('data-ready', '1');
})();
)JS";

  Lang lang_;
  std::ostream& out_;
  Spool sections_;  // the plans' sections, after the overview
  size_t plans_ = 0, failures_ = 0;
  bool failed_shown_ = false;
  std::string rows_, failed_;
  std::map<std::string, std::array<size_t, kPlanLevels.size()>> months_;  // "2025-06" → plans per level
};

}  // namespace

std::unique_ptr<CheckReporter> make_html_reporter(const ReportOptions& opt, const RuleBook&, std::ostream& out) {
  return std::make_unique<HtmlReporter>(opt.lang, out);
}

}  // namespace plancheck::report
