#include "plancheck/settings.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace plancheck {
namespace {

namespace fs = std::filesystem;

TEST(Settings, EveryKeyRead) {
  const auto s = parse_settings(
      "# drafts of the district committee\n"
      "rules = [\"luat/\", \"/etc/plancheck/tinh.toml\"]\n"
      "ruleset = \"tw-35-2024\"\n"
      "include = [\"*.txt\"]\n"
      "exclude = [\"cu/*\", \"nhap-*\"]\n"
      "fail-on = \"warning\"\n"
      "lang = \"en\"\n",
      "/repo/.plancheck.toml");
  ASSERT_TRUE(s.rules);
  EXPECT_EQ(*s.rules, (std::vector<std::string>{"/repo/luat/", "/etc/plancheck/tinh.toml"}));
  EXPECT_EQ(s.ruleset, "tw-35-2024");
  EXPECT_EQ(s.include, std::vector<std::string>{"*.txt"});
  EXPECT_EQ(s.exclude, (std::vector<std::string>{"cu/*", "nhap-*"}));
  EXPECT_EQ(s.fail_on, "warning");
  EXPECT_EQ(s.lang, "en");
}

TEST(Settings, KeysLeftOutStayUnset) {
  const auto s = parse_settings("lang = \"vi\"\n", "p/.plancheck.toml");
  EXPECT_FALSE(s.rules);
  EXPECT_FALSE(s.include);
  EXPECT_FALSE(s.fail_on);
  EXPECT_EQ(s.lang, "vi");
}

TEST(Settings, ErrorsAreLocated) {
  const auto error_of = [](const char* text) {
    try {
      parse_settings(text, "d/.plancheck.toml");
    } catch (const SettingsError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error_of("lang = \"en\"\nfail-on = \"loud\"\n"),
            "d/.plancheck.toml:2:11: 'fail-on' must be one of 'error', 'warning', 'note'");
  EXPECT_EQ(error_of("\n\nlanguage = \"en\"\n"), "d/.plancheck.toml:3:12: unknown key 'language'");
  EXPECT_EQ(error_of("exclude = \"cu/*\"\n"), "d/.plancheck.toml:1:11: 'exclude' must be an array of strings");
  EXPECT_NE(error_of("lang = \"en\n").find("d/.plancheck.toml:1:"), std::string::npos);
}

TEST(Settings, AnEmptyFileSetsNothing) {
  const fs::path file = fs::temp_directory_path() / "plancheck-empty-settings.toml";
  for (const std::string bytes : {"", "\xEF\xBB\xBF", "# nothing yet\n"}) {
    std::ofstream(file, std::ios::binary) << bytes;
    const auto s = read_settings(file);
    EXPECT_FALSE(s.lang || s.rules || s.fail_on) << bytes;
  }
  std::ofstream(file, std::ios::binary) << "lang = \"en\"\n\xFF\n";
  EXPECT_THROW(read_settings(file), SettingsError);  // not UTF-8: located
  fs::remove(file);
}

TEST(Settings, FoundInTheNearestFolderAbove) {
  const fs::path root = fs::temp_directory_path() / "plancheck-settings-test";
  fs::remove_all(root);
  fs::create_directories(root / "a" / "b" / "c");
  std::ofstream(root / "a" / kSettingsFileName) << "lang = \"en\"\n";
  EXPECT_EQ(find_settings_file(root / "a" / "b" / "c"), root / "a" / kSettingsFileName);
  EXPECT_EQ(find_settings_file(root / "a"), root / "a" / kSettingsFileName);
  std::ofstream(root / "a" / "b" / kSettingsFileName) << "lang = \"vi\"\n";
  EXPECT_EQ(find_settings_file(root / "a" / "b" / "c"), root / "a" / "b" / kSettingsFileName);
  fs::remove_all(root);
}

}  // namespace
}  // namespace plancheck
