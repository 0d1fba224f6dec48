// libFuzzer target: any bytes through the legacy-encoding decoders
// (source.h). Each legacy reading is valid UTF-8 (the round trip through
// encode_legacy holds for Vietnamese text, unit tests; not for any bytes:
// a stray mark byte puts a tone on a letter no encoding writes whole, "Ṣ",
// and the encoders, written for tests and samples, write Vietnamese); detection and
// decode_source(), forced to each encoding or left to detect, either give
// valid UTF-8 or refuse the bytes with an error naming the file. Nothing may
// crash, hang or trip a sanitizer.
//
//   cmake --build build-fuzz --target plancheck_legacy_fuzzer
//   ./build-fuzz/tests/fuzz/plancheck_legacy_fuzzer -max_total_time=60 build-fuzz/corpus
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plancheck/source.h"

namespace {

constexpr plancheck::SourceEncoding kLegacy[] = {plancheck::SourceEncoding::windows1258,
                                                 plancheck::SourceEncoding::viscii, plancheck::SourceEncoding::tcvn3,
                                                 plancheck::SourceEncoding::vni};

bool valid_utf8(std::string_view s) { return plancheck::valid_utf8_prefix(s) == s.size(); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const auto e : kLegacy) {
    const std::string text = plancheck::decode_legacy(bytes, e);
    if (!valid_utf8(text)) __builtin_trap();
    (void)plancheck::encode_legacy(text, e);  // never throws on valid UTF-8
  }
  (void)plancheck::guess_legacy_encoding(bytes);
  for (const std::optional<plancheck::SourceEncoding> forced :
       {std::optional<plancheck::SourceEncoding>{}, std::optional{plancheck::SourceEncoding::utf8},
        std::optional{plancheck::SourceEncoding::utf16le}, std::optional{plancheck::SourceEncoding::tcvn3},
        std::optional{plancheck::SourceEncoding::vni}}) {
    try {
      const plancheck::Source s = plancheck::decode_source(std::string(bytes), "fuzz.txt", forced);
      if (!valid_utf8(s.utf8)) __builtin_trap();
    } catch (const plancheck::SourceError& err) {
      if (err.path() != "fuzz.txt") __builtin_trap();
    }
  }
  return 0;
}
