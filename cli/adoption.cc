#include "adoption.h"

#include <fmt/format.h>

#include <algorithm>

#include "messages.h"

namespace plancheck::cli {

size_t drop_ignored(const std::vector<IgnoreRule>& list, const std::string& path, std::vector<Diagnostic>& diags) {
  if (list.empty()) return 0;
  const size_t before = diags.size();
  std::erase_if(diags, [&](const Diagnostic& d) {
    return std::any_of(list.begin(), list.end(),
                       [&](const IgnoreRule& i) { return ignores(i, path, d.rule, to_string(d.category)); });
  });
  return before - diags.size();
}

std::string adoption_text(const CheckSummary& s, Lang lang) {
  std::string out;
  if (!s.baseline.empty()) out += say(msg::summary_known, lang, s.known);
  if (s.ignored) out += say(msg::summary_ignored, lang, s.ignored);
  return out;
}

std::string stale_text(const CheckSummary& s, Lang lang) {
  if (s.stale.empty()) return "";
  std::string out = say(msg::summary_stale, lang, s.baseline, s.stale.size()) + "\n";
  for (const auto& e : s.stale) out += fmt::format("    {}:{}: {} [{}]\n", e.file, e.line, e.message, e.rule);
  return out;
}


}  // namespace plancheck::cli
