#include "config_command.h"

#include <fmt/format.h>

#include <iostream>

#include "command_line.h"
#include "plan_inputs.h"

namespace plancheck::cli {

void setup_config(CLI::App& app, ConfigOptions& opt, Lang lang) {
  auto* sub = app.add_subcommand("config", std::string(msg::config_description.in(lang)));
  sub->add_option(std::string(msg::name_inputs.in(lang)), opt.inputs, std::string(msg::arg_config_inputs.in(lang)));
  sub->add_option("--config", opt.config, std::string(msg::help_config.in(lang)));
  sub->add_flag("--no-config", opt.no_config, std::string(msg::help_no_config.in(lang)));
  offer(sub->add_option("--lang", opt.lang, std::string(msg::help_lang.in(lang))), kLangChoices)->capture_default_str();
  set_footer(*sub, lang, msg::config_examples);
}

namespace {

std::string list_text(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += fmt::format("{}\"{}\"", out.empty() ? "" : ", ", s);
  return "[" + out + "]";
}

template <class T>
void print_key(Lang lang, const char* key, const std::optional<Setting<T>>& s, const std::string& fallback) {
  if (!s) {
    std::cout << fmt::format("  {:<8} = {}  ({})\n", key, fallback, msg::config_default.in(lang));
    return;
  }
  if constexpr (std::is_same_v<T, std::string>)
    std::cout << fmt::format("  {:<8} = \"{}\"  ({})\n", key, s->value, s->from);
  else
    std::cout << fmt::format("  {:<8} = {}  ({})\n", key, list_text(s->value), s->from);
}

}  // namespace

int run_config(const CLI::App& sub, ConfigOptions opt) {
  Lang lang = parse_lang(opt.lang);
  if (!check_choices(lang, {{"--lang", &opt.lang, kLangChoices}})) return kExitTrouble;
  InputOptions in;
  in.inputs = opt.inputs.empty() ? std::vector<std::string>{"."} : opt.inputs;
  in.config = opt.config;
  in.no_config = opt.no_config;
  std::vector<ResolvedInput> inputs;
  try {
    inputs = resolve_inputs(in);
  } catch (const SettingsError& e) {
    print_error(lang, e.describe(lang));
    return kExitTrouble;
  }
  if (sub.get_option("--lang")->count() == 0 && inputs.front().settings.lang)
    lang = parse_lang(inputs.front().settings.lang->value);
  for (size_t i = 0; i < inputs.size(); ++i) {
    const EffectiveSettings& s = inputs[i].settings;
    std::cout << "== " << in.inputs[i] << '\n';
    std::string files;
    for (const auto& f : s.files) files += (files.empty() ? "" : ", ") + f;
    std::cout << "  " << say(msg::config_files, lang, files.empty() ? std::string(msg::config_no_files.in(lang)) : files)
              << '\n';
    print_key(lang, "rules", s.rules, std::string(msg::config_default_rules.in(lang)));
    print_key(lang, "ruleset", s.ruleset, std::string(msg::config_default_ruleset.in(lang)));
    print_key(lang, "include", s.include, "[]");
    print_key(lang, "exclude", s.exclude, "[]");
    print_key(lang, "fail-on", s.fail_on, "\"error\"");
    print_key(lang, "lang", s.lang, "\"vi\"");
    for (const IgnoreRule& i : s.ignores) {
      std::string what;
      if (!i.rule.empty()) what += fmt::format("rule = \"{}\"", i.rule);
      if (!i.category.empty()) what += fmt::format("{}category = \"{}\"", what.empty() ? "" : ", ", i.category);
      const std::string where = i.path.empty() ? std::string(msg::config_every_file.in(lang)) : "\"" + i.path + "\"";
      std::cout << "  " << say(msg::config_ignore, lang, what, where, i.reason, i.from) << '\n';
    }
  }
  return kExitClean;
}

}  // namespace plancheck::cli
