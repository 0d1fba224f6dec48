#include "init_command.h"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <map>

#include "command_line.h"
#include "plan_inputs.h"
#include "plan_walk.h"
#include "plancheck/analyze.h"
#include "plancheck/check.h"
#include "plancheck/settings.h"
#include "plancheck/source.h"
#include "report_output.h"

namespace plancheck::cli {

namespace fs = std::filesystem;

void setup_init(CLI::App& app, InitOptions& opt, Lang lang) {
  auto* sub = app.add_subcommand("init", std::string(msg::init_description.in(lang)));
  sub->add_option(std::string(msg::name_folder.in(lang)), opt.dir, std::string(msg::arg_init_folder.in(lang)));
  sub->add_flag("--force", opt.force, std::string(msg::help_init_force.in(lang)));
  sub->add_option("--lang", opt.lang, std::string(msg::help_lang.in(lang)))->capture_default_str();
  set_footer(*sub, lang, msg::init_examples);
}

namespace {

// The rule set the plans of a folder are held to, as `check` chooses per
// plan (RuleBook::select: the most specific set first), the most common
// first; with how many plans chose it and how many were read.
struct Guess {
  std::string ruleset;
  size_t votes = 0, plans = 0;
};

Guess guess_ruleset(const std::string& dir, const RuleBook& book) {
  WalkInput in;
  in.path = dir;
  PlanWalk walk({in});
  ReadOptions read;
  read.ocr = OcrMode::never;  // a guess is not worth minutes of OCR
  std::map<std::string, size_t> votes;
  Guess g;
  while (const auto file = walk.next()) {
    try {
      std::string bytes = read_plan_bytes(*file, "-");
      if (!document_format(bytes, file->path) && looks_binary(bytes)) continue;
      const Analysis a = analyze(std::move(bytes), file->path, read);
      const auto sets = book.select(a.extraction);
      if (sets.empty()) continue;
      ++g.plans;
      ++votes[sets.front()->id];
    } catch (const SourceError&) {
      // Not a plan this command can read: `check` will say so.
    }
  }
  // The most votes; among equals the first id (a stable choice).
  for (const auto& [id, n] : votes)
    if (n > g.votes) g = {id, n, g.plans};
  return g;
}

}  // namespace

int run_init(const CLI::App&, InitOptions opt) {
  const Lang lang = parse_lang(opt.lang);
  if (!check_choices(lang, {{"--lang", &opt.lang, {"vi", "en"}}})) return kExitTrouble;
  std::error_code ec;
  if (!fs::is_directory(opt.dir, ec)) {
    print_error(lang, say(msg::init_not_folder, lang, opt.dir));
    return kExitTrouble;
  }
  const std::string target = (fs::path(opt.dir) / kSettingsFileName).string();
  if (fs::exists(target, ec) && !opt.force) {
    print_error(lang, say(msg::init_exists, lang, target));
    return kExitTrouble;
  }
  const Guess g = guess_ruleset(opt.dir, RuleBook::builtin());
  std::string text = say(msg::init_header, lang, opt.dir);
  text += g.votes ? say(msg::init_ruleset_guessed, lang, g.votes, g.plans) + fmt::format("ruleset = \"{}\"\n", g.ruleset)
                  : say(msg::init_ruleset_unknown, lang) + "# ruleset = \"tw-45-2025\"\n";
  text += say(msg::init_body, lang);
  // What is written must load back: a mistake here would break every run.
  parse_settings(text, target);
  if (!write_file_whole(target, text, lang)) return kExitTrouble;
  std::cerr << "plancheck: " << say(msg::init_written, lang, target) << '\n';
  return kExitClean;
}

}  // namespace plancheck::cli
