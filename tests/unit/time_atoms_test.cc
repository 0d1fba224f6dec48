// The typed time atom matcher against the RE2 pattern generated from the
// same declaration (extract/patterns.h) on the folded text of real plans and
// on random runs of the pieces dates are written with: the same end,
// alternative and captured values; what it matches and reads on the forms
// of DOMAIN.md §3; and what the generated pattern looks like.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "extract/patterns.h"
#include "extract/time_atoms.h"
#include "plancheck/text.h"
#include "test_util.h"

namespace plancheck {
namespace {

using times::AtomKind;
using times::Slot;

// "end 7 #17 kind 0 bare d=14 d2=15 m=7" (end in bytes, #alternative): for
// the assertions and failure messages.
std::string describe(const std::optional<times::AtomMatch>& m) {
  if (!m) return "<none>";
  static const char* kSlotNames[times::kSlots] = {"d", "d2", "m", "m2", "y", "q", "h", "sep", "sep2"};
  std::string r = "end " + std::to_string(m->end) + " #" + std::to_string(m->alternative) + " kind " +
                  std::to_string(static_cast<int>(m->kind)) + (m->bare ? " bare" : "");
  for (size_t k = 0; k < times::kSlots; ++k)
    if (m->values[k] >= 0) r += std::string(" ") + kSlotNames[k] + "=" + std::to_string(m->values[k]);
  return r;
}

void expect_same_at(std::string_view s, size_t pos, size_t limit, const std::string& what) {
  const auto got = times::match_atom(s, pos, limit);
  const auto want = patterns::time_atom(s, pos, limit);
  ASSERT_TRUE(got == want) << what << " at " << pos << " limit " << limit << ": '" << s.substr(pos, 48)
                           << "'\n typed: " << describe(got) << "\n   RE2: " << describe(want);
}

TEST(TimeAtoms, MatchesTheFormsOfPlans) {
  const auto matched = [](std::string_view s) -> std::string_view {
    const auto e = times::match_atom(s, 0, s.size());
    return e ? s.substr(0, e->end) : std::string_view("<none>");
  };
  EXPECT_EQ(matched("ngày 20/9/2024 của"), "ngày 20/9/2024");
  EXPECT_EQ(matched("15 - 30/3/2020,"), "15 - 30/3/2020");
  EXPECT_EQ(matched("ngày 7 và 8-5 tại"), "ngày 7 và 8-5");
  EXPECT_EQ(matched("ngày 02 tháng 10 năm 2024"), "ngày 02 tháng 10 năm 2024");
  EXPECT_EQ(matched("ngày 25/9 hằng năm"), "ngày 25/9");
  EXPECT_EQ(matched("tháng 4 đến tháng 6/2025"), "tháng 4 đến tháng 6/2025");
  EXPECT_EQ(matched("tháng 7, năm 2025"), "tháng 7, năm 2025");
  EXPECT_EQ(matched("quý iii/2025"), "quý iii/2025");
  EXPECT_EQ(matched("quý i năm 2025"), "quý i năm 2025");
  EXPECT_EQ(matched("sáu tháng đầu năm 2025"), "sáu tháng đầu năm 2025");
  EXPECT_EQ(matched("nửa cuối năm 2025"), "nửa cuối năm 2025");
  EXPECT_EQ(matched("năm 2025"), "năm 2025");
  // A whole date before two days of a month: "ngày 31-12-2019" is not "ngày 31-12" and a cut year.
  EXPECT_EQ(matched("ngày 31-12-2019 của"), "ngày 31-12-2019");
  EXPECT_EQ(matched("ngày 15.3.2020;"), "ngày 15.3.2020");
  EXPECT_EQ(matched("9 đến 11-10-2025)"), "9 đến 11-10-2025");
  EXPECT_EQ(matched("ngày 26 đến 28/8."), "ngày 26 đến 28/8");
  // A bare day and month (a date only with a word in front: times.cc).
  EXPECT_EQ(matched("4.3, đoàn"), "4.3");
  EXPECT_EQ(matched("2-10, Tỉnh ủy"), "2-10");
  EXPECT_EQ(matched("1 / 2 ngày"), "<none>");
  EXPECT_EQ(matched("14-15/7,"), "14-15/7");
  EXPECT_EQ(matched("ngày 3, 4 và 5.6.2020 tại"), "ngày 3, 4 và 5.6.2020");
  EXPECT_EQ(matched("ngày 9 và 10-7-2020."), "ngày 9 và 10-7-2020");
  EXPECT_EQ(matched("ngày 14 tháng 7,"), "ngày 14 tháng 7");
  // A date cut short falls back to what it still is; three digits are no day.
  EXPECT_EQ(matched("ngày 20/9/20"), "ngày 20/9");
  EXPECT_EQ(matched("tháng 123"), "tháng 12");
  EXPECT_EQ(matched("năm 202"), "<none>");
  EXPECT_EQ(matched("quý v/2025"), "<none>");
}

// What each alternative means: its kind and the values of its captures,
// numbers and words alike, declared with the grammar (time_atoms.cc).
TEST(TimeAtoms, CarriesTheMeaningOfTheAlternative) {
  const auto read = [](std::string_view s) { return describe(times::match_atom(s, 0, s.size())); };
  const auto kind = [](AtomKind k) { return " kind " + std::to_string(static_cast<int>(k)); };
  EXPECT_EQ(read("ngày 20/9/2024"), "end 15 #2" + kind(AtomKind::day) + " d=20 m=9 y=2024 sep=47 sep2=47");
  EXPECT_EQ(read("20/9-2024"), "end 9 #2" + kind(AtomKind::day) + " d=20 m=9 y=2024 sep=47 sep2=45");
  // The first day to the last; the day between is no capture.
  EXPECT_EQ(read("ngày 3, 4 và 5.6.2020"), "end 23 #1" + kind(AtomKind::day_range) + " d=3 d2=5 m=6 y=2020");
  EXPECT_EQ(read("15 - 30/3/2020"), "end 14 #0" + kind(AtomKind::day_range) + " d=15 d2=30 m=3 y=2020");
  EXPECT_EQ(read("14-15/7"), "end 7 #17" + kind(AtomKind::day_range) + " bare d=14 d2=15 m=7");
  EXPECT_EQ(read("16 và sáng 17.10"), "end 18 #18" + kind(AtomKind::day_range) + " bare d=16 d2=17 m=10");
  EXPECT_EQ(read("4.3"), "end 3 #19" + kind(AtomKind::day_month) + " bare d=4 m=3");
  EXPECT_EQ(read("ngày 14 tháng 7"), "end 17 #5" + kind(AtomKind::day_no_year) + " d=14 m=7");
  EXPECT_EQ(read("tháng 4 đến tháng 6/2025"), "end 29 #8" + kind(AtomKind::month_range) + " m=4 m2=6 y=2025");
  EXPECT_EQ(read("tháng mười một năm 2025"), "end 30 #11" + kind(AtomKind::month) + " m=11 y=2025");
  EXPECT_EQ(read("quý iv/2025"), "end 12 #12" + kind(AtomKind::quarter) + " y=2025 q=4");
  EXPECT_EQ(read("quý 3"), "end 6 #13" + kind(AtomKind::quarter_no_year) + " q=3");
  EXPECT_EQ(read("sáu tháng cuối năm 2025"), "end 28 #14" + kind(AtomKind::half) + " y=2025 h=2");
  EXPECT_EQ(read("nửa sau năm 2025"), "end 19 #15" + kind(AtomKind::half) + " y=2025 h=2");
  EXPECT_EQ(read("năm 2025"), "end 9 #16" + kind(AtomKind::year) + " y=2025");
}

// The RE2 pattern is generated from the declaration: each alternative one
// group, each capture a group inside it, in the pattern's order.
TEST(TimeAtoms, GeneratesTheRe2Pattern) {
  const std::string& p = patterns::time_atom_pattern();
  EXPECT_NE(p.find("|(quý ((?:iv|iii|ii|i|1|2|3|4))(?: )?(?:/|-|, năm | năm )(?: )?(\\d{4}))|"), std::string::npos) << p;
  EXPECT_NE(p.find("|(năm (\\d{4}))|"), std::string::npos) << p;
  EXPECT_TRUE(p.ends_with("|((\\d{1,2})(?:/|\\.|-)(\\d{1,2}))")) << p;
  const auto& groups = times::atom_groups();
  size_t alternatives = 0;
  for (const auto& g : groups) alternatives += g.alternative >= 0;
  EXPECT_EQ(alternatives, 20u);
  // "day and month, bare": the last alternative, then its day and month.
  ASSERT_GE(groups.size(), 3u);
  const auto& last = groups[groups.size() - 3];
  EXPECT_EQ(last.name, "day and month, bare");
  EXPECT_EQ(last.kind, AtomKind::day_month);
  EXPECT_TRUE(last.bare);
  EXPECT_EQ(groups[groups.size() - 2].slot, Slot::day);
  EXPECT_EQ(groups.back().slot, Slot::month);
  EXPECT_EQ(groups.back().value("07"), 7);
}

TEST(TimeAtoms, EnginesAgreeOnEveryShippedPlanAndSeed) {
  const auto texts = testing::shipped_texts();
  size_t atoms = 0;
  for (const auto& [name, utf8] : texts) {
    const Text text(utf8);
    const std::string_view s = text.folded();
    for (size_t pos = 0; pos < s.size(); ++pos) {
      const auto limit = std::min(s.size(), pos + 64);
      expect_same_at(s, pos, limit, name);
      atoms += times::match_atom(s, pos, limit).has_value();
    }
  }
  EXPECT_GE(texts.size(), 8u);
  EXPECT_GE(atoms, 200u);  // the comparison saw atoms, not only misses
}

// Date-shaped strings: words, numbers and what joins them in the order
// dates put them (a word before a number, a separator or connector after
// it), with the odd piece out of place; numbers of one to five digits,
// Roman numerals, separators with and without spaces; cut at a random
// limit now and then.
TEST(TimeAtoms, EnginesAgreeOnRandomDateShapes) {
  static const char* kWords[] = {"ngày ", "tháng ", "năm ", "quý ", "nửa ", "sáu ", "6 ", "đầu ", "cuối ", "sau ",
                                 "ngày",  "tháng", "năm",  "x ",   "quý i", "quý iv", "quý v", "quý ii",
                                 "nửa sau năm ", "nửa cuối năm ", "6 tháng đầu năm ", "sáu tháng cuối năm ",
                                 "sáu tháng sau năm ", "ngày 5 tháng ", "ngày 3, 4 và ", "ngày 9 và ", "ngày 1,"};
  static const char* kNumbers[] = {"1", "9", "12", "30", "123", "2025", "20251", "0", "i", "iii", "iv"};
  static const char* kJoins[] = {"/",   " / ", ".",  "-",    " - ", " -",   "- ",      ",",   ", ",     " ",
                                 "đến", " đến ", " tới ", "tới", " và ", ", năm ", " năm ", " tháng ", " ngày ", "",
                                 ", năm ", " tháng ", ",năm "};
  std::mt19937 rng(2025);
  const auto pick = [&](const auto& pieces) { return std::string(pieces[rng() % std::size(pieces)]); };
  for (int round = 0; round < 60000; ++round) {
    std::string s = rng() % 2 ? pick(kWords) : "";
    const size_t numbers = 1 + rng() % 4;
    for (size_t k = 0; k < numbers; ++k) {
      s += pick(kNumbers);
      s += rng() % 6 ? pick(kJoins) : pick(kWords);
    }
    const size_t limit = rng() % 3 == 0 ? rng() % (s.size() + 1) : s.size();
    for (size_t pos = 0; pos < s.size(); ++pos) expect_same_at(s, pos, std::max(limit, pos), "random");
    if (::testing::Test::HasFailure()) return;
  }
}

}  // namespace
}  // namespace plancheck
