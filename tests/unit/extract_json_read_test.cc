// read_extract_json(): what write_json() writes reads back to the same
// model; what is malformed is located at the JSON's line:column.
#include <gtest/gtest.h>

#include <sstream>

#include "plancheck/analyze.h"
#include "plancheck/check.h"
#include "plancheck/extract_json.h"
#include "test_util.h"

namespace plancheck {
namespace {

std::string dumped(const Extraction& x, int indent) {
  return to_json(x).dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

TEST(ExtractJsonRead, WhatIsWrittenReadsBack) {
  const auto texts = testing::shipped_texts();
  ASSERT_GE(texts.size(), 8u);
  std::string lines;
  std::vector<Extraction> all;
  for (const auto& [name, utf8] : texts) all.push_back(analyze_utf8(utf8, name).extraction);
  for (const auto& x : all) {
    SCOPED_TRACE(x.file);
    const auto items = read_extract_json(dumped(x, 2), "x.json");
    ASSERT_EQ(items.size(), 1u);
    ASSERT_TRUE(items[0].extraction) << items[0].error->what();
    EXPECT_EQ(dumped(*items[0].extraction, 2), dumped(x, 2));
    lines += dumped(x, -1) + "\n";
  }
  // JSON lines, and the array `extract --format json` prints for several files.
  const auto from_lines = read_extract_json(lines, "all.jsonl");
  ASSERT_EQ(from_lines.size(), all.size());
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& x : all) array.push_back(to_json(x));
  const auto from_array = read_extract_json(array.dump(2), "all.json");
  ASSERT_EQ(from_array.size(), all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    ASSERT_TRUE(from_lines[i].extraction && from_array[i].extraction);
    EXPECT_EQ(dumped(*from_lines[i].extraction, -1), dumped(all[i], -1));
    EXPECT_EQ(dumped(*from_array[i].extraction, -1), dumped(all[i], -1));
  }
}

TEST(ExtractJsonRead, FieldsMayBeLeftOut) {
  const auto items = read_extract_json(R"({"schema": "plancheck.extract/1",
    "references": [{"id": "35-CT/TƯ", "date": "2024-06-14"}],
    "milestones": [{"level": "grassroots", "event": "complete",
                    "time": {"relation": "before", "period": {"start": "2025-07-01", "end": "2025-07-31"}}}],
    "pilots": [{"kind": "model_congress", "units": ["Đảng bộ xã A", "Đảng bộ xã B"]}]})",
                                       "form.json");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].extraction) << items[0].error->what();
  const Extraction& x = *items[0].extraction;
  EXPECT_EQ(x.file, "");
  ASSERT_EQ(x.references.size(), 1u);
  EXPECT_EQ(x.references[0].number, "35");
  EXPECT_EQ(x.references[0].type, "CT");
  EXPECT_EQ(x.references[0].issuer_code, "TW");  // canonical, as the extractor keeps it
  EXPECT_EQ(x.references[0].kind, "other");
  ASSERT_EQ(x.milestones.size(), 1u);
  EXPECT_EQ(x.milestones[0].time.period.grain, Grain::month);
  EXPECT_FALSE(x.milestones[0].span.known());
  EXPECT_FALSE(x.milestones[0].time.span.known());
  ASSERT_EQ(x.pilots.size(), 1u);
  EXPECT_EQ(x.pilots[0].count, 2);
  EXPECT_FALSE(x.pilots[0].time);
}

TEST(ExtractJsonRead, DiagnosticsOfSpansNotGivenHaveNone) {
  const auto items = read_extract_json(R"({"schema": "plancheck.extract/1",
    "document": {"term": {"from": 2025, "to": 2030}, "national_congress": "XIV"},
    "references": [{"id": "35-CT/TW", "kind": "chi_thi", "date": "2024-06-14"}],
    "milestones": [{"level": "grassroots", "event": "complete",
                    "time": {"text": "trong tháng 7/2025", "relation": "in",
                             "period": {"start": "2025-07-01", "end": "2025-07-31"}}}]})",
                                       "form.json");
  ASSERT_TRUE(items.at(0).extraction);
  const RuleBook book = RuleBook::builtin();
  const auto diags = check(*items[0].extraction, book.select(*items[0].extraction), book);
  const auto late = std::find_if(diags.begin(), diags.end(),
                                 [](const Diagnostic& d) {
                                   return d.rule.ends_with("/grassroots-deadline") && d.severity == Severity::error;
                                 });
  ASSERT_NE(late, diags.end());
  EXPECT_FALSE(late->span);
}

void expect_error_at(std::string_view json, int line, int column, std::string_view says) {
  SCOPED_TRACE(json);
  std::vector<ExtractJsonItem> items;
  try {
    items = read_extract_json(json, "f.json");
  } catch (const LocatedError& e) {
    EXPECT_EQ(e.where().line, line) << e.what();
    EXPECT_EQ(e.where().column, column) << e.what();
    EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
    return;
  }
  const auto bad = std::find_if(items.begin(), items.end(), [](const ExtractJsonItem& i) { return i.error; });
  ASSERT_NE(bad, items.end());
  EXPECT_EQ(bad->error->where().file, "f.json");
  EXPECT_EQ(bad->error->where().line, line) << bad->error->what();
  EXPECT_EQ(bad->error->where().column, column) << bad->error->what();
  EXPECT_NE(std::string(bad->error->what()).find(says), std::string::npos) << bad->error->what();
}

TEST(ExtractJsonRead, MalformedIsLocated) {
  // A syntax error: where the parser stopped.
  expect_error_at("{\n  \"schema\": \"plancheck.extract/1\",\n  \"times\": [,]\n}", 3, 13, "invalid JSON");
  // A value outside the vocabulary, a wrong type, an impossible date, a
  // missing member: at the value (code points: "Đ" is one column), or at
  // the object that lacks it.
  expect_error_at(
      "{\"schema\": \"plancheck.extract/1\",\n \"milestones\": [\n  {\"subject\": \"Đại hội\", \"level\": \"county\"}]}",
      3, 35, "field milestones[0].level: must be one of branch, grassroots");
  expect_error_at("{\"schema\": \"plancheck.extract/1\", \"pilots\": [{\"kind\": \"model_congress\", \"count\": -2}]}", 1,
                  82, "field pilots[0].count: must be a non-negative integer");
  expect_error_at(
      "{\"schema\": \"plancheck.extract/1\", \"times\": [\n"
      "  {\"relation\": \"in\", \"period\": {\"start\": \"2025-02-01\", \"end\": \"2025-02-30\"}}]}",
      2, 63, "field times[0].period.end: must be a real date");
  expect_error_at("{\"schema\": \"plancheck.extract/1\",\n  \"milestones\": [{\"level\": \"branch\", \"event\": \"hold\"}]}",
                  2, 18, "field milestones[0].time: is missing");
  expect_error_at("{\"schema\": \"plancheck.extract/2\"}", 1, 12, "field schema: must be one of plancheck.extract/1");
  // JSON lines: the bad line is located in the file, the good ones read.
  const std::string good = R"({"schema": "plancheck.extract/1", "file": "a.txt"})";
  expect_error_at(good + "\n" + good + "\n{\"schema\": \"plancheck.extract/1\", \"units\": 3}\n", 3, 44,
                  "field units: must be a JSON array");
  expect_error_at(good + "\n{\"schema\": \"plancheck.extract/1\"\n", 2, 33, "invalid JSON");
  const auto items = read_extract_json(good + "\n{oops\n" + good + "\n", "f.jsonl");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].extraction && items[2].extraction);
  EXPECT_TRUE(items[1].error);
}

TEST(ExtractJsonRead, OtherJsonIsNotAnExtraction) {
  EXPECT_EQ(extract_json_kind("Kế hoạch số 1"), ExtractJsonKind::not_json);
  EXPECT_EQ(extract_json_kind("\xEF\xBB\xBF {\"name\": 1}"), ExtractJsonKind::other_json);
  EXPECT_EQ(extract_json_kind("[{\"schema\": \"plancheck.extract/1\"}]"), ExtractJsonKind::extraction);
  for (const char* other : {"{\"name\": \"x\"}", "[1, 2]", "Kế hoạch", ""}) {
    SCOPED_TRACE(other);
    try {
      (void)read_extract_json(other, "p.json");
      ADD_FAILURE() << "read";
    } catch (const LocatedError& e) {
      EXPECT_EQ(e.where().line, 0);
      EXPECT_NE(std::string(e.what()).find("not a plancheck.extract/1 extraction"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace plancheck
