// The words plancheck says to people, in Vietnamese (the default) and in
// English. Every message stands once in a catalogue, an X-macro file of rows
//
//   PLANCHECK_MESSAGE(id, "tiếng Việt {}", "English {}")
//
// (the library's: plancheck/messages.inc; the command's: cli/messages.inc),
// so the two languages are written side by side and code names a message
// by its id, never by its words. Arguments are fmt replacement fields; a
// translation may reorder them with "{0}", "{1}". tests/unit/messages_test.cc
// holds every row to the same fields in both languages, and
// tests/tools/lang_check.py holds the command's output to one language.
#pragma once

#include <fmt/format.h>

#include <span>
#include <string>
#include <string_view>

namespace plancheck {

enum class Lang { vi, en };

struct MessageText {
  const char* id;
  const char* vi;
  const char* en;
  std::string_view in(Lang lang) const { return lang == Lang::vi ? vi : en; }
};

// A text in both languages, as a diagnostic or an error of the library
// carries it (the caller picks the language it shows).
struct LocalText {
  std::string vi, en;
  const std::string& in(Lang lang) const { return lang == Lang::vi ? vi : en; }
};

namespace detail {
template <class T>
const T& in_lang(const T& v, Lang) {
  return v;
}
inline const std::string& in_lang(const LocalText& t, Lang lang) { return t.in(lang); }
inline std::string_view in_lang(const MessageText& m, Lang lang) { return m.in(lang); }
}  // namespace detail

// The message in one language with its arguments; an argument that is a
// LocalText or a MessageText is taken in the same language.
template <class... Args>
std::string say(const MessageText& m, Lang lang, const Args&... args) {
  return fmt::format(fmt::runtime(m.in(lang)), detail::in_lang(args, lang)...);
}

// The message in both languages.
template <class... Args>
LocalText both(const MessageText& m, const Args&... args) {
  return {say(m, Lang::vi, args...), say(m, Lang::en, args...)};
}

namespace msg {
#define PLANCHECK_MESSAGE(id, vi, en) inline constexpr MessageText id{#id, vi, en};
#include "plancheck/messages.inc"
#undef PLANCHECK_MESSAGE
}  // namespace msg

// Every row of the library's catalogue, in file order (for tests and tools).
std::span<const MessageText> library_messages();

}  // namespace plancheck
