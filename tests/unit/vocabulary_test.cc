// The vocabulary checks itself (issue 17): every row's example, run through
// the code that reads the row, gets the row's meaning; no table holds a word
// twice; tables tried in order hold no phrase after one it contains.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "extract/document_code.h"
#include "extract/orgs.h"
#include "extract/scan.h"
#include "extract/vocabulary.h"
#include "test_util.h"

namespace plancheck {
namespace {

using namespace vocab;

// ---- the examples ----------------------------------------------------------

TEST(Vocabulary, EveryHeadsExampleNamesAUnitOfItsType) {
  for (const Head& h : kHeads) {
    SCOPED_TRACE(std::string(h.words) + ": " + std::string(h.example));
    ASSERT_FALSE(h.example.empty());
    const Text text{std::string(h.example)};
    const auto found = orgs::orgs_in(text, 0, text.folded().size());
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found[0].b, 0u);
    EXPECT_EQ(found[0].head_end - found[0].b, h.words.size());  // this head, not a longer or shorter one
    EXPECT_EQ(found[0].type, h.type);
  }
}

TEST(Vocabulary, EveryLevelRowsExampleIsDecidedByItsRow) {
  for (const LevelRow& row : kLevelRows) {
    SCOPED_TRACE(std::string(row.words) + ": " + std::string(row.example));
    ASSERT_FALSE(row.example.empty());
    EXPECT_EQ(fold(row.example), row.example);  // written folded, as the phrases are read
    const orgs::LevelGuess g = orgs::level_of_phrase(row.example);
    EXPECT_EQ(g.row, &row - kLevelRows);  // first match wins: no row before it takes the example
    switch (row.says) {
      case Says::national: EXPECT_EQ(g.level, Level::national); break;
      case Says::all_levels: EXPECT_TRUE(g.all_levels); break;
      case Says::branch: EXPECT_EQ(g.level, Level::branch); break;
      case Says::grassroots: EXPECT_EQ(g.level, Level::grassroots); break;
      case Says::district: EXPECT_EQ(g.level, Level::district); break;
      case Says::province: EXPECT_EQ(g.level, Level::province); break;
      case Says::under_issuer: EXPECT_TRUE(g.under_issuer); break;
      case Says::of_province:
        EXPECT_TRUE(g.level == Level::district || g.level == Level::grassroots);
        break;
      case Says::below_body: {
        // One level below the body named after the words, else `otherwise`, else the issuer's.
        const std::string_view body = row.example.substr(row.example.find(row.words) + row.words.size());
        if (const auto l = orgs::body_level(body)) {
          auto want = level_below(*l);
          if (want && row.most && *want > *row.most) want = row.most;
          EXPECT_EQ(g.level, want);
        } else if (row.otherwise) {
          EXPECT_EQ(g.level, row.otherwise);
        } else {
          EXPECT_TRUE(g.under_issuer);
        }
        break;
      }
    }
  }
}

TEST(Vocabulary, EveryBodyRowsExampleGetsItsLevel) {
  for (const BodyRow& row : kBodyRows) {
    SCOPED_TRACE(std::string(row.words) + ": " + std::string(row.example));
    ASSERT_FALSE(row.example.empty());
    EXPECT_EQ(orgs::body_level(row.example), row.level);
  }
}

TEST(Vocabulary, EveryIssuerCodesExampleIsReadWithItsLevel) {
  for (const IssuerCode& c : kIssuerCodes) {
    SCOPED_TRACE(std::string(c.code) + ": " + std::string(c.example));
    const std::string_view s = c.example;
    const size_t digits = s.find_first_of("0123456789");
    ASSERT_NE(digits, std::string_view::npos);
    const auto code = codes::read_document_code(s, digits, s.size());
    ASSERT_TRUE(code);
    EXPECT_EQ(code->issuer, c.code);
    // A code with two rows ("TU": tỉnh ủy or thành ủy) has one level.
    EXPECT_EQ(issuer_code_level(code->issuer), c.level);
    if (!c.committee.empty()) {
      EXPECT_TRUE(issuer_code_fits_committee(c.code, std::string(c.committee) + " x"));
    }
  }
}

TEST(Vocabulary, EveryRelationWordsExampleGetsItsRelation) {
  for (const RelationWord& r : kRelations) {
    SCOPED_TRACE(std::string(r.words) + ": " + std::string(r.example));
    const auto times = testing::times_of(std::string(r.example) + ".");
    ASSERT_EQ(times.size(), 1u);
    EXPECT_EQ(times[0].relation, r.relation);
    EXPECT_EQ(fold(times[0].text).substr(0, r.words.size()), r.words);  // the word belongs to the expression
  }
}

TEST(Vocabulary, EveryPartWordsExampleGetsItsPart) {
  for (const PartWord& p : kParts) {
    SCOPED_TRACE(std::string(p.words) + ": " + std::string(p.example));
    const auto times = testing::times_of("Trong " + std::string(p.example) + ".");
    ASSERT_EQ(times.size(), 1u);
    EXPECT_EQ(times[0].part, p.part);
  }
}

TEST(Vocabulary, EveryEventWordsExampleGetsItsEvent) {
  for (const EventWord& e : kEventWords) {
    SCOPED_TRACE(std::string(e.words) + ": " + std::string(e.example));
    const auto x = testing::run(std::string(e.example));
    ASSERT_FALSE(x.milestones.empty());
    EXPECT_EQ(x.milestones[0].event, e.event);
  }
}

// "Đảng bộ xã không thể tổ chức đại hội …": no milestone; without the word, one.
TEST(Vocabulary, EveryCancelWordsExampleCancelsItsStatement) {
  for (const CancelWord& c : kCancelWords) {
    SCOPED_TRACE(std::string(c.words) + ": " + std::string(c.example));
    EXPECT_TRUE(testing::run(std::string(c.example)).milestones.empty());
    std::string without(c.example);
    const size_t at = fold(without).find(std::string(c.words) + " ");
    ASSERT_NE(at, std::string::npos);
    without.erase(at, c.words.size() + 1);
    EXPECT_FALSE(testing::run(without).milestones.empty()) << without;
  }
}

TEST(Vocabulary, EveryTargetWordsExampleIsATarget) {
  for (const TargetWord& t : kTargetWords) {
    SCOPED_TRACE(std::string(t.words) + ": " + std::string(t.example));
    EXPECT_TRUE(testing::run(std::string(t.example)).milestones.empty());
  }
}

// "Đại hội đảng bộ cơ sở: thời gian cụ thể sẽ thông báo sau": one open_time
// notice, of the level the example names, and no milestone.
TEST(Vocabulary, EveryOpenTimeWordsExampleLeavesItsLevelOpen) {
  for (const OpenTimeWord& o : kOpenTimeWords) {
    SCOPED_TRACE(std::string(o.words) + ": " + std::string(o.example));
    const auto x = testing::run(std::string(o.example));
    EXPECT_TRUE(x.milestones.empty());
    size_t open = 0;
    for (const auto& n : x.notices)
      if (n.code == "open_time") {
        ++open;
        EXPECT_EQ(n.level, o.level);
      }
    EXPECT_EQ(open, 1u);
  }
}

TEST(Vocabulary, NumeralsAndMonthNamesHaveTheirValues) {
  EXPECT_EQ(numeral_word_value("một"), 1);
  EXPECT_EQ(numeral_word_value("mười"), 10);
  EXPECT_EQ(numeral_word_value("đơn"), 0);
  for (const MonthName& m : kMonthNames) {
    SCOPED_TRACE(std::string(m.name));
    const auto times = testing::times_of("trong tháng " + std::string(m.name) + " năm 2025.");
    ASSERT_EQ(times.size(), 1u);
    EXPECT_EQ(times[0].period.start.month, m.month);
  }
  // The anchor of the document facts is the congress word and its space.
  EXPECT_EQ(kFactAnchors[1], std::string(kCongress) + " ");
  EXPECT_EQ(std::size(kNationalCongresses), 6u);
  EXPECT_EQ(scan::roman_value(kNationalCongresses[0]), kFirstNationalCongress);
  for (size_t k = 0; k < std::size(kNationalCongresses); ++k)
    EXPECT_EQ(scan::roman_value(kNationalCongresses[k]), kFirstNationalCongress + static_cast<int>(k));
}

// ---- the tables' shape -----------------------------------------------------

template <typename Rows, typename Words>
void expect_distinct(const Rows& rows, Words words, const char* table) {
  std::set<std::string_view> seen;
  for (const auto& r : rows) EXPECT_TRUE(seen.insert(words(r)).second) << table << ": \"" << words(r) << "\" twice";
}
template <size_t N>
void expect_distinct(const std::string_view (&words)[N], const char* table) {
  expect_distinct(words, [](std::string_view w) { return w; }, table);
}

TEST(Vocabulary, NoTableHoldsAWordTwice) {
#define WORDS(t) expect_distinct(t, #t)
#define ROWS(t, member) expect_distinct(t, [](const auto& r) { return r.member; }, #t)
  ROWS(kHeads, words);
  WORDS(kNameStops);
  WORDS(kPlaceKinds);
  WORDS(kPlaceWords);
  WORDS(kLowerPlaces);
  WORDS(kCentralCities);
  WORDS(kNameWords);
  WORDS(kNumerals);
  ROWS(kLevelRows, words);
  ROWS(kBodyRows, words);
  WORDS(kCongressPhraseEnds);
  WORDS(kPilotWordsBefore);
  WORDS(kNotPilotWordsAfter);
  WORDS(kPilotDoingVerbs);
  WORDS(kPilotPrepositions);
  WORDS(kCountedNouns);
  WORDS(kChooseVerbs);
  WORDS(kDirectVerbs);
  WORDS(kBareCongressVerbs);
  WORDS(kBackReferences);
  WORDS(kBlockers);
  ROWS(kEventWords, words);
  WORDS(kAuxiliaries);
  WORDS(kSessionNouns);
  ROWS(kCancelWords, words);
  WORDS(kComplementWords);
  WORDS(kRemainderNouns);
  ROWS(kTargetWords, words);
  ROWS(kOpenTimeWords, words);
  WORDS(kPersonTitles);
  WORDS(kTargetGlue);
  WORDS(kBoundWords);
  WORDS(kSpeechVerbs);
  ROWS(kMonthNames, name);
  ROWS(kParts, words);
  ROWS(kHalves, words);
  WORDS(kTimesOfDay);
  WORDS(kDeicticDays);
  WORDS(kSeveralDays);
  ROWS(kRelations, words);
  ROWS(kMarklessWords, bare);
  ROWS(kMarklessRelations, letters);
  WORDS(kRangeConnectors);
  WORDS(kIssuedWords);
  WORDS(kDateLeadWords);
  WORDS(kOtherArticlesHeadings);
  ROWS(kKinds, words);
  ROWS(kTypeCodes, code);
  WORDS(kCountUnits);
  WORDS(kIssuerStops);
  WORDS(kNationalCongresses);
  WORDS(kTelexKeywords);
  WORDS(kCommitteeSyllables);
  WORDS(kFactAnchors);
  WORDS(kPilotCongressWords);
  WORDS(kSelectorPlaces);
  WORDS(kIssuingAdverbs);
  // (kIssuerCodes holds a code twice where it stands for two committees: "TU".)
#undef WORDS
#undef ROWS
}

// A table tried in order, the first match winning, never holds a phrase
// after one that it ends in (words before a time: "chậm nhất là" before
// "chậm nhất") or that it holds as whole words (words in a phrase).
bool ends_in(std::string_view phrase, std::string_view w) {
  return phrase.size() > w.size() && phrase.ends_with(w) && phrase[phrase.size() - w.size() - 1] == ' ';
}
bool holds(std::string_view phrase, std::string_view w) {
  return phrase.size() > w.size() && scan::find_word(phrase, 0, phrase.size(), w).has_value();
}
// (A level row that counts only before a city takes no other row's phrase.)
constexpr bool takes_only_cities(const LevelRow& row) { return row.city_after; }
template <typename Row>
constexpr bool takes_only_cities(const Row&) { return false; }
template <typename Row, size_t N, typename Words, typename Shadows>
void expect_longer_first(const Row (&rows)[N], Words words, Shadows shadows, const char* table) {
  for (size_t i = 0; i < N; ++i)
    for (size_t j = i + 1; j < N; ++j)
      if (!takes_only_cities(rows[i])) {
        EXPECT_FALSE(shadows(words(rows[j]), words(rows[i])))
            << table << ": \"" << words(rows[j]) << "\" after \"" << words(rows[i]) << "\" that takes it first";
      }
}

TEST(Vocabulary, FirstMatchTablesPutLongerPhrasesFirst) {
  const auto w = [](const auto& r) { return r.words; };
  const auto id = [](std::string_view s) { return s; };
#define ENDING(t, words) expect_longer_first(t, words, ends_in, #t)
#define HOLDING(t) expect_longer_first(t, w, holds, #t)
  // Words before a time or a word (scan::WordsBefore: the first that ends there wins).
  ENDING(kRelations, w);
  ENDING(kParts, w);
  ENDING(kHalves, w);
  ENDING(kKinds, w);
  ENDING(kCancelWords, w);
  ENDING(kTargetWords, w);
  ENDING(kEventWords, w);
  ENDING(kTimesOfDay, id);
  ENDING(kDateLeadWords, id);
  ENDING(kPilotWordsBefore, id);
  // Words in a phrase (the first row whose words it holds wins).
  HOLDING(kBodyRows);
  HOLDING(kLevelRows);
#undef ENDING
#undef HOLDING
}

}  // namespace
}  // namespace plancheck
