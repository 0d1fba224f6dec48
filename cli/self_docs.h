// The program describing itself for the build: `plancheck completion
// bash|zsh|fish` prints a completion script and `plancheck man` the man
// pages, both by walking the command line as main() set it up, so the
// subcommands, options, and the words an option takes (offer()) are never
// listed twice. Hidden from --help; the build runs them (cli/CMakeLists.txt).
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "plancheck/messages.h"

namespace plancheck::cli {

struct SelfDocsOptions {
  std::string shell;       // completion: bash | zsh | fish
  std::string command;     // man: "" (plancheck(1)) or a subcommand
  std::string output;      // completion -o FILE; man -o DIR: every page
  std::string lang = "vi";
};

// After finish_help(): the commands it adds stay out of the help.
void setup_self_docs(CLI::App& app, SelfDocsOptions& opt, Lang lang);
// Runs the one of them that was parsed; nullopt when neither was.
std::optional<int> run_self_docs(CLI::App& app, const SelfDocsOptions& opt, Lang lang);

}  // namespace plancheck::cli
