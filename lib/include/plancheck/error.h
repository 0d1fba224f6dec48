// The library's errors about a file: where (file, and line:column when there
// is one) and why, the reason in both languages so the caller shows it in
// the user's. what() is the English, for logs and tests.
#pragma once

#include <stdexcept>
#include <string>

#include "plancheck/messages.h"

namespace plancheck {

// Where a value stands in a file; line 0: the file as a whole.
struct RuleLocation {
  std::string file;
  int line = 0, column = 0;
};

// "file:line:column", or "file" when the place has no line.
std::string to_string(const RuleLocation& where);

class LocatedError : public std::runtime_error {
 public:
  LocatedError(RuleLocation where, LocalText reason);
  const RuleLocation& where() const { return where_; }
  const LocalText& reason() const { return reason_; }
  // "file:line:column: reason" in a language.
  std::string describe(Lang lang) const;

 private:
  RuleLocation where_;
  LocalText reason_;
};

// An OS error (errno) as a reason: "không có tệp hay thư mục này".
LocalText os_error_text(int errnum);

}  // namespace plancheck
