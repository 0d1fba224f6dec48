// `plancheck extract FILE...`: shows what the extractor reads in each plan.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace plancheck::cli {

struct ExtractOptions {
  std::vector<std::string> files;
  std::string format = "json";  // json | jsonl | text
};

void setup_extract(CLI::App& app, ExtractOptions& opt);
int run_extract(const ExtractOptions& opt);

}  // namespace plancheck::cli
