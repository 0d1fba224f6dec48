// `plancheck extract FILE|DIR...`: shows what the extractor reads in each plan.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "plan_inputs.h"

namespace plancheck::cli {

struct ExtractOptions {
  InputOptions in;              // files, folders, '-', globs, settings files
  std::string format = "json";  // json | jsonl | text
  std::string lang = "vi";      // errors and the text format
  std::string output;           // -o FILE; empty: standard output
};

void setup_extract(CLI::App& app, ExtractOptions& opt, Lang lang);
int run_extract(const CLI::App& sub, ExtractOptions opt);

}  // namespace plancheck::cli
