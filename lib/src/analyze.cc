#include "plancheck/analyze.h"

#include <utility>

namespace plancheck {

namespace {

Analysis analyzed(std::string utf8, std::string path, SourceEncoding encoding) {
  Analysis a{encoding, Text(std::move(utf8)), {}};
  a.extraction = extract(a.text, std::move(path));
  return a;
}

}  // namespace

Analysis analyze(std::string bytes, std::string path) {
  Source src = decode_source(std::move(bytes), path);
  return analyzed(std::move(src.utf8), std::move(path), src.encoding);
}

Analysis analyze_utf8(std::string utf8, std::string path) {
  return analyzed(std::move(utf8), std::move(path), SourceEncoding::utf8);
}

}  // namespace plancheck
