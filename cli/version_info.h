// What `plancheck --version` says: the program's version and the shipped
// rule sets it holds plans to (docs/cli.md: Version).
#pragma once

#include <string>

#include "plancheck/messages.h"

namespace plancheck::cli {

// From git at build time (cmake/version.cmake), else the project's version.
extern const char* const kFullVersion;

// "plancheck 0.1.0+gc42adaa" and a line per shipped rule set.
std::string version_text(Lang lang);

}  // namespace plancheck::cli
