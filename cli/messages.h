// The command's catalogue (cli/messages.inc): every word `plancheck` itself
// says — usage errors, summaries, progress, the pages of `explain` and
// `rules show` — in Vietnamese and English, by id (plancheck/messages.h
// says how a catalogue is written and read).
#pragma once

#include <span>

#include "plancheck/messages.h"

namespace plancheck::cli {

namespace msg {
using namespace plancheck::msg;  // the library's rows too (levels, dates, severities)
#define PLANCHECK_MESSAGE(id, vi, en) inline constexpr MessageText id{#id, vi, en};
#include "messages.inc"
#undef PLANCHECK_MESSAGE
}  // namespace msg

// Every row of the command's catalogue, in file order.
inline std::span<const MessageText> command_messages() {
#define PLANCHECK_MESSAGE(id, vi, en) msg::id,
  static constexpr MessageText kRows[] = {
#include "messages.inc"
  };
#undef PLANCHECK_MESSAGE
  return kRows;
}

}  // namespace plancheck::cli
