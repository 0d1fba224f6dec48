#include "report/markup.h"

#include <ostream>

#include "plancheck/snippet.h"

namespace plancheck::report {

std::string markup_escape(std::string_view raw) {
  const std::string s = visible(raw);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    // U+FFFE, U+FFFF: EF BF BE, EF BF BF.
    if (c == '\xEF' && i + 2 < s.size() && s[i + 1] == '\xBF' && (s[i + 2] == '\xBE' || s[i + 2] == '\xBF')) {
      out += s[i + 2] == '\xBE' ? "\\ufffe" : "\\uffff";
      i += 2;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

Spool::Spool() : file_(std::tmpfile()) {}

Spool::~Spool() {
  if (file_) std::fclose(file_);
}

void Spool::add(std::string_view part) {
  // Once a part is held in memory, the rest follow it there.
  if (file_ && held_.empty() && std::fwrite(part.data(), 1, part.size(), file_) == part.size()) return;
  held_ += part;
}

void Spool::copy_to(std::ostream& out) {
  out.flush();
  if (file_) {
    std::rewind(file_);
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, file_)) > 0) out.write(buf, static_cast<std::streamsize>(n));
  }
  out << held_;
}

}  // namespace plancheck::report
