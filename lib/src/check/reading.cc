// reading: what a clean result would hide — a plan read as nothing (docs/
// rules/reading.md). Not a rule of any directive: these findings come with
// every check, whatever rule sets apply (none may), so that exit 0 means
// "read, and nothing wrong", never "never read".
#include "check/context.h"

namespace plancheck::checks {

void add_reading_findings(const Extraction& x, std::vector<Diagnostic>& out) {
  auto add = [&](const char* rule, Category category, std::optional<Span> span, LocalText message) {
    Diagnostic d;
    d.rule = rule;
    d.category = category;
    d.severity = Severity::warning;
    d.span = span;
    d.message_vi = std::move(message.vi);
    d.message_en = std::move(message.en);
    out.push_back(std::move(d));
  };
  bool illegible = false;
  for (const auto& n : x.notices) {
    if (n.code == "legacy_encoding") {
      add(kReadingLegacyEncoding, Category::text, n.span, both(msg::reading_legacy_encoding, n.text));
      illegible = true;
    } else if (n.code == "no_diacritics") {
      add(kReadingNoDiacritics, Category::text, n.span, both(msg::reading_no_diacritics));
      illegible = true;
    }
  }
  // Said once: a text that is illegible says why instead.
  if (!illegible && x.milestones.empty() && x.pilots.empty())
    add(kReadingNothingRead, Category::missing, std::nullopt, both(msg::reading_nothing_read));
}

}  // namespace plancheck::checks

namespace plancheck {

bool says_never_read(const Diagnostic& d) {
  return d.rule == checks::kReadingLegacyEncoding || d.rule == checks::kReadingNothingRead;
}

}  // namespace plancheck
