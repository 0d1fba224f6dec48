// libFuzzer target: the HTML reader (lib/src/readers/html_reader.cc), any
// bytes read as a page named .html: charset sniffing, libxml2's recovering
// parser, the walk over blocks, rows and cells. Nothing may crash, hang or
// trip a sanitizer; SourceError is the only exception allowed out; what
// comes back holds the reader's contract (valid UTF-8, no NUL, one origin
// per line) and goes on through the pipeline.
//
//   bash scripts/fuzz.sh 60   (corpus: tests/fuzz/corpus/html/, seeded from samples/formats/)
#include <cstdint>
#include <string>

#include "plancheck/analyze.h"
#include "plancheck/source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const plancheck::Analysis a =
        plancheck::analyze(std::string(reinterpret_cast<const char*>(data), size), "fuzz.html", plancheck::ReadOptions{});
    const std::string t = a.text.original();
    size_t lines = 1;
    for (char c : t) {
      if (c == '\0') __builtin_trap();
      lines += c == '\n';
    }
    if (plancheck::valid_utf8_prefix(t) != t.size()) __builtin_trap();
    if (a.format != plancheck::SourceFormat::html || a.origins.size() != lines) __builtin_trap();
  } catch (const plancheck::SourceError&) {
  }
  return 0;
}
