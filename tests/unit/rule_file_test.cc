// Rule files: every mistake is reported at its file:line:column.
#include <gtest/gtest.h>

#include "plancheck/check.h"
#include "plancheck/rules.h"

namespace plancheck {
namespace {

constexpr const char* kValid = R"(id = "test-plan"
kind = "plan"
number = "96-KH/TU"
date = 2024-08-26
source = "a test"
extends = ["tw-35-2024"]

[[deadline]]
level = "district"
limit = "hoàn thành trước ngày 25/8/2025"
)";

RuleError error_of(const std::string& toml) {
  try {
    parse_rule_file(toml, "t.toml");
  } catch (const RuleError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << toml;
  return RuleError({}, LocalText{});
}

TEST(RuleFile, ValidFileLoads) {
  const RuleSet s = parse_rule_file(kValid, "t.toml");
  EXPECT_EQ(s.id, "test-plan");
  ASSERT_EQ(s.rules.size(), 1u);
  EXPECT_EQ(s.rules[0].id, "test-plan/district-deadline");
  EXPECT_EQ(s.rules[0].limit->time.relation, Relation::before);
  EXPECT_EQ(s.rules[0].limit->time.period.start.iso(), "2025-08-25");
}

TEST(RuleFile, SyntaxErrorIsLocated) {
  const auto e = error_of("id = \"x\"\nnumber = \n");
  EXPECT_EQ(e.where().file, "t.toml");
  EXPECT_EQ(e.where().line, 2);
  EXPECT_GT(e.where().column, 0);
}

TEST(RuleFile, UnknownLevelIsLocated) {
  std::string t = kValid;
  t.replace(t.find("\"district\""), 10, "\"distrct\"");
  const auto e = error_of(t);
  EXPECT_EQ(e.where().line, 9);
  EXPECT_NE(std::string(e.what()).find("distrct"), std::string::npos);
}

TEST(RuleFile, DateThatDoesNotExist) {
  std::string t = kValid;
  t.replace(t.find("25/8/2025"), 9, "31/2/2025");
  const auto e = error_of(t);
  EXPECT_EQ(e.where().line, 10);
  std::string t2 = kValid;
  t2.replace(t2.find("2024-08-26"), 10, "2024-02-30");
  EXPECT_EQ(error_of(t2).where().line, 4);
}

TEST(RuleFile, LimitMustStateOneTime) {
  std::string t = kValid;
  t.replace(t.find("hoàn thành trước ngày 25/8/2025"), std::string("hoàn thành trước ngày 25/8/2025").size(),
            "sớm");
  EXPECT_EQ(error_of(t).where().line, 10);
}

TEST(RuleFile, UnknownKey) {
  std::string t = kValid;
  t += "deadlin = 3\n";
  EXPECT_EQ(error_of(t).where().line, 11);
}

TEST(RuleBookTest, ExtendsAMissingSet) {
  RuleBook book;
  book.add(parse_rule_file(kValid, "t.toml"));
  try {
    book.validate();
    FAIL() << "no error";
  } catch (const RuleError& e) {
    EXPECT_NE(std::string(e.what()).find("tw-35-2024"), std::string::npos);
    EXPECT_EQ(e.where().file, "t.toml");
    EXPECT_EQ(e.where().line, 6);  // extends = ["tw-35-2024"]
    EXPECT_EQ(e.where().column, 12);
  }
}

TEST(RuleBookTest, CircularExtends) {
  RuleBook book = RuleBook::builtin();
  std::string a = kValid;
  a.replace(a.find("[\"tw-35-2024\"]"), 14, "[\"test-b\"]");
  std::string b = a;
  b.replace(b.find("\"test-plan\""), 11, "\"test-b\"");
  b.replace(b.find("[\"test-b\"]"), 10, "[\"test-plan\"]");
  book.add(parse_rule_file(a, "a.toml"));
  book.add(parse_rule_file(b, "b.toml"));
  try {
    book.validate();
    FAIL() << "no error";
  } catch (const RuleError& e) {
    EXPECT_NE(std::string(e.what()).find("circular"), std::string::npos) << e.what();
    EXPECT_EQ(e.where().line, 6) << e.what();
  }
}

TEST(RuleBookTest, FailingExampleDoesNotLoad) {
  RuleBook book = RuleBook::builtin();
  std::string t = kValid;
  t += "\n[[example]]\ntext = \"Đại hội Đảng bộ huyện hoàn thành trước ngày 20/8/2025.\"\nexpect = "
       "[\"district-deadline\"]\n";
  book.add(parse_rule_file(t, "t.toml"));
  try {
    book.validate();
    FAIL() << "no error";
  } catch (const RuleError& e) {
    EXPECT_EQ(e.where().line, 12);
  }
}

TEST(RuleBookTest, ShippedRulesAndTheirExamplesPass) {
  const RuleBook book = RuleBook::builtin();
  EXPECT_NO_THROW(book.validate());
  for (const char* id : {"tw-35-2019", "tw-35-2024", "tw-45-2025", "ha-tinh-2024"}) {
    const RuleSet* s = book.find(id);
    ASSERT_NE(s, nullptr) << id;
    EXPECT_FALSE(s->source.vi.empty() || s->source.en.empty()) << id;
    EXPECT_FALSE(s->examples.empty()) << id;
    EXPECT_TRUE(book.run_examples(*s).empty()) << id;
  }
}

}  // namespace
}  // namespace plancheck
