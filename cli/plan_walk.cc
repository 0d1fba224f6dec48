#include "plan_walk.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

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

// A NUL byte in the first 4 KiB, outside UTF-16 (which has a BOM), is not text.
bool looks_binary(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  char buf[4096];
  in.read(buf, sizeof buf);
  const auto n = static_cast<size_t>(in.gcount());
  if (n >= 2 && ((buf[0] == '\xFF' && buf[1] == '\xFE') || (buf[0] == '\xFE' && buf[1] == '\xFF'))) return false;
  return std::find(buf, buf + n, '\0') != buf + n;
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
      out.files.push_back(in);  // named by the user: read it, or say why not
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code fe;
      if (!it->is_regular_file(fe)) continue;
      const std::string rel = fs::relative(it->path(), in, fe).generic_string();
      const bool wanted = plan_extension(it->path()) && (opt.include.empty() || matches_any(opt.include, rel)) &&
                          !matches_any(opt.exclude, rel) && !looks_binary(it->path());
      if (wanted) found.push_back(it->path().string());
      else ++out.skipped;
    }
    std::sort(found.begin(), found.end());
    out.files.insert(out.files.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace plancheck::cli
