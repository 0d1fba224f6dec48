// How `plancheck check` shows its findings: the terminal's text (colours,
// the line with the span underlined) is the command's own; every other
// format is the library's (plancheck/report.h).
#pragma once

#include <iosfwd>
#include <memory>

#include "plancheck/report.h"

namespace plancheck::cli {

// "text" and the library's formats (report_formats()), in help's order.
std::vector<std::string> check_formats();

// The reporter of `opt.format`: the text report (coloured when `color`), or
// the library's reporter of that format.
std::unique_ptr<CheckReporter> make_check_reporter(const ReportOptions& opt, bool color, const RuleBook& book,
                                                   std::ostream& out);

}  // namespace plancheck::cli
