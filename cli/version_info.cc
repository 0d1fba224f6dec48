#include "version_info.h"

#include <fmt/format.h>

#include <cstdint>

#include "messages.h"
#include "plancheck/rules.h"

namespace plancheck::cli {

namespace {

// A rule file has no version of its own: the directive's number and date
// name what it encodes, and this fingerprint of its text tells two builds
// whose files differ (a corrected deadline keeps the directive's date).
// FNV-1a: stable across builds and platforms, unlike std::hash.
std::string fingerprint(std::string_view text) {
  uint64_t h = 14695981039346656037ull;
  for (const unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{:08x}", static_cast<uint32_t>(h ^ (h >> 32)));
}

}  // namespace

std::string version_text(Lang lang) {
  std::string out = fmt::format("plancheck {}\n{}\n", kFullVersion, msg::version_rule_sets.in(lang));
  for (const auto& [name, text] : builtin_rule_files()) {
    try {
      const RuleSet s = parse_rule_file(text, name);
      std::string round = s.national_congress.value_or("");
      if (s.term) round += fmt::format("{}{}-{}", round.empty() ? "" : " ", s.term->from, s.term->to);
      out += fmt::format("  {:<14} {:<10} {}  {:<15} {}\n", s.id, s.number.empty() ? "-" : s.number, s.date.iso(),
                         round.empty() ? "-" : round, fingerprint(text));
    } catch (const std::exception&) {
      // Shipped files are linted by the tests; --version still answers.
      out += fmt::format("  {:<14} ?\n", name);
    }
  }
  return out;
}

}  // namespace plancheck::cli
