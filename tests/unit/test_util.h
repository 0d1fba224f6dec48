// Helpers shared by the unit tests: run the pipeline on a string.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "plancheck/analyze.h"
#include "plancheck/extract.h"
#include "plancheck/source.h"
#include "plancheck/text.h"
#include "chunk_avx512.h"

namespace plancheck::testing {

// Runs f(isa) with each compilation of the library's byte scans this CPU
// runs: the AVX-512 one where it has it ("native"), and the one for every
// x86-64 ("baseline"); the scans chosen at run time are then each tested.
template <typename F>
void for_each_isa(F f) {
  for (const bool baseline : {false, true}) {
    chunk::avx512::use_baseline(baseline);
    f(baseline ? "baseline" : "native");
    chunk::avx512::use_baseline(false);
  }
}

inline Extraction run(const std::string& utf8) { return analyze_utf8(utf8, "test.txt").extraction; }

inline std::vector<TimeExpr> times_of(const std::string& utf8, std::vector<Notice>* notices = nullptr) {
  Text text(utf8);
  std::vector<Notice> local;
  return extract_times(text, notices ? notices : &local);
}

#ifdef PLANCHECK_SOURCE_DIR
// Real text for the tests that compare engines: the shipped plans
// (samples/plans) and the seeds beside the repository (../shared/seeds,
// optional here; the samples are not), decoded; file name and UTF-8.
inline std::vector<std::pair<std::string, std::string>> shipped_texts() {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> out;
  for (const fs::path& dir : {fs::path(PLANCHECK_SOURCE_DIR) / "samples" / "plans",
                             fs::path(PLANCHECK_SOURCE_DIR) / ".." / "shared" / "seeds"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.path().extension() == ".txt")
        out.emplace_back(entry.path().filename().string(), read_source(entry.path()).utf8);
  }
  return out;
}
#endif

}  // namespace plancheck::testing
