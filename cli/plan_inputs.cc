#include "plan_inputs.h"

#include <filesystem>

#include "messages.h"
#include "plancheck/source.h"

namespace plancheck::cli {

namespace fs = std::filesystem;

namespace {

// `input`'s path from `base`, '/'-terminated ("" when it is `base`), for
// globs written relative to `base`; nullopt when it is not under it.
std::string prefix_from(const fs::path& base, const std::string& input) {
  std::error_code ec;
  const fs::path abs = fs::absolute(input, ec).lexically_normal();
  const fs::path rel = abs.lexically_relative(fs::absolute(base, ec).lexically_normal());
  if (rel.empty() || rel == ".") return "";
  std::string s = rel.generic_string();
  return s.ends_with('/') ? s : s + '/';
}

}  // namespace

std::vector<ResolvedInput> resolve_inputs(const InputOptions& opt) {
  std::vector<ResolvedInput> out;
  std::optional<EffectiveSettings> forced;
  if (opt.no_config) forced.emplace();
  else if (!opt.config.empty()) forced = merge_settings({read_settings(opt.config)});
  for (const auto& in : opt.inputs) {
    ResolvedInput r;
    r.settings = forced ? *forced : merge_settings(settings_for(in == "-" ? std::string(".") : in));
    r.walk.path = in;
    if (opt.include_given) r.walk.options.include = opt.include;
    else if (r.settings.include) {
      r.walk.options.include = r.settings.include->value;
      r.walk.options.include_prefix = prefix_from(r.settings.include->folder, in);
    }
    if (opt.exclude_given) r.walk.options.exclude = opt.exclude;
    else if (r.settings.exclude) {
      r.walk.options.exclude = r.settings.exclude->value;
      r.walk.options.exclude_prefix = prefix_from(r.settings.exclude->folder, in);
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<WalkInput> walk_inputs(const std::vector<ResolvedInput>& inputs) {
  std::vector<WalkInput> out;
  out.reserve(inputs.size());
  for (const auto& r : inputs) out.push_back(r.walk);
  return out;
}

std::optional<SourceEncoding> forced_encoding(const InputOptions& in) {
  if (in.encoding == "auto") return std::nullopt;
  return parse_source_encoding(in.encoding);
}

void add_reading_options(CLI::App& sub, InputOptions& in, Lang lang) {
  offer(sub.add_option("--encoding", in.encoding, say(msg::help_encoding, lang, choices_text(kEncodingChoices))),
        kEncodingChoices)
      ->capture_default_str();
  offer(sub.add_option("--tracked-changes", in.tracked_changes,
                       say(msg::help_tracked_changes, lang, choices_text(kTrackedChoices))),
        kTrackedChoices)
      ->capture_default_str();
  offer(sub.add_option("--ocr", in.ocr, say(msg::help_ocr, lang, choices_text(kOcrChoices))), kOcrChoices)
      ->capture_default_str();
}

std::vector<Choice> reading_choices(InputOptions& in) {
  return {{"--encoding", &in.encoding, kEncodingChoices},
          {"--tracked-changes", &in.tracked_changes, kTrackedChoices},
          {"--ocr", &in.ocr, kOcrChoices}};
}

ReadOptions read_options(const InputOptions& in) {
  ReadOptions r;
  r.encoding = forced_encoding(in);
  r.tracked_original = in.tracked_changes == "original";
  r.ocr = parse_ocr_mode(in.ocr).value_or(OcrMode::auto_);
  return r;
}

std::string shown_name(const PlanFile& file, const std::string& stdin_name) {
  return !file.under_folder && file.path == "-" ? stdin_name : file.path;
}

std::string read_plan_bytes(const PlanFile& file, const std::string& stdin_name) {
  if (file.unreadable == PlanFile::kNotRegular) throw SourceError(file.path, 0, 0, both(msg::source_not_regular));
  if (file.unreadable) throw SourceError(file.path, 0, 0, both(msg::source_cannot_open, os_error_text(file.unreadable)));
  if (file.folder) return read_regular_file_at(file.folder->fd, file.name, file.path);
  if (file.under_folder || file.path != "-") return read_file_bytes(file.path);
  try {
    return read_file_bytes("/dev/stdin", {.max_bytes = kMaxDocumentBytes, .streams = true});
  } catch (const SourceError& e) {
    throw SourceError(stdin_name, e.line(), e.column(), e.reason());
  }
}

}  // namespace plancheck::cli
