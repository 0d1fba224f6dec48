// Reading values out of a parsed TOML table with errors that name the file
// and the line:column of the value at fault. Shared by rule files
// (rules/rule_file.cc) and project settings (settings.cc); `Error` is the
// exception each throws, constructed from (RuleLocation, LocalText).
#pragma once

#include <toml++/toml.h>

#include <fmt/format.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/rules.h"

namespace plancheck {

template <class Error>
class TomlReader {
 public:
  explicit TomlReader(std::string path) : path_(std::move(path)) {}

  // Parses `text`; a syntax error is thrown as Error at its place.
  static toml::table parse(std::string_view text, const std::string& path) {
    try {
      return toml::parse(text, path);
    } catch (const toml::parse_error& e) {
      const auto& src = e.source();
      throw Error({path, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column)},
                  both(msg::toml_syntax, std::string(e.description())));
    }
  }

  const std::string& path() const { return path_; }

  RuleLocation at(const toml::node& n) const {
    const auto& src = n.source();
    return {path_, static_cast<int>(src.begin.line), static_cast<int>(src.begin.column)};
  }
  [[noreturn]] void fail(const toml::node& n, LocalText why) const { throw Error(at(n), std::move(why)); }

  // Keys a table may have; anything else is a mistake worth reporting.
  void only_keys(const toml::table& t, std::initializer_list<std::string_view> keys) const {
    for (const auto& [k, v] : t) {
      bool known = false;
      for (auto allowed : keys) known = known || k.str() == allowed;
      if (!known) fail(v, both(msg::toml_unknown_key, k.str()));
    }
  }

  std::optional<std::string> string(const toml::table& t, std::string_view key, bool required = false) const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) throw Error(at(t), both(msg::toml_missing_key, key));
      return std::nullopt;
    }
    if (!n->is_string()) fail(*n, both(msg::toml_not_string, key));
    return std::string(n->as_string()->get());
  }

  // A string that must be one of `choices`.
  std::optional<std::string> choice(const toml::table& t, std::string_view key,
                                    std::initializer_list<std::string_view> choices) const {
    auto s = string(t, key);
    if (!s) return s;
    std::string listed;
    for (auto c : choices) {
      if (*s == c) return s;
      listed += fmt::format("{}'{}'", listed.empty() ? "" : ", ", c);
    }
    fail(*t.get(key), both(msg::toml_one_of, key, listed));
  }

  // A text for people: one string (said the same in both languages) or a
  // table { vi = "…", en = "…" }.
  std::optional<LocalText> text(const toml::table& t, std::string_view key, bool required = false) const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) throw Error(at(t), both(msg::toml_missing_key, key));
      return std::nullopt;
    }
    if (n->is_string()) {
      std::string s(n->as_string()->get());
      return LocalText{s, s};
    }
    const toml::table* tt = n->as_table();
    if (!tt) fail(*n, both(msg::toml_not_text, key));
    only_keys(*tt, {"vi", "en"});
    auto vi = string(*tt, "vi", true);
    auto en = string(*tt, "en", true);
    return LocalText{std::move(*vi), std::move(*en)};
  }

  bool boolean(const toml::table& t, std::string_view key) const {
    const toml::node* n = t.get(key);
    if (!n) return false;
    if (!n->is_boolean()) fail(*n, both(msg::toml_not_bool, key));
    return n->as_boolean()->get();
  }

  std::optional<CivilDate> date(const toml::table& t, std::string_view key, bool required = false) const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) throw Error(at(t), both(msg::toml_missing_key, key));
      return std::nullopt;
    }
    if (!n->is_date()) fail(*n, both(msg::toml_not_date, key));
    const toml::date d = n->as_date()->get();
    auto cd = CivilDate::make(d.year, d.month, d.day);
    if (!cd) fail(*n, both(msg::toml_bad_date, key, d.year, d.month, d.day));
    return cd;
  }

  std::vector<std::string> strings(const toml::table& t, std::string_view key) const {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    if (!n->is_array()) fail(*n, both(msg::toml_not_strings, key));
    for (const auto& e : *n->as_array()) {
      if (!e.is_string()) fail(e, both(msg::toml_strings_only, key));
      out.emplace_back(e.as_string()->get());
    }
    return out;
  }

  // Where each string of an array stands (for cross-file errors found later).
  std::vector<RuleLocation> string_locations(const toml::table& t, std::string_view key) const {
    std::vector<RuleLocation> out;
    if (const toml::node* n = t.get(key); n && n->is_array())
      for (const auto& e : *n->as_array()) out.push_back(at(e));
    return out;
  }

 private:
  std::string path_;
};

}  // namespace plancheck
