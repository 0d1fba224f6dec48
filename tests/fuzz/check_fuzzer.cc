// libFuzzer target: any bytes through reading, extraction and checking with
// the shipped rule book, and the diagnostics into JSON and SARIF. Nothing
// may crash, hang or trip a sanitizer; every span a diagnostic points at
// must lie inside the text.
//
//   cmake --build build-fuzz --target plancheck_check_fuzzer
//   mkdir -p build-fuzz/corpus  # new inputs go to the first folder: not one of the repository
//   ./build-fuzz/tests/fuzz/plancheck_check_fuzzer -max_total_time=60 build-fuzz/corpus samples/check
#include <cstdint>
#include <string_view>

#include "plancheck/analyze.h"
#include "plancheck/check.h"
#include "plancheck/check_json.h"
#include "plancheck/check_sarif.h"
#include "plancheck/extract.h"
#include "plancheck/source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const plancheck::RuleBook book = [] {
    auto b = plancheck::RuleBook::builtin();
    b.validate();
    return b;
  }();
  try {
    const plancheck::Analysis a = plancheck::analyze(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
    const plancheck::Text& text = a.text;
    const plancheck::Extraction& x = a.extraction;
    const auto sets = book.select(x);
    const auto diags = plancheck::check(x, sets, book);
    plancheck::SarifLog log(book, plancheck::Lang::en, plancheck::ColumnKind::utf16_code_units);
    for (const auto& d : diags) {
      if (d.span && (d.span->end > text.normalized().size() || d.span->start > d.span->end)) __builtin_trap();
      (void)plancheck::to_json(d, plancheck::Lang::vi).dump();
    }
    log.add("fuzz", &text, diags);
    (void)log.finish().dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  } catch (const plancheck::SourceError&) {
  }
  return 0;
}
