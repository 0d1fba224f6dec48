// Which files a `plancheck check FILE|DIR...` run reads: files named on the
// command line always; under a folder, recursively, the plan files that pass
// --include/--exclude. The walk is lazy and ordered whatever the file
// system's order: inputs as given, each folder depth first with its entries
// in byte order of their names, so memory holds the folders being walked,
// not the list of every file (a folder of 100,000 plans costs what one of
// 100 does). Symbolic links to folders are not followed (a link loop cannot
// hang the walk); files that are not plans by extension, or excluded, are
// skipped and counted. Nothing that should have been read is passed over in
// silence: a folder that cannot be opened, and a plan-named entry that is a
// dangling link, a link loop, a named pipe, a device or a socket, come out
// of the walk as files with `unreadable` set, for the run to report as it
// reports any file it could not read. Binary content is only seen when a file is read
// (looks_binary() in source.h, asked after document_format(): a .docx or PDF
// goes to its reader, a .doc to its refusal): the checker skips such files
// found under a folder, so each file is opened once.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace plancheck::cli {

struct WalkOptions {
  std::vector<std::string> include;  // globs on the path below the folder given ("*.txt", "huyen/*")
  std::vector<std::string> exclude;
  // The input folder's path from the folder each list's globs are relative
  // to ('/'-terminated; empty when that is the input itself, as for globs
  // given on the command line): a settings file's globs are relative to it.
  std::string include_prefix, exclude_prefix;
  // Also .json and .jsonl files (extractions, for `check`).
  bool extractions = false;
};

// One input of a run: a file or a folder ("-": standard input), with the
// globs that choose the files under it.
struct WalkInput {
  std::string path;
  WalkOptions options;
};

// A folder the walk has open: its files are opened relative to it (the
// path is not resolved from the root for each), for as long as a file of it
// waits to be read.
struct OpenFolder {
  explicit OpenFolder(int fd) : fd(fd) {}
  ~OpenFolder();
  OpenFolder(const OpenFolder&) = delete;
  OpenFolder& operator=(const OpenFolder&) = delete;
  int fd;
};

struct PlanFile {
  std::string path;
  size_t input = 0;           // which of the walk's inputs it comes from
  bool under_folder = false;  // found by the walk, not named by the user
  // Found by the walk: a regular file `name` in `folder` (null when the
  // folder could not be held open: then by its path).
  std::shared_ptr<const OpenFolder> folder;
  std::string name;
  // Why the walk could not give this entry as a regular file to read: an
  // errno, or kNotRegular; 0 when it can be read.
  int unreadable = 0;
  static constexpr int kNotRegular = -1;
};

class PlanWalk {
 public:
  explicit PlanWalk(std::vector<WalkInput> inputs);
  // The next file to check, or nullopt when the walk is done.
  std::optional<PlanFile> next();
  // Under folders so far: not a plan by extension; left out by the globs.
  size_t skipped() const { return skipped_; }
  size_t excluded() const { return excluded_; }

 private:
  struct Entry {
    std::string name;
    bool folder;
    int unreadable = 0;  // as PlanFile::unreadable
  };
  struct Folder {
    std::shared_ptr<const OpenFolder> open;  // null when it could not be opened
    int error = 0;                           // why not (errno), reported once
    std::string path;  // as it will be shown: the input joined with the names below it
    std::string rel;   // below the input folder, '/'-separated, ending in '/' (or empty)
    std::vector<Entry> entries;
    size_t at = 0;
  };
  void enter(std::string path, std::string rel);

  std::vector<WalkInput> inputs_;
  size_t input_ = 0;
  std::vector<Folder> stack_;
  size_t skipped_ = 0, excluded_ = 0;
};

// How many files a walk will give (for a progress bar's total): the same
// walk, keeping nothing.
size_t count_plans(const std::vector<WalkInput>& inputs);

}  // namespace plancheck::cli
