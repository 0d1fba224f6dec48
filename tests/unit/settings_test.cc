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

// A folder given as "." or with a trailing '/': its file is read once (its
// [[ignore]] tables would otherwise count twice).
TEST(Settings, AFolderGivenWithATrailingSlashIsReadOnce) {
  const fs::path root = fs::temp_directory_path() / "plancheck-settings-once";
  fs::remove_all(root);
  fs::create_directories(root / ".git");
  std::ofstream(root / kSettingsFileName) << "[[ignore]]\ncategory = \"pilot\"\nreason = \"r\"\n";
  EXPECT_EQ(settings_for(root.string() + "/").size(), 1u);
  EXPECT_EQ(settings_for(root / ".").size(), 1u);
  EXPECT_EQ(merge_settings(settings_for(root / ".")).ignores.size(), 1u);
  fs::remove_all(root);
}

}  // namespace
}  // namespace plancheck

namespace plancheck {
namespace {

TEST(SettingsIgnore, TablesRead) {
  const auto s = parse_settings(
      "lang = \"vi\"\n"
      "[[ignore]]\n"
      "path = \"cu/*.txt\"\n"
      "rule = \"tw-35-2019/*\"\n"
      "reason = \"kế hoạch nhiệm kỳ trước\"\n"
      "[[ignore]]\n"
      "category = \"pilot\"\n"
      "reason = \"đại hội điểm do tỉnh chọn\"\n",
      "/repo/.plancheck.toml");
  ASSERT_EQ(s.ignores.size(), 2u);
  EXPECT_EQ(s.ignores[0].path, "cu/*.txt");
  EXPECT_EQ(s.ignores[0].rule, "tw-35-2019/*");
  EXPECT_EQ(s.ignores[0].reason, "kế hoạch nhiệm kỳ trước");
  EXPECT_EQ(s.ignores[0].from, "/repo/.plancheck.toml:2:1");
  EXPECT_EQ(s.ignores[1].category, "pilot");
  EXPECT_EQ(s.ignores[1].path, "");
}

// Each mistake is a settings error at the [[ignore]] table or the value at fault.
TEST(SettingsIgnore, MistakesAreLocated) {
  const auto where = [](const std::string& text) {
    try {
      parse_settings(text, "d/.plancheck.toml");
    } catch (const SettingsError& e) {
      return to_string(e.where()) + " " + e.reason().en;
    }
    return std::string("no error");
  };
  EXPECT_EQ(where("[[ignore]]\nrule = \"tw-35-2024/*\"\n"), "d/.plancheck.toml:1:1 missing key 'reason'");
  EXPECT_EQ(where("lang = \"vi\"\n\n[[ignore]]\nrule = \"x\"\nreason = \"\"\n").substr(0, 22), "d/.plancheck.toml:3:1 ");
  EXPECT_EQ(where("[[ignore]]\ncategory = \"late\"\nreason = \"r\"\n").substr(0, 22), "d/.plancheck.toml:2:12");
  EXPECT_NE(where("[[ignore]]\nreason = \"everything\"\n").find("needs 'rule' or 'category'"), std::string::npos);
  EXPECT_NE(where("[[ignore]]\nrule = \"x\"\nreason = \"r\"\nwhy = \"?\"\n").find("unknown key"), std::string::npos);
}

TEST(SettingsIgnore, MatchesByGlobRuleAndCategory) {
  IgnoreRule i;
  i.path = "cu/*.txt";
  i.rule = "tw-35-2024/*-deadline";
  i.reason = "r";
  i.folder = "/repo";
  EXPECT_TRUE(ignores(i, "/repo/cu/a.txt", "tw-35-2024/grassroots-deadline", "deadline"));
  EXPECT_FALSE(ignores(i, "/repo/cu/a.txt", "tw-35-2024/grassroots-start", "start"));
  EXPECT_FALSE(ignores(i, "/repo/moi/a.txt", "tw-35-2024/grassroots-deadline", "deadline"));
  // Outside the settings file's folder: not its business, whatever the name.
  EXPECT_FALSE(ignores(i, "/other/cu/a.txt", "tw-35-2024/grassroots-deadline", "deadline"));
  i.path = "*.txt";  // a name alone matches in any folder below, as include/exclude do
  EXPECT_TRUE(ignores(i, "/repo/x/y/a.txt", "tw-35-2024/district-deadline", "deadline"));
  i.rule.clear();
  i.category = "pilot";
  EXPECT_TRUE(ignores(i, "/repo/a.txt", "tw-35-2024/grassroots-pilot", "pilot"));
  EXPECT_FALSE(ignores(i, "/repo/a.txt", "tw-35-2024/grassroots-deadline", "deadline"));
}

TEST(SettingsIgnore, AddUpAcrossFiles) {
  const auto near = parse_settings("[[ignore]]\ncategory = \"pilot\"\nreason = \"r\"\n", "/repo/a/.plancheck.toml");
  const auto far = parse_settings("[[ignore]]\ncategory = \"text\"\nreason = \"r\"\n", "/repo/.plancheck.toml");
  const auto e = merge_settings({near, far});
  ASSERT_EQ(e.ignores.size(), 2u);
  EXPECT_EQ(e.ignores[0].folder, "/repo/a");
  EXPECT_EQ(e.ignores[1].folder, "/repo");
}

}  // namespace
}  // namespace plancheck
