// Helpers shared by the unit tests: run the pipeline on a string.
#pragma once

#include <string>
#include <vector>

#include "plancheck/extract.h"
#include "plancheck/text.h"

namespace plancheck::testing {

inline Extraction run(const std::string& utf8) {
  Text text(utf8);
  return extract(text, "test.txt");
}

inline std::vector<TimeExpr> times_of(const std::string& utf8, std::vector<Notice>* notices = nullptr) {
  Text text(utf8);
  std::vector<Notice> local;
  return extract_times(text, notices ? notices : &local);
}

}  // namespace plancheck::testing
