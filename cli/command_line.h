// What every subcommand shares about talking to its user: the language
// chosen, errors on stderr in it, exit statuses, colour, the values an
// option may take, and the nearest name for a mistyped one.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "messages.h"

namespace plancheck::cli {

// The same in every subcommand (docs/cli.md, `--help`).
enum ExitStatus : int {
  kExitClean = 0,     // every input read, nothing at or above --fail-on
  kExitFindings = 1,  // a finding at or above --fail-on (check), a failing rule file (rules lint/test)
  kExitTrouble = 2,   // an input that could not be read, bad arguments, a bad rule or settings file
};

// The language of the messages before the command line is parsed (for
// --help and parse errors): `--lang X` or `--lang=X` anywhere in argv,
// else PLANCHECK_LANG, else Vietnamese.
Lang language_from(int argc, const char* const* argv);
Lang parse_lang(std::string_view s);  // "en" → en, anything else → vi

// "plancheck: lỗi: …" on stderr.
void print_error(Lang lang, std::string_view message);
void print_warning(Lang lang, std::string_view message);

// Whether text output is coloured: --color always|never wins; under auto,
// NO_COLOR (set and not empty) turns colour off, CLICOLOR_FORCE (set and
// not "0") on, and otherwise a terminal decides.
bool use_colour(std::string_view color_option, bool to_terminal);

// The name in `names` nearest to a mistyped `word` (a few edits away, or
// the only name it begins), if any.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& names);

// An option that takes one of a fixed set of words: checked after parsing,
// so the complaint is in the user's language and names the nearest word.
struct Choice {
  const char* option;  // "--format"
  std::string* value;
  std::vector<std::string> allowed;
};
// The words --lang takes.
inline const std::vector<std::string> kLangChoices{"vi", "en"};
// Attaches the words an option takes to the option itself, so that what
// walks the command line (`plancheck completion`, `plancheck man`) finds
// them with no second list to keep in step. They are not checked here:
// check_choices() does that after parsing, in the user's language.
CLI::Option* offer(CLI::Option* option, const std::vector<std::string>& words);
// The words offer() attached; empty for an option that takes any value.
std::vector<std::string> offered(CLI::Option* option);
// True when each choice holds an allowed word; else prints why and false.
bool check_choices(Lang lang, const std::vector<Choice>& choices);
// "text|json|jsonl" for a help line.
std::string choices_text(const std::vector<std::string>& allowed);

// Help in the language: CLI11's labels, group names and the help flag.
void localize_help(CLI::App& app, Lang lang);

// After every subcommand is set up: their help flags and groups named in the language.
void finish_help(CLI::App& app, Lang lang);

// A subcommand's `--help` ends with examples and the exit statuses.
void set_footer(CLI::App& sub, Lang lang, const MessageText& examples);

}  // namespace plancheck::cli

namespace plancheck::cli {

// Before parsing: `plancheck help [SUBCOMMAND]`, and a first word that is
// no subcommand ("did you mean `check`?"). nullopt when parsing should go on.
std::optional<int> answer_before_parsing(CLI::App& app, int argc, const char* const* argv, Lang lang);

// A parse error, said in the language, with the nearest option for an
// unknown one; returns the exit status (0 for --help and --version).
int report_parse_error(CLI::App& app, const CLI::ParseError& e, int argc, const char* const* argv, Lang lang);

}  // namespace plancheck::cli
