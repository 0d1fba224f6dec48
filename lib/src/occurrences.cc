// chunk::occurrences (chunk.h): its two compilations and the choice
// between them.
#include <algorithm>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include "chunk.h"
#include "chunk_avx512.h"
#include "swar.h"

namespace plancheck::chunk {

#define PLANCHECK_KERNEL "occurrences_kernel.inc"
#define PLANCHECK_KERNEL_NS occurrence_scan
#include "chunk_twice.h"

std::vector<std::vector<size_t>> occurrences(std::string_view s, std::span<const std::string_view> needles) {
  std::vector<std::vector<size_t>> out(needles.size());
  for (auto& o : out) o.reserve(16);
  PLANCHECK_KERNEL_CALL(occurrence_scan, find_occurrences(s, needles, &out));
  return out;
}

}  // namespace plancheck::chunk
