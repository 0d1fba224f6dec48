// libFuzzer target: any bytes as a rule file and as a .plancheck.toml. Both
// parsers may only refuse the input with their own located error
// (RuleError, SettingsError); nothing may crash, hang or trip a sanitizer.
//
//   cmake --build build-fuzz --target plancheck_rule_files_fuzzer
//   mkdir -p build-fuzz/corpus  # new inputs go to the first folder: not one of the repository
//   ./build-fuzz/tests/fuzz/plancheck_rule_files_fuzzer -max_total_time=60 build-fuzz/corpus rules
#include <cstdint>
#include <string_view>

#include "plancheck/rules.h"
#include "plancheck/settings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const plancheck::RuleSet set = plancheck::parse_rule_file(text, "fuzz.toml");
    if (set.id.empty()) __builtin_trap();  // a parsed set always has its id
  } catch (const plancheck::RuleError& e) {
    if (e.where().file != "fuzz.toml") __builtin_trap();
  }
  try {
    (void)plancheck::parse_settings(text, "d/.plancheck.toml");
  } catch (const plancheck::SettingsError& e) {
    if (e.where().file != "d/.plancheck.toml") __builtin_trap();
  }
  return 0;
}
