// `plancheck config [PATH...]`: the settings in force for each input, key by
// key, and where each comes from (a .plancheck.toml at line:column, or the
// default), as `check` and `extract` would use them.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "plancheck/messages.h"

namespace plancheck::cli {

struct ConfigOptions {
  std::vector<std::string> inputs;
  std::string config;
  bool no_config = false;
  std::string lang = "vi";
};

void setup_config(CLI::App& app, ConfigOptions& opt, Lang lang);
int run_config(const CLI::App& sub, ConfigOptions opt);

}  // namespace plancheck::cli
