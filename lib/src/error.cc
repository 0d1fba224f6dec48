#include "plancheck/error.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace plancheck {

std::string to_string(const RuleLocation& where) {
  return where.line > 0 ? fmt::format("{}:{}:{}", where.file, where.line, where.column) : where.file;
}

LocatedError::LocatedError(RuleLocation where, LocalText reason)
    : std::runtime_error(fmt::format("{}: {}", to_string(where), reason.en)),
      where_(std::move(where)),
      reason_(std::move(reason)) {}

std::string LocatedError::describe(Lang lang) const {
  return fmt::format("{}: {}", to_string(where_), reason_.in(lang));
}

LocalText os_error_text(int errnum) {
  switch (errnum) {
    case ENOENT: return both(msg::os_no_such_file);
    case EACCES:
    case EPERM: return both(msg::os_permission);
    case EISDIR: return both(msg::os_is_directory);
    case ELOOP: return both(msg::os_link_loop);
    default: {
      // The system's own words; they have no Vietnamese.
      const std::string text = std::strerror(errnum);
      return {text, text};
    }
  }
}

}  // namespace plancheck
