// Which files a `plancheck check FILE|DIR...` run reads: files named on the
// command line always; under a folder, recursively, the plan files that pass
// --include/--exclude, in sorted order whatever the file system's order.
// Symbolic links to folders are not followed (a link loop cannot hang the
// walk); files that are not plans by extension, or excluded, are skipped and
// counted. Binary content is only seen when a file is read (looks_binary() in
// source.h): the checker skips such files found under a folder, so each file
// is opened once.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace plancheck::cli {

struct WalkOptions {
  std::vector<std::string> include;  // globs on the path below the folder given ("*.txt", "huyen/*")
  std::vector<std::string> exclude;
};

struct PlanFile {
  std::string path;
  bool under_folder = false;  // found by the walk, not named by the user
};

struct WalkResult {
  std::vector<PlanFile> files;
  size_t skipped = 0;  // under folders: not a plan by extension, or excluded
};

WalkResult walk_plans(const std::vector<std::string>& inputs, const WalkOptions& opt);

}  // namespace plancheck::cli
