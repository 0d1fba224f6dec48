#include "check_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "plancheck/check.h"
#include "plancheck/check_json.h"
#include "plancheck/extract.h"
#include "plancheck/source.h"

namespace plancheck::cli {

namespace fs = std::filesystem;

void setup_check(CLI::App& app, CheckOptions& opt) {
  auto* sub = app.add_subcommand("check", "Check plans against the directives above them");
  sub->add_option("inputs", opt.inputs, "Plan files or folders (searched recursively for .txt)")->required();
  sub->add_option("--rules", opt.rules, "Rule file or folder of rule files (repeatable); adds to or overrides "
                                        "the shipped rules");
  sub->add_option("--ruleset", opt.ruleset, "Hold every plan to this rule set (and what it extends)");
  sub->add_option("--format", opt.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))
      ->capture_default_str();
  sub->add_option("--lang", opt.lang, "Language of messages")->check(CLI::IsMember({"vi", "en"}))->capture_default_str();
  sub->add_option("--fail-on", opt.fail_on, "Exit 1 when a diagnostic is at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "note"}))
      ->capture_default_str();
  sub->add_option("--color", opt.color, "Colour in text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

namespace {

// The plan files under the inputs, in a stable order.
std::vector<std::string> plan_files(const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(in);
    }
  }
  return out;
}

void load_rules(RuleBook& book, const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(path, ec))
      if (e.path().extension() == ".toml") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) book.add(load_rule_file(f));
  } else {
    book.add(load_rule_file(path));
  }
}

struct Style {
  bool on = false;
  std::string bold() const { return on ? "\x1b[1m" : ""; }
  std::string reset() const { return on ? "\x1b[0m" : ""; }
  std::string severity(Severity s) const {
    if (!on) return "";
    switch (s) {
      case Severity::error: return "\x1b[1;31m";
      case Severity::warning: return "\x1b[1;35m";
      case Severity::note: return "\x1b[1;36m";
    }
    return "";
  }
  std::string caret() const { return on ? "\x1b[1;32m" : ""; }
};

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The original line `line` (1-based) of the file, without its line end.
std::string_view line_of(const std::string& original, uint32_t line) {
  size_t b = 0;
  for (uint32_t l = 1; l < line && b != std::string::npos; ++l) {
    b = original.find('\n', b);
    if (b != std::string::npos) ++b;
  }
  if (b == std::string::npos || b > original.size()) return {};
  size_t e = original.find('\n', b);
  if (e == std::string::npos) e = original.size();
  if (e > b && original[e - 1] == '\r') --e;
  return std::string_view(original).substr(b, e - b);
}

void print_text(const std::string& file, const Text& text, const std::vector<Diagnostic>& diags, Lang lang,
                const Style& st) {
  for (const auto& d : diags) {
    const std::string where = d.span ? fmt::format("{}:{}:{}", file, d.span->line, d.span->column) : file;
    std::cout << st.bold() << where << ": " << st.reset() << st.severity(d.severity) << to_string(d.severity) << ": "
              << st.reset() << st.bold() << d.message(lang) << st.reset() << " [" << d.rule << "]\n";
    if (d.span) {
      const std::string_view line = line_of(text.original(), d.span->line);
      const size_t width = std::max<size_t>(
          1, code_points(std::string_view(text.normalized()).substr(d.span->start, d.span->end - d.span->start)));
      // Long lines are cut around the span so the caret stays on screen.
      size_t skip = 0;
      if (d.span->column > 60) skip = d.span->column - 40;
      std::string shown;
      size_t cp = 0;
      for (size_t i = 0; i < line.size(); ++i) {
        const bool lead = (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
        if (lead) ++cp;
        if (cp > skip && cp <= skip + 160) shown += line[i];
      }
      std::cout << "    " << (skip ? "…" : "") << shown << '\n';
      std::cout << "    " << (skip ? " " : "") << std::string(d.span->column - 1 - skip, ' ') << st.caret() << '^'
                << std::string(width - 1, '~') << st.reset() << '\n';
    }
    if (d.limit && !d.limit->time.text.empty()) {
      const std::string doc = d.limit->directive.empty()
                                  ? std::string(lang == Lang::vi ? "kế hoạch" : "the plan")
                                  : d.limit->directive;
      const std::string date =
          d.limit->date ? fmt::format(" {} {}", lang == Lang::vi ? "ngày" : "of",
                                      fmt::format("{}/{}/{}", d.limit->date->day, d.limit->date->month,
                                                  d.limit->date->year))
                        : "";
      std::cout << "    " << st.severity(Severity::note) << "note: " << st.reset() << doc << date << ": \""
                << d.limit->time.text << "\"\n";
    }
  }
}

}  // namespace

int run_check(const CheckOptions& opt) {
  const Lang lang = opt.lang == "en" ? Lang::en : Lang::vi;
  const Severity fail_on = *parse_severity(opt.fail_on);
  RuleBook book;
  try {
    book = RuleBook::builtin();
    for (const auto& r : opt.rules) load_rules(book, r);
    book.validate();
  } catch (const RuleError& e) {
    std::cerr << "plancheck: error: " << e.what() << '\n';
    return 2;
  }
  const RuleSet* forced = nullptr;
  if (!opt.ruleset.empty()) {
    forced = book.find(opt.ruleset);
    if (!forced) {
      std::cerr << "plancheck: error: no rule set '" << opt.ruleset << "' (see `plancheck rules list`)\n";
      return 2;
    }
  }
  const auto files = plan_files(opt.inputs);
  if (files.empty()) {
    std::cerr << "plancheck: error: no plan files found in the inputs given\n";
    return 2;
  }
  Style st;
  st.on = opt.format == "text" && (opt.color == "always" || (opt.color == "auto" && isatty(STDOUT_FILENO)));

  int status = 0;
  size_t checked = 0, failed = 0, errors = 0, warnings = 0, notes = 0;
  nlohmann::ordered_json file_list = nlohmann::ordered_json::array();
  std::vector<const RuleSet*> used;
  for (const auto& file : files) {
    nlohmann::ordered_json fj;
    fj["file"] = file;
    try {
      const Source src = read_source(file);
      const Text text(src.utf8);
      const Extraction x = extract(text, file);
      const auto sets = forced ? book.with_extended(*forced) : book.select(x);
      const auto diags = check(x, sets, book);
      ++checked;
      for (const auto* s : sets)
        if (std::find(used.begin(), used.end(), s) == used.end()) used.push_back(s);
      for (const auto& d : diags) {
        if (d.severity == Severity::error) ++errors;
        else if (d.severity == Severity::warning) ++warnings;
        else ++notes;
        if (d.severity >= fail_on) status = std::max(status, 1);
      }
      if (opt.format == "text") {
        print_text(file, text, diags, lang, st);
      } else {
        fj["status"] = "checked";
        fj["rulesets"] = nlohmann::ordered_json::array();
        for (const auto* s : sets) fj["rulesets"].push_back(s->id);
        fj["diagnostics"] = nlohmann::ordered_json::array();
        for (const auto& d : diags) fj["diagnostics"].push_back(to_json(d, lang));
      }
    } catch (const SourceError& e) {
      ++failed;
      status = std::max(status, 1);
      std::cerr << "plancheck: error: " << e.what() << '\n';
      fj["status"] = "error";
      fj["error"] = e.what();
      fj["diagnostics"] = nlohmann::ordered_json::array();
    }
    if (opt.format == "jsonl") std::cout << fj.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    else if (opt.format == "json") file_list.push_back(std::move(fj));
  }
  if (opt.format == "json") {
    nlohmann::ordered_json out;
    out["schema"] = kCheckSchema;
    out["rulesets"] = nlohmann::ordered_json::array();
    for (const auto* s : used) out["rulesets"].push_back(ruleset_json(*s));
    out["files"] = std::move(file_list);
    out["summary"] = {{"files", files.size()}, {"checked", checked}, {"errors", errors},
                      {"warnings", warnings},  {"notes", notes},     {"failed_files", failed}};
    std::cout << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  } else if (opt.format == "text") {
    std::cout << fmt::format("{} file(s) checked, {} unreadable: {} error(s), {} warning(s), {} note(s)\n", checked,
                             failed, errors, warnings, notes);
  }
  std::cout.flush();
  return status;
}

}  // namespace plancheck::cli
