#include "command_line.h"

#include <cstdlib>
#include <iostream>
#include <sstream>

#include "plancheck/snippet.h"

namespace plancheck::cli {

namespace {

// CLI11 pads the left column with std::setw, which counts bytes: a
// Vietnamese value name ("CHUỖI") pushes its description out of line. The
// same layout, padded by display width.
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    return row(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt));
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    return row(sub->get_display_name(true), sub->get_description());
  }

 private:
  std::string row(const std::string& name, const std::string& description) const {
    std::string out = "  " + name;
    const size_t width = display_width(out);
    if (description.empty()) return out + "\n";
    const std::string indent(column_width_, ' ');
    if (width >= column_width_) out += "\n" + indent;
    else out += std::string(column_width_ - width, ' ');
    for (const char c : description) {
      out += c;
      if (c == '\n') out += indent;
    }
    return out + "\n";
  }
};

}  // namespace

Lang parse_lang(std::string_view s) { return s == "en" ? Lang::en : Lang::vi; }

Lang language_from(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") break;
    if (a == "--lang" && i + 1 < argc) return parse_lang(argv[i + 1]);
    if (a.starts_with("--lang=")) return parse_lang(a.substr(7));
  }
  if (const char* env = std::getenv("PLANCHECK_LANG"); env && *env) return parse_lang(env);
  return Lang::vi;
}

// Messages name files and quote plans: what reaches the terminal is made
// visible (a newline in a file name cannot forge a second line).
void print_error(Lang lang, std::string_view message) {
  std::cerr << msg::error_prefix.in(lang) << visible(message) << '\n';
}

void print_warning(Lang lang, std::string_view message) {
  std::cerr << msg::warning_prefix.in(lang) << visible(message) << '\n';
}

bool use_colour(std::string_view color_option, bool to_terminal) {
  if (color_option == "always") return true;
  if (color_option == "never") return false;
  if (const char* no = std::getenv("NO_COLOR"); no && *no) return false;
  if (const char* force = std::getenv("CLICOLOR_FORCE"); force && *force && std::string_view(force) != "0") return true;
  return to_terminal;
}

namespace {

// Optimal string alignment distance: insertions, deletions, substitutions
// and swaps of two neighbours ("lsit" for "list") each cost one.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& names) {
  if (word.empty()) return std::nullopt;
  std::optional<std::string> best, prefixed;
  size_t best_d = std::max<size_t>(2, word.size() / 3) + 1, prefixes = 0;
  bool tie = false;
  for (const auto& n : names) {
    if (n.starts_with(word)) {
      ++prefixes;
      prefixed = n;
    }
    const size_t d = edit_distance(word, n);
    if (d < best_d) {
      best_d = d;
      best = n;
      tie = false;
    } else if (d == best_d && best) {
      tie = true;
    }
  }
  if (best && !tie) return best;
  if (prefixes == 1) return prefixed;
  return std::nullopt;
}

std::string choices_text(const std::vector<std::string>& allowed) {
  std::string out;
  for (const auto& a : allowed) out += (out.empty() ? "" : "|") + a;
  return out;
}

namespace {
// The name of the validator that carries offer()'s words; it accepts
// every value and has no description, so help and parsing are unchanged.
constexpr std::string_view kOfferPrefix = "plancheck-offers:";
}  // namespace

CLI::Option* offer(CLI::Option* option, const std::vector<std::string>& words) {
  return option->check(CLI::Validator([](std::string&) { return std::string(); }, "",
                                      std::string(kOfferPrefix) + choices_text(words)));
}

std::vector<std::string> offered(CLI::Option* option) {
  std::vector<std::string> out;
  for (int i = 0;; ++i) {
    const CLI::Validator* v = nullptr;
    try {
      v = option->get_validator(i);
    } catch (const CLI::OptionNotFound&) {
    }
    if (!v) break;
    const std::string& name = v->get_name();
    if (!name.starts_with(kOfferPrefix)) continue;
    std::string_view rest = std::string_view(name).substr(kOfferPrefix.size());
    while (!rest.empty()) {
      const size_t bar = rest.find('|');
      out.emplace_back(rest.substr(0, bar));
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
  }
  return out;
}

bool check_choices(Lang lang, const std::vector<Choice>& choices) {
  for (const auto& c : choices) {
    if (std::find(c.allowed.begin(), c.allowed.end(), *c.value) != c.allowed.end()) continue;
    std::string m = say(msg::bad_choice, lang, c.option, *c.value, choices_text(c.allowed));
    if (auto n = nearest(*c.value, c.allowed)) m += say(msg::did_you_mean, lang, *n);
    print_error(lang, m);
    return false;
  }
  return true;
}

void localize_help(CLI::App& app, Lang lang) {
  app.formatter(std::make_shared<HelpFormatter>());
  auto f = app.get_formatter();
  f->label("Usage", std::string(msg::help_usage.in(lang)));
  f->label("OPTIONS", std::string(msg::help_options_word.in(lang)));
  f->label("SUBCOMMAND", std::string(msg::help_subcommand_word.in(lang)));
  f->label("SUBCOMMANDS", std::string(msg::help_subcommand_word.in(lang)));
  f->label("Positionals", std::string(msg::help_positionals.in(lang)));
  f->label("REQUIRED", std::string(msg::help_required.in(lang)));
  f->label("TEXT", std::string(msg::help_text_word.in(lang)));
  f->label("UINT", std::string(msg::help_number_word.in(lang)));
  f->label("Env", std::string(msg::help_env.in(lang)));
  f->column_width(34);
  app.option_defaults()->group(std::string(msg::help_options.in(lang)));
  app.set_help_flag("-h,--help", std::string(msg::help_flag.in(lang)));
}

void finish_help(CLI::App& app, Lang lang) {
  if (auto* h = app.get_help_ptr()) h->group(std::string(msg::help_options.in(lang)));
  for (auto* sub : app.get_subcommands({})) {
    // A hidden command (no group: `completion`, `man`) stays hidden.
    if (!sub->get_group().empty()) sub->group(std::string(msg::help_subcommands.in(lang)));
    finish_help(*sub, lang);
  }
}

void set_footer(CLI::App& sub, Lang lang, const MessageText& examples) {
  sub.footer(std::string(examples.in(lang)) + "\n" + std::string(msg::help_exit_statuses.in(lang)));
}

namespace {

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> out;
  // The hidden commands, for the build, are not offered to a person.
  for (const auto* s : app.get_subcommands({}))
    if (!s->get_group().empty()) out.push_back(s->get_name());
  return out;
}

// Hidden ones too: `plancheck completion bash` is a command like the others.
bool has_subcommand(const CLI::App& app, std::string_view name) {
  for (const auto* s : app.get_subcommands({}))
    if (s->get_name() == name) return true;
  return false;
}

// The deepest subcommand the (partial) parse entered.
const CLI::App* active(const CLI::App& app) {
  const CLI::App* at = &app;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (const auto* s : at->get_subcommands())
      if (s->parsed()) {
        at = s;
        deeper = true;
        break;
      }
  }
  return at;
}

std::string command_path(const CLI::App* a) {
  std::string out;
  for (; a; a = a->get_parent()) out = a->get_name() + (out.empty() ? "" : " " + out);
  return out;
}

}  // namespace

std::optional<int> answer_before_parsing(CLI::App& app, int argc, const char* const* argv, Lang lang) {
  if (argc < 2) {
    std::cerr << app.help();
    return kExitTrouble;
  }
  // The first word that is not an option names the subcommand.
  int i = 1;
  while (i < argc && std::string_view(argv[i]).starts_with('-')) ++i;
  if (i >= argc) return std::nullopt;
  const std::string word = argv[i];
  const auto names = subcommand_names(app);
  if (word == "help") {
    CLI::App* at = &app;
    for (int k = i + 1; k < argc; ++k) {
      CLI::App* sub = nullptr;
      try {
        sub = at->get_subcommand(argv[k]);
      } catch (const CLI::OptionNotFound&) {
      }
      if (!sub) {
        std::string m = say(msg::no_such_command, lang, argv[k]);
        if (auto n = nearest(argv[k], subcommand_names(*at))) m += say(msg::did_you_mean, lang, *n);
        print_error(lang, m);
        return kExitTrouble;
      }
      at = sub;
    }
    std::cout << at->help();
    return kExitClean;
  }
  if (has_subcommand(app, word)) {
    // `plancheck rules lsit`: the same for the second word of a command with actions.
    CLI::App* sub = app.get_subcommand(word);
    if (sub->get_require_subcommand_min() > 0) {
      int k = i + 1;
      while (k < argc && std::string_view(argv[k]).starts_with('-')) {
        // `--rules X` before the action: skip its value too.
        if (std::string_view(argv[k]) == "--rules") ++k;
        ++k;
      }
      const auto actions = subcommand_names(*sub);
      if (k < argc && std::find(actions.begin(), actions.end(), argv[k]) == actions.end()) {
        std::string m = say(msg::no_such_command, lang, command_path(sub) + " " + argv[k]);
        if (auto n = nearest(argv[k], actions)) m += say(msg::did_you_mean, lang, command_path(sub) + " " + *n);
        print_error(lang, m);
        return kExitTrouble;
      }
    }
    return std::nullopt;
  }
  std::string m = say(msg::no_such_command, lang, word);
  if (auto n = nearest(word, names)) m += say(msg::did_you_mean, lang, "plancheck " + *n);
  print_error(lang, m + "\n" + say(msg::commands_are, lang, choices_text(names)));
  return kExitTrouble;
}

int report_parse_error(CLI::App& app, const CLI::ParseError& e, int argc, const char* const* argv, Lang lang) {
  if (dynamic_cast<const CLI::CallForHelp*>(&e) || dynamic_cast<const CLI::CallForAllHelp*>(&e) ||
      dynamic_cast<const CLI::CallForVersion*>(&e))
    return app.exit(e) == 0 ? kExitClean : kExitTrouble;
  const CLI::App* at = active(app);
  const std::string where = command_path(at);
  std::string m;
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    // Unknown options, each with the nearest known one of the command.
    std::vector<std::string> known;
    for (const CLI::App* a = at; a; a = a->get_parent())
      for (const auto* o : a->get_options()) {
        for (const auto& l : o->get_lnames()) known.push_back("--" + l);
        for (const auto& s : o->get_snames()) known.push_back("-" + s);
      }
    for (int i = 1; i < argc; ++i) {
      std::string_view a = argv[i];
      if (a == "--") break;
      if (!a.starts_with('-') || a == "-") continue;
      const std::string name(a.substr(0, a.find('=')));
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      if (!m.empty()) m += "\n" + std::string(msg::error_prefix.in(lang));
      m += say(msg::no_such_option, lang, name, where);
      if (auto n = nearest(name, known)) m += say(msg::did_you_mean, lang, *n);
    }
    if (m.empty()) m = say(msg::unexpected_arguments, lang, e.what());
  } else if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    const std::string what = e.what();
    if (what.find("subcommand") != std::string::npos)
      m = say(msg::need_subcommand, lang, where, choices_text(subcommand_names(*at)));
    else
      m = say(msg::missing_argument, lang, what.substr(0, what.find(' ')));
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    const std::string what = e.what();
    m = say(msg::needs_one_value, lang, what.substr(0, what.find(':')));
  } else if (dynamic_cast<const CLI::ConversionError*>(&e) || dynamic_cast<const CLI::ValidationError*>(&e)) {
    m = say(msg::bad_value, lang, e.what());
  } else {
    m = say(msg::bad_command_line, lang, e.what());
  }
  print_error(lang, m + say(msg::see_help, lang, where));
  return kExitTrouble;
}

}  // namespace plancheck::cli
