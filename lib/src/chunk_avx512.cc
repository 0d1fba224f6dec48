#include "chunk_avx512.h"

#include <atomic>
#include <cstdlib>
#include <string_view>

namespace plancheck::chunk::avx512 {

namespace {
std::atomic<bool> baseline_only{false};
}

#if PLANCHECK_HAVE_AVX512
bool usable() {
  static const bool cpu = [] {
    if (const char* isa = std::getenv("PLANCHECK_ISA"); isa && std::string_view(isa) == "baseline") return false;
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
  }();
  return cpu && !baseline_only.load(std::memory_order_relaxed);
}
#else
bool usable() { return false; }
#endif

void use_baseline(bool yes) { baseline_only.store(yes, std::memory_order_relaxed); }

}  // namespace plancheck::chunk::avx512
