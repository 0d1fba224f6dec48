#include "plancheck/analyze.h"

#include <utility>

namespace plancheck {

namespace {

const char* legacy_display_name(SourceEncoding e) {
  switch (e) {
    case SourceEncoding::windows1258: return "Windows-1258";
    case SourceEncoding::viscii: return "VISCII";
    case SourceEncoding::tcvn3: return "TCVN3 (ABC)";
    case SourceEncoding::vni: return "VNI-Windows";
    default: return to_string(e);
  }
}

Analysis analyzed(std::string utf8, std::string path, SourceEncoding encoding) {
  Analysis a{encoding, Text(std::move(utf8)), {}, SourceFormat::text, {}};
  a.extraction = extract(a.text, std::move(path));
  if (is_legacy(encoding)) {
    // Said first: everything else was read through this decoding.
    Notice n;
    n.code = "decoded_from";
    n.text = to_string(encoding);
    n.message = std::string("the file is not UTF-8; read as ") + legacy_display_name(encoding);
    n.span = a.text.span(0, 0);
    a.extraction.notices.insert(a.extraction.notices.begin(), std::move(n));
  }
  return a;
}

}  // namespace

Analysis analyze(std::string bytes, std::string path, std::optional<SourceEncoding> forced) {
  ReadOptions options;
  options.encoding = forced;
  return analyze(std::move(bytes), std::move(path), options);
}

Analysis analyze(std::string bytes, std::string path, const ReadOptions& options) {
  Source src = decode_source(std::move(bytes), path, options);
  Analysis a = analyzed(std::move(src.utf8), std::move(path), src.encoding);
  a.format = src.format;
  a.origins = std::move(src.origins);
  return a;
}

Analysis analyze_utf8(std::string utf8, std::string path) {
  return analyzed(std::move(utf8), std::move(path), SourceEncoding::utf8);
}

}  // namespace plancheck
