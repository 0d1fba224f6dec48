// The catalogues (plancheck/messages.inc, cli/messages.inc): every row's two
// languages take the same arguments, and every row formats.
#include "plancheck/messages.h"

#include <fmt/args.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

#include "messages.h"  // the command's catalogue (cli/)

namespace plancheck {
namespace {

// The replacement fields of a format string: automatic ("{}") count, and
// the explicit indices ("{1}"); nullopt when the braces do not pair up.
struct Fields {
  size_t automatic = 0;
  std::set<size_t> indexed;
  std::set<size_t> numeric;  // fields with a numeric spec ("{0:02X}") take a number
  bool valid = true;
};

Fields fields_of(std::string_view s) {
  Fields f;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '}') {
      if (i + 1 < s.size() && s[i + 1] == '}') ++i;
      else f.valid = false;
      continue;
    }
    if (s[i] != '{') continue;
    if (i + 1 < s.size() && s[i + 1] == '{') {
      ++i;
      continue;
    }
    const size_t close = s.find('}', i);
    if (close == std::string_view::npos) {
      f.valid = false;
      break;
    }
    const std::string_view inside = s.substr(i + 1, close - i - 1);
    const std::string_view arg = inside.substr(0, inside.find(':'));
    if (arg.empty()) ++f.automatic;
    else f.indexed.insert(std::stoul(std::string(arg)));
    if (!arg.empty() && inside.size() > arg.size() + 1) f.numeric.insert(std::stoul(std::string(arg)));
    i = close;
  }
  return f;
}

size_t arity(const Fields& f) { return f.indexed.empty() ? f.automatic : *f.indexed.rbegin() + 1; }

void expect_sound(std::span<const MessageText> catalogue) {
  std::set<std::string_view> ids;
  for (const auto& m : catalogue) {
    SCOPED_TRACE(m.id);
    EXPECT_TRUE(ids.insert(m.id).second) << "an id twice";
    EXPECT_NE(std::string_view(m.vi), "");
    EXPECT_NE(std::string_view(m.en), "");
    const Fields vi = fields_of(m.vi), en = fields_of(m.en);
    ASSERT_TRUE(vi.valid && en.valid) << "unpaired brace";
    ASSERT_FALSE((vi.automatic && !vi.indexed.empty()) || (en.automatic && !en.indexed.empty()))
        << "automatic and numbered fields mixed";
    // Automatic fields are taken in order: both languages take as many.
    if (vi.indexed.empty() && en.indexed.empty()) {
      EXPECT_EQ(vi.automatic, en.automatic);
    }
    // Numbered fields may be reordered, and one language may leave an
    // argument out (a month's name), but every argument is used by one.
    const size_t n = std::max(arity(vi), arity(en));
    std::set<size_t> used = vi.indexed;
    used.insert(en.indexed.begin(), en.indexed.end());
    if (!used.empty()) {
      EXPECT_EQ(used.size(), n) << "an argument neither language uses";
    }
    // And each formats with that many arguments.
    std::set<size_t> numeric = vi.numeric;
    numeric.insert(en.numeric.begin(), en.numeric.end());
    fmt::dynamic_format_arg_store<fmt::format_context> store;
    for (size_t i = 0; i < n; ++i) {
      if (numeric.count(i)) store.push_back(7);
      else store.push_back(std::string("x"));
    }
    EXPECT_NO_THROW((void)fmt::vformat(m.vi, store));
    EXPECT_NO_THROW((void)fmt::vformat(m.en, store));
  }
}

TEST(Messages, LibraryRowsTakeTheSameArgumentsInBothLanguages) {
  ASSERT_GT(library_messages().size(), 10u);
  expect_sound(library_messages());
}

TEST(Messages, CommandRowsTakeTheSameArgumentsInBothLanguages) {
  ASSERT_GT(cli::command_messages().size(), 5u);
  expect_sound(cli::command_messages());
}

TEST(Messages, FieldsAreCountedAsFmtTakesThem) {
  // The checker itself: a test that could not fail would hide a row with a
  // field too many.
  EXPECT_EQ(fields_of("{} và {}").automatic, 2u);
  EXPECT_EQ(arity(fields_of("{1} of {0}")), 2u);
  EXPECT_FALSE(fields_of("{ unclosed").valid);
  EXPECT_EQ(fields_of("{{literal}} {}").automatic, 1u);
  EXPECT_EQ(fields_of("byte 0x{0:02X} of {1}").numeric, std::set<size_t>{0});
}

TEST(Messages, ArgumentsThatAreTextsTakeTheSameLanguage) {
  const LocalText t = both(msg::date_day, 14, 6, 2024, msg::month_6);
  EXPECT_EQ(t.vi, "14/6/2024");
  EXPECT_EQ(t.en, "14 June 2024");
}

}  // namespace
}  // namespace plancheck
