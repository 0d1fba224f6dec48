#include "extract_command.h"

#include <fmt/format.h>

#include <iostream>

#include "plancheck/extract.h"
#include "plancheck/extract_json.h"
#include "plancheck/source.h"
#include "text_report.h"

namespace plancheck::cli {

void setup_extract(CLI::App& app, ExtractOptions& opt) {
  auto* sub = app.add_subcommand("extract", "Show what plancheck reads in each plan (references, times, milestones, pilots)");
  sub->add_option("files", opt.files, "Plan files (UTF-8 or UTF-16 text)")->required();
  sub->add_option("--format", opt.format, "Output format")
      ->check(CLI::IsMember({"json", "jsonl", "text"}))
      ->capture_default_str();
}

int run_extract(const ExtractOptions& opt) {
  int status = 0;
  const bool many = opt.files.size() > 1;
  if (opt.format == "json" && many) std::cout << "[\n";
  bool first = true;
  for (const auto& file : opt.files) {
    try {
      const Source src = read_source(file);
      const Text text(src.utf8);
      const Extraction x = extract(text, file);
      if (opt.format == "text") {
        std::cout << format_extraction_text(x);
      } else if (opt.format == "jsonl") {
        std::cout << to_json(x).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
      } else {
        if (many && !first) std::cout << ",\n";
        std::cout << to_json(x).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        std::cout << (many ? "" : "\n");
      }
      first = false;
    } catch (const SourceError& e) {
      std::cerr << "plancheck: error: " << e.what() << '\n';
      status = 2;
    }
  }
  if (opt.format == "json" && many) std::cout << "\n]\n";
  std::cout.flush();
  return status;
}

}  // namespace plancheck::cli
