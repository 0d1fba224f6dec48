// A readable summary of one extraction, for a person at a terminal.
#pragma once

#include <string>

#include "plancheck/messages.h"
#include "plancheck/model.h"

namespace plancheck::cli {

std::string format_extraction_text(const Extraction& x, Lang lang);

}  // namespace plancheck::cli
