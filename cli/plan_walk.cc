#include "plan_walk.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>

namespace plancheck::cli {

namespace fs = std::filesystem;

namespace {

// Extensions read as plans today; .docx, .html and .pdf join when their
// readers exist (source.h).
bool plan_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt";
}

bool matches_any(const std::vector<std::string>& globs, const std::string& rel) {
  const std::string base = fs::path(rel).filename().string();
  for (const auto& g : globs)
    if (fnmatch(g.c_str(), rel.c_str(), 0) == 0 || fnmatch(g.c_str(), base.c_str(), 0) == 0) return true;
  return false;
}

}  // namespace

WalkResult walk_plans(const std::vector<std::string>& inputs, const WalkOptions& opt) {
  WalkResult out;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (!fs::is_directory(in, ec)) {
      out.files.push_back({in, false});  // named by the user: read it, or say why not
      continue;
    }
    std::vector<PlanFile> found;
    const std::string root = fs::path(in).generic_string();
    const size_t prefix = root.size() + (root.ends_with('/') ? 0 : 1);
    for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code fe;
      if (!it->is_regular_file(fe)) continue;
      // The path below the folder given: the iterator's paths start with it.
      const std::string full = it->path().generic_string();
      const std::string rel = full.size() > prefix ? full.substr(prefix) : full;
      const bool wanted = plan_extension(it->path()) && (opt.include.empty() || matches_any(opt.include, rel)) &&
                          !matches_any(opt.exclude, rel);
      if (wanted) found.push_back({it->path().string(), true});
      else ++out.skipped;
    }
    std::sort(found.begin(), found.end(), [](const PlanFile& a, const PlanFile& b) { return a.path < b.path; });
    out.files.insert(out.files.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace plancheck::cli
