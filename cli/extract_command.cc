#include "extract_command.h"

#include <fmt/format.h>

#include <iostream>

#include "command_line.h"
#include "plancheck/analyze.h"
#include "plancheck/extract.h"
#include "plancheck/extract_json.h"
#include "plancheck/source.h"
#include "plancheck/snippet.h"
#include "text_report.h"

namespace plancheck::cli {

namespace {
const std::vector<std::string> kExtractFormats{"json", "jsonl", "text"};
}  // namespace

void setup_extract(CLI::App& app, ExtractOptions& opt, Lang lang) {
  auto* sub = app.add_subcommand("extract", std::string(msg::extract_description.in(lang)));
  sub->add_option(std::string(msg::name_inputs.in(lang)), opt.in.inputs, std::string(msg::arg_inputs.in(lang)))->required();
  offer(sub->add_option("--format", opt.format, say(msg::help_format, lang, choices_text(kExtractFormats))),
        kExtractFormats)
      ->capture_default_str();
  offer(sub->add_option("--lang", opt.lang, std::string(msg::help_lang.in(lang))), kLangChoices)->capture_default_str();
  sub->add_option("--include", opt.in.include, std::string(msg::help_include.in(lang)))->allow_extra_args(false);
  sub->add_option("--exclude", opt.in.exclude, std::string(msg::help_exclude.in(lang)))->allow_extra_args(false);
  sub->add_option("-o,--output", opt.output, std::string(msg::help_output.in(lang)))
      ->type_name(std::string(msg::help_file_word.in(lang)));
  sub->add_option("--stdin-name", opt.in.stdin_name, std::string(msg::help_stdin_name.in(lang)));
  add_reading_options(*sub, opt.in, lang);
  sub->add_option("--config", opt.in.config, std::string(msg::help_config.in(lang)));
  sub->add_flag("--no-config", opt.in.no_config, std::string(msg::help_no_config.in(lang)));
  set_footer(*sub, lang, msg::extract_examples);
}

int run_extract(const CLI::App& sub, ExtractOptions opt) {
  Lang lang = parse_lang(opt.lang);
  std::vector<Choice> choices{{"--format", &opt.format, kExtractFormats}, {"--lang", &opt.lang, kLangChoices}};
  for (Choice& c : reading_choices(opt.in)) choices.push_back(std::move(c));
  if (!check_choices(lang, choices)) return kExitTrouble;
  opt.in.include_given = sub.get_option("--include")->count() > 0;
  opt.in.exclude_given = sub.get_option("--exclude")->count() > 0;
  std::vector<ResolvedInput> inputs;
  try {
    inputs = resolve_inputs(opt.in);
  } catch (const SettingsError& e) {
    print_error(lang, e.describe(lang));
    return kExitTrouble;
  }
  if (sub.get_option("--lang")->count() == 0 && !inputs.empty() && inputs.front().settings.lang)
    lang = parse_lang(inputs.front().settings.lang->value);
  int status = kExitClean;
  // With several inputs (or a folder) the JSON format is an array of objects.
  const bool many = inputs.size() > 1 || (inputs.size() == 1 && opt.in.inputs[0] != "-" &&
                                          std::filesystem::is_directory(opt.in.inputs[0]));
  if (opt.format == "json" && many) std::cout << "[\n";
  bool first = true;
  size_t read = 0;
  PlanWalk walk(walk_inputs(inputs));
  while (auto file = walk.next()) {
    const std::string path = shown_name(*file, opt.in.stdin_name);
    try {
      std::string bytes = read_plan_bytes(*file, opt.in.stdin_name);
      // Found under a folder: a .txt that is really binary is not a plan
      // (a document a reader takes is not that: read, or refused with why).
      if (file->under_folder && !document_format(bytes, path) && looks_binary(bytes)) continue;
      const Extraction x = analyze(std::move(bytes), path, read_options(opt.in)).extraction;
      ++read;
      if (opt.format == "text") {
        std::cout << visible_lines(format_extraction_text(x, lang));
      } else if (opt.format == "jsonl") {
        write_json(std::cout, x, -1);
        std::cout << '\n';
      } else {
        if (many && !first) std::cout << ",\n";
        write_json(std::cout, x, 2);
        std::cout << (many ? "" : "\n");
      }
      first = false;
    } catch (const SourceError& e) {
      print_error(lang, e.describe(lang));
      status = kExitTrouble;
    }
  }
  if (opt.format == "json" && many) std::cout << "\n]\n";
  std::cout.flush();
  if (read == 0 && status == kExitClean) {
    print_error(lang, std::string(msg::no_plan_files.in(lang)));
    return kExitTrouble;
  }
  return status;
}

}  // namespace plancheck::cli
