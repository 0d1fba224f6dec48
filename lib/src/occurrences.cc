// chunk::occurrences (chunk.h): its two compilations and the choice
// between them.
#include <algorithm>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include "chunk.h"
#include "chunk_avx512.h"

namespace plancheck::chunk {

namespace sse2 {
#include "occurrences_kernel.inc"
}  // namespace sse2

#if PLANCHECK_HAVE_AVX512
PLANCHECK_AVX512_BEGIN
namespace avx512 {
#include "occurrences_kernel.inc"
}  // namespace avx512
PLANCHECK_AVX512_END
#endif

std::vector<std::vector<size_t>> occurrences(std::string_view s, std::span<const std::string_view> needles) {
  std::vector<std::vector<size_t>> out(needles.size());
  for (auto& o : out) o.reserve(16);
#if PLANCHECK_HAVE_AVX512
  if (avx512::usable()) {
    avx512::find_occurrences(s, needles, &out);
    return out;
  }
#endif
  sse2::find_occurrences(s, needles, &out);
  return out;
}

}  // namespace plancheck::chunk
