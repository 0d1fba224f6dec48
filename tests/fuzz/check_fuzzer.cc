// libFuzzer target: any bytes through reading, extraction and checking with
// the shipped rule book, and the diagnostics into JSON and SARIF. Nothing
// may crash, hang or trip a sanitizer; every span a diagnostic points at
// must lie inside the text; and the plan as a batch holds it (the model
// kept for the check, the text kept for the report: issue 24) must give the
// same findings, SARIF and snippets as the whole.
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
#include "plancheck/report.h"
#include "plancheck/snippet.h"
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
    const std::string whole = log.finish().dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);

    plancheck::Extraction held = x;
    plancheck::keep_for_check(held);
    plancheck::Text kept = text;
    plancheck::keep_for_report(kept, x);
    const auto held_diags = plancheck::check(held, book.select(held), book);
    plancheck::SarifLog held_log(book, plancheck::Lang::en, plancheck::ColumnKind::utf16_code_units);
    held_log.add("fuzz", &kept, held_diags);
    if (held_log.finish().dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) != whole)
      __builtin_trap();
    for (const auto& d : diags)
      if (d.span && d.span->known()) {
        const auto a = plancheck::snippet_of_span(text, *d.span), b = plancheck::snippet_of_span(kept, *d.span);
        if (a.text != b.text || a.caret != b.caret || a.width != b.width) __builtin_trap();
      }
  } catch (const plancheck::SourceError&) {
  }
  return 0;
}
