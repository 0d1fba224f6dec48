#include "self_docs.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "command_line.h"
#include "plancheck/rules.h"
#include "version_info.h"

namespace plancheck::cli {

namespace {

namespace fs = std::filesystem;

// What a completion offers for an option's value, or for the words after
// the options.
enum class Values { none, words, files };

struct OptionInfo {
  std::vector<std::string> names;  // "-o", "--output"
  std::string description;         // first line of its help
  std::string value_name;          // "TEXT"; empty for a flag
  std::string default_value;
  Values values = Values::none;
  std::vector<std::string> words;
  bool repeatable = false;
};

struct CommandInfo {
  std::vector<std::string> path;  // {} for plancheck, {"rules", "list"}
  CLI::App* app = nullptr;
  std::vector<OptionInfo> options;      // its own and those it falls through to
  std::vector<OptionInfo> positionals;  // names in `names[0]`
  std::vector<std::string> children;    // visible subcommands
};

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

bool visible(const CLI::App* sub) { return !sub->get_group().empty(); }

// The shipped rule set ids (what --ruleset takes) and, with `rules`, their
// rules' ids (what `explain` takes). A user's own sets (--rules, settings)
// are theirs to type: listing them would mean reading settings at every
// completion.
std::vector<std::string> shipped_ids(bool sets, bool rules) {
  std::vector<std::string> ids;
  for (const auto& [name, text] : builtin_rule_files()) {
    try {
      const RuleSet set = parse_rule_file(text, name);
      if (sets) ids.push_back(set.id);
      if (rules)
        for (const auto& r : set.rules) ids.push_back(r.id);
    } catch (const std::exception&) {
    }
  }
  return ids;
}

OptionInfo describe(CLI::Option* o, const CLI::App& app, Lang lang) {
  OptionInfo info;
  for (const auto& s : o->get_snames()) info.names.push_back("-" + s);
  for (const auto& l : o->get_lnames()) info.names.push_back("--" + l);
  if (o->get_positional()) info.names = {o->get_name()};
  info.description = first_line(o->get_description());
  const auto formatter = app.get_formatter();
  // A flag has no value and so no type name.
  const bool flag = o->get_type_name().empty();
  if (!flag) info.value_name = formatter->get_label(o->get_type_name());
  info.default_value = o->get_default_str();
  info.repeatable = o->get_items_expected_max() > 1 || o->get_expected_max() > 1;
  info.words = offered(o);
  if (!info.words.empty()) {
    info.values = Values::words;
  } else if (o->get_lnames() == std::vector<std::string>{"ruleset"}) {
    info.words = shipped_ids(true, false);
    info.values = Values::words;
  } else if (o->get_positional() && (o->get_name() == msg::name_rule_id.in(lang) ||
                                     o->get_name() == msg::name_set_or_rule_id.in(lang))) {
    // explain RULE-ID; rules show ID (a set or a rule).
    info.words = shipped_ids(o->get_name() == msg::name_set_or_rule_id.in(lang), true);
    info.values = Values::words;
  } else if (!flag && !info.value_name.starts_with(formatter->get_label("UINT"))) {
    // Paths, globs, names: a file name is the useful guess.
    info.values = Values::files;
  }
  return info;
}

// Every visible command, parents before children.
void walk(CLI::App* app, std::vector<std::string> path, std::vector<CommandInfo>& out, Lang lang) {
  CommandInfo c;
  c.path = path;
  c.app = app;
  const std::function<bool(CLI::Option*)> all = [](CLI::Option*) { return true; };
  // A subcommand that falls through takes its parents' options too (but
  // plancheck's own --version is no option of a command).
  for (CLI::App* a = app; a && (a == app || a->get_parent()); a = a->get_fallthrough() ? a->get_parent() : nullptr) {
    for (CLI::Option* o : a->get_options(all)) {
      if (o->get_positional()) {
        if (a == app) c.positionals.push_back(describe(o, *app, lang));
      } else if (a == app || o != a->get_help_ptr()) {
        c.options.push_back(describe(o, *app, lang));
      }
    }
  }
  for (CLI::App* sub : app->get_subcommands(std::function<bool(CLI::App*)>([](CLI::App*) { return true; })))
    if (visible(sub)) c.children.push_back(sub->get_name());
  out.push_back(c);
  for (CLI::App* sub : app->get_subcommands(std::function<bool(CLI::App*)>([](CLI::App*) { return true; })))
    if (visible(sub)) {
      auto p = path;
      p.push_back(sub->get_name());
      walk(sub, p, out, lang);
    }
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

// Inside '…' in a shell script.
std::string single_quoted_body(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out;
}

// ---- bash ----------------------------------------------------------------

std::string bash_script(const std::vector<CommandInfo>& commands) {
  std::string path_cases, value_cases, word_cases;
  for (const auto& c : commands) {
    const std::string key = join(c.path, "/");
    if (!c.path.empty()) {
      const std::string parent = join(std::vector<std::string>(c.path.begin(), c.path.end() - 1), "/");
      path_cases += fmt::format("            '{}/{}') path=${{path:+$path/}}$w ;;\n", parent, c.path.back());
    }
    for (const auto& o : c.options) {
      if (o.value_name.empty()) continue;
      std::vector<std::string> keys;
      for (const auto& n : o.names) keys.push_back(fmt::format("'{}:{}'", key, n));
      std::string action = "return 0";
      if (o.values == Values::words)
        action = fmt::format("COMPREPLY=($(compgen -W '{}' -- \"$cur\")); return 0", join(o.words, " "));
      else if (o.values == Values::files)
        action = "_plancheck_files; return 0";
      value_cases += fmt::format("        {}) {} ;;\n", join(keys, "|"), action);
    }
    std::vector<std::string> names;
    for (const auto& o : c.options) names.insert(names.end(), o.names.begin(), o.names.end());
    std::string args;
    if (!c.positionals.empty() && c.positionals[0].values == Values::words) args = join(c.positionals[0].words, " ");
    word_cases += fmt::format("        '{}') options='{}'; commands='{}'; args='{}' ;;\n", key, join(names, " "),
                              join(c.children, " "), args);
  }
  return fmt::format(R"(# bash completion for plancheck: generated by `plancheck completion bash`
# (cli/self_docs.cc) from the program's own command line. Do not edit.

_plancheck_files() {{
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
}}

_plancheck() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
    # bash splits --option=value at '=': complete the value.
    if [[ $cur == = ]]; then
        cur=""
    elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
        prev=${{COMP_WORDS[COMP_CWORD-2]}}
    fi
    # The command the words so far entered: "", "check", "rules/list", …
    local path="" i w
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${{COMP_WORDS[i]}}
        case "$path/$w" in
{}        esac
    done
    case "$path:$prev" in
{}    esac
    local options="" commands="" args=""
    case "$path" in
{}    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    elif [[ -n $commands ]]; then
        COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    elif [[ -n $args ]]; then
        COMPREPLY=($(compgen -W "$args" -- "$cur"))
    else
        _plancheck_files
    fi
    return 0
}}
complete -F _plancheck plancheck
)",
                     path_cases, value_cases, word_cases);
}

// ---- zsh -----------------------------------------------------------------

std::string zsh_escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return single_quoted_body(out);
}

std::string zsh_function_name(const std::vector<std::string>& path) {
  std::string name = "_plancheck";
  for (const auto& p : path) name += "_" + p;
  return name;
}

std::string zsh_script(const std::vector<CommandInfo>& commands) {
  std::string functions;
  for (const auto& c : commands) {
    std::vector<std::string> specs;
    for (const auto& o : c.options) {
      std::string action;
      if (o.values == Values::words) action = fmt::format(":{}:({})", zsh_escape(o.value_name), join(o.words, " "));
      else if (o.values == Values::files) action = fmt::format(":{}:_files", zsh_escape(o.value_name));
      else if (!o.value_name.empty()) action = fmt::format(":{}: ", zsh_escape(o.value_name));
      for (const auto& n : o.names) {
        const std::string form = o.value_name.empty() ? "" : (n.starts_with("--") ? "=" : "+");
        specs.push_back(fmt::format("'{}{}{}[{}]{}'", o.repeatable ? "*" : "", n, form, zsh_escape(o.description),
                                    action));
      }
    }
    std::string body;
    if (!c.children.empty()) {
      specs.push_back("'1:command:->command'");
      specs.push_back("'*::arg:->args'");
      std::string described, cases;
      for (const auto& child : c.children) {
        auto p = c.path;
        p.push_back(child);
        const CLI::App* sub = c.app->get_subcommand(child);
        described += fmt::format("    '{}:{}'\n", child, zsh_escape(first_line(sub->get_description())));
        cases += fmt::format("        {}) {} ;;\n", child, zsh_function_name(p));
      }
      body = fmt::format(
          "  local curcontext=\"$curcontext\" state line\n  typeset -A opt_args\n  _arguments -C -s -S \\\n    {}\n"
          "  case $state in\n  command)\n    local -a commands\n    commands=(\n{}    )\n"
          "    _describe -t commands command commands ;;\n  args)\n    case $line[1] in\n{}    esac ;;\n  esac\n",
          join(specs, " \\\n    "), described, cases);
    } else {
      if (!c.positionals.empty()) {
        const OptionInfo& p = c.positionals[0];
        specs.push_back(p.values == Values::words
                            ? fmt::format("'1:{}:({})'", zsh_escape(p.names[0]), join(p.words, " "))
                            : fmt::format("'*:{}:_files'", zsh_escape(p.names[0])));
      }
      body = fmt::format("  _arguments -s -S \\\n    {}\n", join(specs, " \\\n    "));
    }
    functions += fmt::format("{}() {{\n{}}}\n\n", zsh_function_name(c.path), body);
  }
  return fmt::format(R"(#compdef plancheck
# zsh completion for plancheck: generated by `plancheck completion zsh`
# (cli/self_docs.cc) from the program's own command line. Do not edit.

{}_plancheck "$@"
)",
                     functions);
}

// ---- fish ----------------------------------------------------------------

std::string fish_quoted(const std::string& s) {
  std::string out = "'";
  for (const char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string fish_script(const std::vector<CommandInfo>& commands) {
  std::string out = R"(# fish completion for plancheck: generated by `plancheck completion fish`
# (cli/self_docs.cc) from the program's own command line. Do not edit.

complete -c plancheck -f
)";
  for (const auto& c : commands) {
    // In this command and not (yet) in one of its subcommands.
    std::vector<std::string> seen;
    for (const auto& p : c.path) seen.push_back("__fish_seen_subcommand_from " + p);
    std::string here = c.path.empty() ? "__fish_use_subcommand" : join(seen, "; and ");
    if (!c.path.empty() && !c.children.empty())
      here += "; and not __fish_seen_subcommand_from " + join(c.children, " ");
    const std::string condition = fish_quoted(c.path.empty() ? "__fish_use_subcommand" : join(seen, "; and "));
    out += fmt::format("\n# {}\n", c.path.empty() ? "plancheck" : "plancheck " + join(c.path, " "));
    for (const auto& child : c.children)
      out += fmt::format("complete -c plancheck -n {} -a {} -d {}\n", fish_quoted(here), child,
                         fish_quoted(first_line(c.app->get_subcommand(child)->get_description())));
    for (const auto& o : c.options) {
      std::string line = fmt::format("complete -c plancheck -n {}", condition);
      for (const auto& n : o.names)
        line += n.starts_with("--") ? " -l " + n.substr(2) : " -s " + n.substr(1);
      if (o.values == Values::words) line += " -x -a " + fish_quoted(join(o.words, " "));
      else if (o.values == Values::files) line += " -r -F";
      else if (!o.value_name.empty()) line += " -x";
      out += line + " -d " + fish_quoted(o.description) + "\n";
    }
    if (!c.positionals.empty() && c.children.empty()) {
      const OptionInfo& p = c.positionals[0];
      out += p.values == Values::words
                 ? fmt::format("complete -c plancheck -n {} -a {}\n", condition, fish_quoted(join(p.words, " ")))
                 : fmt::format("complete -c plancheck -n {} -F\n", condition);
    }
  }
  return out;
}

// ---- man -----------------------------------------------------------------

// Text for roff: backslashes and hyphens escaped (a `\-` is the minus a
// reader can copy into a shell), no line starting with a control character.
std::string roff(const std::string& s) {
  std::string out;
  bool line_start = true;
  for (const char c : s) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string page_name(const std::vector<std::string>& path) {
  return path.empty() ? "plancheck" : "plancheck-" + path[0];
}

void option_items(std::string& out, const std::vector<OptionInfo>& options, Lang lang) {
  for (const auto& o : options) {
    std::vector<std::string> names;
    for (const auto& n : o.names) names.push_back("\\fB" + roff(n) + "\\fR");
    out += ".TP\n" + join(names, ", ");
    if (!o.value_name.empty()) out += " \\fI" + roff(o.value_name) + "\\fR";
    out += "\n" + roff(o.description) + "\n";
    std::vector<std::string> notes;
    // Most descriptions already say "text|json"; the rule set ids are not in any.
    if (!o.words.empty() && o.description.find(join(o.words, "|")) == std::string::npos)
      notes.push_back(say(msg::man_values, lang, join(o.words, ", ")));
    if (!o.default_value.empty()) notes.push_back(say(msg::man_default, lang, o.default_value));
    if (!notes.empty()) out += "(" + roff(join(notes, "; ")) + ")\n";
  }
}

// A help footer: examples (indented lines) kept as they are, the rest as
// paragraphs.
void footer_text(std::string& out, const std::string& footer) {
  std::istringstream in(footer);
  std::string line;
  bool literal = false;
  while (std::getline(in, line)) {
    const bool example = line.starts_with("  ");
    if (example && !literal) out += ".PP\n.nf\n";
    if (!example && literal) out += ".fi\n";
    literal = example;
    if (line.empty()) continue;
    out += example ? roff(line) + "\n" : ".PP\n" + roff(line) + "\n";
  }
  if (literal) out += ".fi\n";
}

std::string man_page(const std::vector<CommandInfo>& commands, size_t index, Lang lang) {
  const CommandInfo& c = commands[index];
  const std::string name = page_name(c.path);
  std::string upper = name;
  for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  std::string out = ".\\\" -*- coding: UTF-8 -*-\n";
  out += ".\\\" Generated by `plancheck man` (cli/self_docs.cc) from the program's help. Do not edit.\n";
  out += fmt::format(".TH \"{}\" \"1\" \"\" \"plancheck {}\" \"{}\"\n", roff(upper), roff(kFullVersion),
                     roff(std::string(msg::man_manual.in(lang))));
  // Option names and page names are not to be broken at their hyphens.
  out += ".nh\n.ad l\n";
  std::string description = c.app->get_description();
  if (c.path.empty()) description = std::string(msg::app_description.in(lang));
  out += fmt::format(".SH \"{}\"\n{} \\- {}\n", msg::man_name.in(lang), roff(name),
                     roff(first_line(description.starts_with("plancheck: ") ? description.substr(11) : description)));
  // Synopsis: the command, its options, its arguments or actions.
  std::string synopsis = "\\fBplancheck" + (c.path.empty() ? std::string() : " " + roff(join(c.path, " "))) + "\\fR";
  synopsis += " [\\fI" + roff(std::string(msg::help_options_word.in(lang))) + "\\fR]";
  if (!c.children.empty()) synopsis += " \\fI" + roff(std::string(msg::name_command.in(lang))) + "\\fR ...";
  for (const auto& p : c.positionals) synopsis += " \\fI" + roff(p.names[0]) + "\\fR...";
  out += fmt::format(".SH \"{}\"\n{}\n", msg::man_synopsis.in(lang), synopsis);
  out += fmt::format(".SH \"{}\"\n{}\n", msg::man_description.in(lang), roff(description));
  if (!c.children.empty()) {
    out += fmt::format(".SH \"{}\"\n", msg::man_commands.in(lang));
    for (size_t i = index + 1; i < commands.size(); ++i) {
      const CommandInfo& sub = commands[i];
      if (sub.path.size() != c.path.size() + 1 || !std::equal(c.path.begin(), c.path.end(), sub.path.begin()))
        continue;
      out += ".TP\n\\fB" + roff(join(sub.path, " ")) + "\\fR";
      for (const auto& p : sub.positionals) out += " \\fI" + roff(p.names[0]) + "\\fR";
      out += "\n" + roff(first_line(sub.app->get_description()));
      // plancheck(1) points to each command's page; a command's actions are
      // described in place, with the options only they take.
      if (c.path.empty()) {
        out += " (\\fB" + roff(page_name(sub.path)) + "\\fR(1))\n";
      } else {
        out += "\n.RS\n";
        std::vector<OptionInfo> own;
        for (const auto& o : sub.options) {
          const bool inherited = std::any_of(c.options.begin(), c.options.end(),
                                             [&](const OptionInfo& p) { return p.names == o.names; });
          if (!inherited) own.push_back(o);
        }
        option_items(out, own, lang);
        out += ".RE\n";
      }
    }
  }
  if (!c.positionals.empty()) {
    out += fmt::format(".SH \"{}\"\n", msg::man_arguments.in(lang));
    for (const auto& p : c.positionals) out += ".TP\n\\fI" + roff(p.names[0]) + "\\fR\n" + roff(p.description) + "\n";
  }
  out += fmt::format(".SH \"{}\"\n", msg::man_options.in(lang));
  option_items(out, c.options, lang);
  if (!c.app->get_footer().empty()) {
    out += fmt::format(".SH \"{}\"\n", msg::man_examples.in(lang));
    footer_text(out, c.app->get_footer());
  }
  out += fmt::format(".SH \"{}\"\n{}\n", msg::man_environment.in(lang), roff(std::string(msg::man_environment_text.in(lang))));
  std::vector<std::string> others;
  for (const auto& o : commands)
    if (o.path.size() <= 1 && page_name(o.path) != name) others.push_back("\\fB" + roff(page_name(o.path)) + "\\fR(1)");
  out += fmt::format(".SH \"{}\"\n{}\n.PP\n{}\n", msg::man_see_also.in(lang), join(others, ", "),
                     roff(std::string(msg::man_docs.in(lang))));
  return out;
}

int run_man(const std::vector<CommandInfo>& commands, const SelfDocsOptions& opt, Lang lang) {
  if (opt.output.empty()) {
    for (size_t i = 0; i < commands.size(); ++i)
      if (commands[i].path.size() <= 1 && join(commands[i].path, " ") == opt.command) {
        std::cout << man_page(commands, i, lang);
        return kExitClean;
      }
    print_error(lang, say(msg::no_such_command, lang, opt.command));
    return kExitTrouble;
  }
  std::error_code ec;
  fs::create_directories(opt.output, ec);
  for (size_t i = 0; i < commands.size(); ++i) {
    if (commands[i].path.size() > 1) continue;
    const fs::path file = fs::path(opt.output) / (page_name(commands[i].path) + ".1");
    std::ofstream out(file, std::ios::binary);
    out << man_page(commands, i, lang);
    out.close();
    if (!out) {
      print_error(lang, say(msg::man_write_failed, lang, file.string()));
      return kExitTrouble;
    }
  }
  return kExitClean;
}

}  // namespace

void setup_self_docs(CLI::App& app, SelfDocsOptions& opt, Lang lang) {
  auto* completion = app.add_subcommand("completion", std::string(msg::help_completion_description.in(lang)));
  completion->group("");
  completion->add_option(std::string(msg::name_shell.in(lang)), opt.shell, "bash|zsh|fish")->required();
  completion->add_option("-o,--output", opt.output, std::string(msg::help_output.in(lang)));
  auto* man = app.add_subcommand("man", std::string(msg::help_man_description.in(lang)));
  man->group("");
  man->add_option(std::string(msg::name_command.in(lang)), opt.command, std::string(msg::name_command.in(lang)));
  man->add_option("-o,--output-dir", opt.output, std::string(msg::help_man_output.in(lang)));
  man->add_option("--lang", opt.lang, std::string(msg::help_lang.in(lang)));
}

std::optional<int> run_self_docs(CLI::App& app, const SelfDocsOptions& opt, Lang lang) {
  auto* completion = app.get_subcommand("completion");
  auto* man = app.get_subcommand("man");
  if (!completion->parsed() && !man->parsed()) return std::nullopt;
  std::vector<CommandInfo> commands;
  walk(&app, {}, commands, lang);
  if (man->parsed()) return run_man(commands, opt, lang);
  std::string script;
  if (opt.shell == "bash") script = bash_script(commands);
  else if (opt.shell == "zsh") script = zsh_script(commands);
  else if (opt.shell == "fish") script = fish_script(commands);
  else {
    print_error(lang, say(msg::no_such_shell, lang, opt.shell));
    return kExitTrouble;
  }
  if (opt.output.empty()) {
    std::cout << script;
    return kExitClean;
  }
  std::ofstream out(opt.output, std::ios::binary);
  out << script;
  out.close();
  if (!out) {
    print_error(lang, say(msg::man_write_failed, lang, opt.output));
    return kExitTrouble;
  }
  return kExitClean;
}

}  // namespace plancheck::cli
