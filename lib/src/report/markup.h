// What the HTML and JUnit (XML) reports share: text made safe for markup,
// and output that waits for what must come before it.
#pragma once

#include <cstdio>
#include <iosfwd>
#include <string>
#include <string_view>

namespace plancheck::report {

// Text from a plan or a file name made safe for HTML and XML text and
// attribute values: control characters and invalid bytes made visible
// (plancheck/snippet.h visible(): "\x1b", "\xff"), the noncharacters U+FFFE
// and U+FFFF (which XML 1.0 cannot hold even as references) as "\ufffe",
// then & < > " ' escaped.
std::string markup_escape(std::string_view s);

// Output that must wait until the end of the run (the overview that heads
// an HTML page, the counts that head a JUnit suite) kept in a temporary
// file, so that memory does not grow with the folder; in memory when no
// file can be made or a write to it fails, in order either way.
class Spool {
 public:
  Spool();
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  void add(std::string_view part);
  // Everything added, in order.
  void copy_to(std::ostream& out);

 private:
  std::FILE* file_;
  std::string held_;
};

}  // namespace plancheck::report
