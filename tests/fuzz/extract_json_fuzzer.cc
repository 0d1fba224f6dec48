// libFuzzer target: any bytes as an extraction JSON file (what `check` reads
// besides text: extract_json.h read_extract_json). The reader may only
// refuse the file, or an object of it, with its own located error naming
// the file; whatever it reads goes through the checker against the shipped
// rule sets. Nothing may crash, hang or trip a sanitizer.
//
//   cmake --build build-fuzz --target plancheck_extract_json_fuzzer
//   mkdir -p build-fuzz/corpus
//   ./build-fuzz/tests/fuzz/plancheck_extract_json_fuzzer -max_total_time=60 build-fuzz/corpus
#include <cstdint>
#include <string_view>

#include "plancheck/check.h"
#include "plancheck/error.h"
#include "plancheck/extract_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const plancheck::RuleBook book = plancheck::RuleBook::builtin();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)plancheck::extract_json_kind(bytes);
  try {
    for (const auto& item : plancheck::read_extract_json(bytes, "fuzz.json")) {
      if (item.error) {
        if (item.error->where().file != "fuzz.json") __builtin_trap();
        continue;
      }
      if (!item.extraction) __builtin_trap();  // an item is a model or an error
      const auto& x = *item.extraction;
      (void)plancheck::check(x, book.select(x), book);
    }
  } catch (const plancheck::LocatedError& e) {
    if (e.where().file != "fuzz.json") __builtin_trap();
  }
  return 0;
}
