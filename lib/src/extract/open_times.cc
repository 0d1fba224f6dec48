// A congress's time left open (docs/extraction.md "Open times"): "Đại hội
// đảng bộ cơ sở: thời gian cụ thể sẽ thông báo sau", "Đại hội các chi bộ
// trực thuộc tiến hành theo kế hoạch của từng đảng ủy cơ sở". Such a
// statement yields no milestone; it is kept as an `open_time` notice with
// its level, so that require can say the level's completion is missing.
#include <algorithm>

#include "extract/orgs.h"
#include "extract/scan.h"
#include "extract/vocabulary.h"
#include "plancheck/extract.h"

namespace plancheck {

std::vector<Notice> extract_open_times(const Text& text, const std::vector<TimeExpr>& times) {
  const std::string_view s = text.folded();
  std::vector<Notice> out;
  std::vector<size_t> seen;  // congress phrases already said open
  for (const vocab::OpenTimeWord& w : vocab::kOpenTimeWords) {
    size_t from = 0;
    while (const auto at = scan::find_word(s, from, s.size(), w.words)) {
      const size_t end = *at + w.words.size();
      from = end;
      // The congress phrase nearest before, in the sentence.
      const size_t sb = scan::sentence_begin(s, *at);
      const auto cp = scan::rfind_word(s, sb, *at, vocab::kCongress);
      if (!cp) continue;
      const size_t np = *cp + vocab::kCongress.size();
      const size_t np_end = orgs::congress_phrase_end(s, np, *at);
      const orgs::LevelGuess g = orgs::level_of_phrase(s.substr(np, np_end - np));
      std::optional<Level> level = g.level;
      if (!level && g.bare_chi_bo) level = Level::branch;  // "đại hội các chi bộ trực thuộc"
      if (!level || g.pilot || g.all_levels) continue;     // a pilot's date left open is not the level's
      if (scan::find_word(s, *cp, *at, "thí điểm") || scan::find_word(s, *cp, *at, "làm điểm")) continue;
      // A time in the statement's clause: the level's time is given, what is
      // open is something else ("…, hoàn thành trước 31/3/2025; địa điểm
      // thông báo sau").
      const size_t ce = scan::clause_end(s, end), cb = std::min(*cp, scan::clause_begin(s, *at));
      const bool timed = std::any_of(times.begin(), times.end(), [&](const TimeExpr& t) {
        return t.span.start >= cb && t.span.start < ce;
      });
      if (timed || std::find(seen.begin(), seen.end(), *cp) != seen.end()) continue;
      seen.push_back(*cp);
      Notice& n = out.emplace_back();
      n.code = "open_time";
      n.message = "thời gian đại hội để ngỏ / the congress time is left open";
      n.text.assign(text.normalized(), *cp, end - *cp);
      n.span = text.span(*cp, end);
      n.level = level;
    }
  }
  std::sort(out.begin(), out.end(), [](const Notice& a, const Notice& b) { return a.span.start < b.span.start; });
  return out;
}

}  // namespace plancheck
