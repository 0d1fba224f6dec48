// The rule book a command works with: the shipped rule sets, then every
// `--rules PATH` (a file, or a folder of *.toml) in the order given, a later
// set replacing an earlier one with the same id.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plancheck/check.h"

namespace plancheck::cli {

// The files a `--rules` path stands for, in a stable order.
std::vector<std::string> rule_files(const std::string& path);

// Loads without validating (commands that report every problem, like
// `rules test`, validate themselves). Throws RuleError.
// A user's set that replaces a shipped one is said on stderr (a warning);
// two of the user's files with one id are a RuleError.
RuleBook load_rule_book(const std::vector<std::string>& paths, Lang lang);

// load_rule_book() (and RuleBook::validate() when asked) for a command:
// a RuleError is printed on stderr as `plancheck: error: file:line:col: …`
// and gives nullopt (the command exits 2).
std::optional<RuleBook> rule_book_or_report(const std::vector<std::string>& paths, bool validate, Lang lang);

}  // namespace plancheck::cli
