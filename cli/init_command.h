// `plancheck init [DIR]`: writes a commented `.plancheck.toml` for a folder
// of plans, its rule set guessed from the plans in it (docs/cli.md).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "plancheck/messages.h"

namespace plancheck::cli {

struct InitOptions {
  std::string dir = ".";
  bool force = false;  // overwrite an existing settings file
  std::string lang = "vi";
};

void setup_init(CLI::App& app, InitOptions& opt, Lang lang);
int run_init(const CLI::App& sub, InitOptions opt);

}  // namespace plancheck::cli
