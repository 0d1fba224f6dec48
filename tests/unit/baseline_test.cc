// The baseline (baseline.h): entries matched by file and fingerprint,
// counted; stale entries; paths normalized; the file format round-trips.
#include "plancheck/baseline.h"

#include <gtest/gtest.h>

namespace plancheck {
namespace {

Diagnostic finding(const std::string& rule, const std::string& fingerprint, uint32_t line) {
  Diagnostic d;
  d.rule = rule;
  d.fingerprint = fingerprint;
  d.span = Span{0, 1, line, 1};
  d.message_vi = d.message_en = rule;
  return d;
}

TEST(Baseline, FileKeysAreNormalized) {
  EXPECT_EQ(baseline_file_key("./a/b.txt"), "a/b.txt");
  EXPECT_EQ(baseline_file_key("a/./c/../b.txt"), "a/b.txt");
  EXPECT_EQ(baseline_file_key("a//b.txt"), "a/b.txt");
  EXPECT_EQ(baseline_file_key("plans/"), "plans");
}

TEST(Baseline, RoundTripsAndCountsDuplicates) {
  const std::string text = baseline_json({baseline_entry("./k/a.txt", finding("r/deadline", "f1", 11), Lang::en),
                                          baseline_entry("k/a.txt", finding("r/pilot", "f2", 14), Lang::en)});
  const Baseline b = Baseline::parse(text, "b.json");
  ASSERT_EQ(b.entries().size(), 2u);
  EXPECT_EQ(b.entries()[0].file, "k/a.txt");
  EXPECT_EQ(b.entries()[0].line, 11u);

  // Two identical findings against one entry: one is known, one new.
  std::vector<Diagnostic> diags{finding("r/deadline", "f1", 20), finding("r/deadline", "f1", 30),
                                finding("r/start", "f3", 31)};
  b.mark("k/a.txt", diags);
  EXPECT_EQ(diags[0].baseline, BaselineState::known);
  EXPECT_EQ(diags[1].baseline, BaselineState::new_);
  EXPECT_EQ(diags[2].baseline, BaselineState::new_);
  // Another file with the same finding: new there.
  std::vector<Diagnostic> other{finding("r/deadline", "f1", 11)};
  b.mark("k/b.txt", other);
  EXPECT_EQ(other[0].baseline, BaselineState::new_);

  // f2 matched nothing in a file the run looked at: stale.
  const auto stale = b.stale({{"k/a.txt", {{"f1", 1}}}}, [](const std::string&) { return true; });
  ASSERT_EQ(stale.size(), 1u);
  EXPECT_EQ(stale[0].fingerprint, "f2");
  // A file the run did not look at, which is gone: all its entries are stale.
  EXPECT_EQ(b.stale({}, [](const std::string&) { return false; }).size(), 2u);
}

TEST(Baseline, RefusesWhatIsNotOne) {
  EXPECT_THROW(Baseline::parse("{", "b.json"), BaselineError);
  EXPECT_THROW(Baseline::parse("{\"schema\": \"plancheck.check/1\", \"findings\": []}", "b.json"), BaselineError);
  EXPECT_THROW(Baseline::parse("{\"schema\": \"plancheck.baseline/1\", \"findings\": [{\"file\": \"a\"}]}", "b.json"),
               BaselineError);
  EXPECT_NO_THROW(Baseline::parse("{\"schema\": \"plancheck.baseline/1\", \"findings\": []}", "b.json"));
}

}  // namespace
}  // namespace plancheck
