#include "plan_walk.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "plancheck/settings.h"

namespace plancheck::cli {

namespace {

// Extensions read as plans: text, the formats with a reader (source.h:
// .docx, .html, .htm, .pdf), .doc so that it is reported as refused rather
// than passed over, and for `check` extractions (.json, .jsonl:
// extract_json.h).
bool plan_extension(std::string_view name, bool extractions) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || name.size() - dot > 6) return false;
  std::string ext(name.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".docx" || ext == ".html" || ext == ".htm" || ext == ".pdf" || ext == ".doc" ||
         (extractions && (ext == ".json" || ext == ".jsonl"));
}

// `rel` ends with the file's name: glob_matches() also tries the name alone.
bool matches_any(const std::vector<std::string>& globs, const std::string& rel) {
  for (const auto& g : globs)
    if (glob_matches(g, rel)) return true;
  return false;
}

bool is_folder(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

PlanWalk::PlanWalk(std::vector<WalkInput> inputs) : inputs_(std::move(inputs)) {}

// Reads a folder's entries: sub-folders (not through links) and regular
// files (links to files count as files). An unreadable folder is passed over.
OpenFolder::~OpenFolder() { ::close(fd); }

void PlanWalk::enter(std::string path, std::string rel) {
  Folder f{nullptr, 0, std::move(path), std::move(rel), {}, 0};
  const int fd = ::open(f.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    f.error = errno;  // reported by next(), as a file that could not be read
    stack_.push_back(std::move(f));
    return;
  }
  f.open = std::make_shared<const OpenFolder>(fd);
  const bool extractions = inputs_[input_ - 1].options.extractions;
  const int list_fd = ::dup(fd);  // fdopendir() takes its descriptor over
  if (DIR* d = list_fd >= 0 ? ::fdopendir(list_fd) : nullptr) {
    while (const dirent* e = ::readdir(d)) {
      const std::string_view name = e->d_name;
      // Hidden entries (".git", ".cache", editors' swap files) are not
      // drafts; a hidden folder named on the command line is still walked.
      if (name.starts_with('.')) continue;
      unsigned char type = e->d_type;
      if (type == DT_UNKNOWN || type == DT_LNK) {
        // Asked of the folder held open, as its files are read.
        struct stat st {};
        if (::fstatat(fd, e->d_name, &st, type == DT_UNKNOWN ? AT_SYMLINK_NOFOLLOW : 0) != 0) {
          // A dangling link or a link loop: said if it has a plan's name.
          if (plan_extension(name, extractions)) f.entries.push_back({std::string(name), false, errno});
          continue;
        }
        if (S_ISREG(st.st_mode)) type = DT_REG;
        else if (S_ISDIR(st.st_mode) && type == DT_UNKNOWN) type = DT_DIR;
        else if (S_ISDIR(st.st_mode)) continue;  // a link to a folder: not followed
        else type = DT_FIFO;                      // a device, socket or pipe behind a link
      }
      if (type == DT_DIR) f.entries.push_back({std::string(name), true});
      else if (type == DT_REG) f.entries.push_back({std::string(name), false});
      else if (plan_extension(name, extractions)) f.entries.push_back({std::string(name), false, PlanFile::kNotRegular});
    }
    ::closedir(d);
  } else {
    f.error = errno;
    if (list_fd >= 0) ::close(list_fd);
  }
  std::sort(f.entries.begin(), f.entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
  stack_.push_back(std::move(f));
}

std::optional<PlanFile> PlanWalk::next() {
  for (;;) {
    if (stack_.empty()) {
      if (input_ >= inputs_.size()) return std::nullopt;
      const size_t at = input_++;
      std::string in = inputs_[at].path;
      // Named by the user (or standard input): read it, or say why not.
      if (in == "-" || !is_folder(in)) return PlanFile{std::move(in), at, false, nullptr, {}};
      enter(std::move(in), "");
      continue;
    }
    Folder& f = stack_.back();
    if (f.error) {
      PlanFile unreadable{f.path, input_ - 1, true, nullptr, {}, f.error};
      f.error = 0;
      return unreadable;
    }
    if (f.at >= f.entries.size()) {
      stack_.pop_back();
      continue;
    }
    const Entry& e = f.entries[f.at++];
    std::string path = f.path.ends_with('/') ? f.path + e.name : f.path + '/' + e.name;
    std::string rel = f.rel + e.name;
    if (e.folder) {
      enter(std::move(path), rel + '/');
      continue;
    }
    if (!plan_extension(e.name, inputs_[input_ - 1].options.extractions)) {
      ++skipped_;
      continue;
    }
    const WalkOptions& opt = inputs_[input_ - 1].options;
    if ((!opt.include.empty() && !matches_any(opt.include, opt.include_prefix + rel)) ||
        matches_any(opt.exclude, opt.exclude_prefix + rel)) {
      ++excluded_;
      continue;
    }
    return PlanFile{std::move(path), input_ - 1, true, f.open, e.name, e.unreadable};
  }
}

size_t count_plans(const std::vector<WalkInput>& inputs) {
  PlanWalk walk(inputs);
  size_t n = 0;
  while (walk.next()) ++n;
  return n;
}

}  // namespace plancheck::cli
