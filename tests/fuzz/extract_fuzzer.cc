// libFuzzer target: any bytes through reading, normalization and extraction.
// Nothing may crash, hang or trip a sanitizer; SourceError is the only
// exception allowed out of decode_source().
//
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DPLANCHECK_BUILD_FUZZERS=ON
//   cmake --build build-fuzz --target plancheck_extract_fuzzer
//   mkdir -p build-fuzz/corpus  # new inputs go to the first folder: not one of the repository
//   ./build-fuzz/tests/fuzz/plancheck_extract_fuzzer -max_total_time=60 build-fuzz/corpus samples/plans
#include <cstdint>
#include <string_view>

#include "plancheck/analyze.h"
#include "plancheck/extract.h"
#include "plancheck/extract_json.h"
#include "plancheck/source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const plancheck::Analysis a = plancheck::analyze(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
    const plancheck::Text& text = a.text;
    const plancheck::Extraction& x = a.extraction;
    // Every span must lie inside the normalized text and point at a real line.
    for (const auto& t : x.times)
      if (t.span.end > text.normalized().size() || t.span.start > t.span.end || t.span.line == 0) __builtin_trap();
    (void)plancheck::to_json(x).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::strict);
  } catch (const plancheck::SourceError&) {
  }
  return 0;
}
