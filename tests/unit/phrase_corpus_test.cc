// The phrase corpora (tests/corpus/*.vi.tsv), Duckling-style: each row a
// phrase as real plans write it and what it means. One driver reads them
// all; a new form the extractor learns is a new row, not a new test.
//
// times.vi.tsv: context, phrase, relation, start, end, grain, part. The
//   text read is "<context> <phrase>." ("-": no context); the phrase must
//   give exactly one time expression, ending where the phrase ends (the
//   words of its relation may or may not be in its text), with that
//   meaning. Relation "-": the phrase gives no time at all (counts,
//   fractions, durations, terms).
// orgs.vi.tsv: sentence, name, type, level. The sentence must yield a unit
//   named exactly `name` (NFC as written) of that type and level ("-": no
//   level).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "plancheck/analyze.h"
#include "plancheck/text.h"

namespace plancheck {
namespace {

struct Row {
  int line;
  std::vector<std::string> cells;
};

std::vector<Row> read_tsv(const std::string& name, size_t columns) {
  const std::string path = std::string(PLANCHECK_SOURCE_DIR) + "/tests/corpus/" + name;
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::vector<Row> rows;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    Row r{n, {}};
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, '\t');) r.cells.push_back(cell);
    EXPECT_EQ(r.cells.size(), columns) << name << ":" << n << ": " << columns << " columns expected";
    if (r.cells.size() == columns) rows.push_back(std::move(r));
  }
  return rows;
}

TEST(PhraseCorpus, Times) {
  const auto rows = read_tsv("times.vi.tsv", 7);
  ASSERT_GT(rows.size(), 40u);
  for (const auto& r : rows) {
    const std::string& context = r.cells[0];
    const std::string& phrase = r.cells[1];
    SCOPED_TRACE("times.vi.tsv:" + std::to_string(r.line) + ": " + phrase);
    const std::string prefix = context == "-" ? "" : context + " ";
    const Analysis a = analyze_utf8(prefix + phrase + ".", "phrase.txt");
    std::vector<const TimeExpr*> in_phrase;
    for (const auto& t : a.extraction.times)
      if (t.span.start >= prefix.size()) in_phrase.push_back(&t);
    if (r.cells[2] == "-") {
      EXPECT_TRUE(in_phrase.empty()) << "a time where none is: " << in_phrase.front()->text;
      continue;
    }
    ASSERT_EQ(in_phrase.size(), 1u);
    const TimeExpr& t = *in_phrase.front();
    // As read: a keyword typed without its marks is read with them ("truoc ngay").
    EXPECT_TRUE(Text(phrase).normalized().ends_with(t.text)) << t.text;
    EXPECT_EQ(to_string(t.relation), r.cells[2]);
    EXPECT_EQ(t.period.start.iso(), r.cells[3]);
    EXPECT_EQ(t.period.end.iso(), r.cells[4]);
    EXPECT_EQ(to_string(t.period.grain), r.cells[5]);
    EXPECT_EQ(std::string(to_string(t.part)), r.cells[6] == "-" ? "" : r.cells[6]);
  }
}

TEST(PhraseCorpus, Organisations) {
  const auto rows = read_tsv("orgs.vi.tsv", 4);
  ASSERT_GT(rows.size(), 15u);
  for (const auto& r : rows) {
    SCOPED_TRACE("orgs.vi.tsv:" + std::to_string(r.line) + ": " + r.cells[1]);
    const Analysis a = analyze_utf8(r.cells[0], "phrase.txt");
    const Unit* found = nullptr;
    for (const auto& u : a.extraction.units)
      if (u.name == r.cells[1]) found = &u;
    if (!found) {
      std::string seen;
      for (const auto& u : a.extraction.units) seen += " [" + u.name + "]";
      FAIL() << "no unit named so; units:" << seen;
    }
    EXPECT_EQ(to_string(found->type), r.cells[2]);
    EXPECT_EQ(found->level ? to_string(*found->level) : "-", r.cells[3]);
  }
}

}  // namespace
}  // namespace plancheck
