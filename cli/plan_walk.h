// Which files a `plancheck check FILE|DIR...` run reads: files named on the
// command line always; under a folder, recursively, the plan files that pass
// --include/--exclude, in sorted order whatever the file system's order.
// Symbolic links to folders are not followed (a link loop cannot hang the
// walk); files that are not plans (by extension, or binary content) are
// skipped and counted.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace plancheck::cli {

struct WalkOptions {
  std::vector<std::string> include;  // globs on the path below the folder given ("*.txt", "huyen/*")
  std::vector<std::string> exclude;
};

struct WalkResult {
  std::vector<std::string> files;
  size_t skipped = 0;  // under folders: not a plan by extension, binary, or excluded
};

WalkResult walk_plans(const std::vector<std::string>& inputs, const WalkOptions& opt);

}  // namespace plancheck::cli
