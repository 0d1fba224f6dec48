#include "rule_book.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "command_line.h"

namespace plancheck::cli {

namespace fs = std::filesystem;

std::vector<std::string> rule_files(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return {path};
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(path, ec))
    if (e.path().extension() == ".toml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

RuleBook load_rule_book(const std::vector<std::string>& paths, Lang lang) {
  RuleBook book = RuleBook::builtin();
  for (const auto& p : paths)
    for (const auto& f : rule_files(p)) {
      RuleSet set = load_rule_file(f);
      const std::string id = set.id;
      const auto replaced = book.add(std::move(set));
      if (!replaced) continue;
      // A shipped set may be replaced on purpose, but never in silence; two
      // of the user's files with one id are a mistake (which one holds?).
      if (replaced->starts_with(kBuiltinRulesPrefix)) print_warning(lang, say(msg::rules_replaces_shipped, lang, f, id));
      else throw RuleError({f, 0, 0}, both(msg::rules_two_sets, id, *replaced));
    }
  return book;
}

std::optional<RuleBook> rule_book_or_report(const std::vector<std::string>& paths, bool validate, Lang lang) {
  try {
    RuleBook book = load_rule_book(paths, lang);
    // The built-in sets are the binary's own, and their examples are run by
    // the unit tests (RuleBookTest.ShippedRulesAndTheirExamplesPass): a run with no rule
    // files of the user's does not run them again at every start (they were
    // most of a small plan's cold start). Files of the user's may replace or
    // extend built-in sets: then every set is checked.
    if (validate && !paths.empty()) book.validate();
    return book;
  } catch (const RuleError& e) {
    print_error(lang, e.describe(lang));
    return std::nullopt;
  }
}

}  // namespace plancheck::cli
