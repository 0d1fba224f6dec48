// Extraction throughput on the shipped samples concatenated (MB/s on one
// core), whole pipeline and stage by stage. Figures go to docs/performance.md.
//
//   ./build/tests/bench/plancheck_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <fstream>
#include <sstream>

#include "plancheck/check.h"
#include "plancheck/extract.h"
#include "plancheck/source.h"
#include "plancheck/text.h"
#include "fold.h"

#ifndef PLANCHECK_SAMPLES_DIR
#error "PLANCHECK_SAMPLES_DIR must point at samples/plans"
#endif

namespace {

// The samples concatenated (each decoded to UTF-8), repeated to about 4 MB
// so that a run measures steady-state throughput.
const std::string& corpus() {
  static const std::string text = [] {
    std::string one;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(PLANCHECK_SAMPLES_DIR))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) one += plancheck::read_source(f).utf8 + "\n\n";
    std::string all;
    while (all.size() < 4 * 1024 * 1024) all += one;
    return all;
  }();
  return text;
}

void BM_Pipeline(benchmark::State& state) {
  const std::string& c = corpus();
  for (auto _ : state) {
    plancheck::Text text(c);
    auto x = plancheck::extract(text, "bench");
    benchmark::DoNotOptimize(x);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(c.size()));
}
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond);

void BM_Normalize(benchmark::State& state) {
  const std::string& c = corpus();
  for (auto _ : state) {
    plancheck::Text text(c);
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(c.size()));
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

template <typename F>
void stage(benchmark::State& state, F f) {
  const std::string& c = corpus();
  plancheck::Text text(c);
  std::vector<plancheck::Notice> notices;
  auto times = plancheck::extract_times(text, &notices);
  auto refs = plancheck::extract_references(text, times, &notices);
  auto units = plancheck::extract_units(text);
  auto doc = plancheck::extract_document_facts(text, refs, units);
  for (auto _ : state) f(text, times, refs, units, doc);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(c.size()));
}

// The two folding engines (lib/src/fold.h) on the same text.
template <void (*Engine)(std::string&, std::vector<plancheck::Text::Run>*, std::vector<plancheck::Text::Word>*)>
void BM_Fold(benchmark::State& state) {
  const std::string& c = corpus();
  for (auto _ : state) {
    std::string s = c;
    std::vector<plancheck::Text::Run> digits;
    std::vector<plancheck::Text::Word> words;
    words.reserve(s.size() / 5 + 1);
    Engine(s, &digits, &words);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(words);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(c.size()));
}
BENCHMARK(BM_Fold<plancheck::folding::fold_bytewise>)->Name("BM_Fold/bytewise")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Fold<plancheck::folding::fold_chunked>)->Name("BM_Fold/chunked")->Unit(benchmark::kMillisecond);

void BM_Times(benchmark::State& state) {
  stage(state, [](auto& text, auto&, auto&, auto&, auto&) {
    std::vector<plancheck::Notice> n;
    benchmark::DoNotOptimize(plancheck::extract_times(text, &n));
  });
}
BENCHMARK(BM_Times)->Unit(benchmark::kMillisecond);

void BM_References(benchmark::State& state) {
  stage(state, [](auto& text, auto& times, auto&, auto&, auto&) {
    std::vector<plancheck::Notice> n;
    benchmark::DoNotOptimize(plancheck::extract_references(text, times, &n));
  });
}
BENCHMARK(BM_References)->Unit(benchmark::kMillisecond);

void BM_Units(benchmark::State& state) {
  stage(state, [](auto& text, auto&, auto&, auto&, auto&) { benchmark::DoNotOptimize(plancheck::extract_units(text)); });
}
BENCHMARK(BM_Units)->Unit(benchmark::kMillisecond);

void BM_Milestones(benchmark::State& state) {
  stage(state, [](auto& text, auto& times, auto& refs, auto&, auto& doc) {
    benchmark::DoNotOptimize(plancheck::extract_milestones(text, times, refs, doc));
  });
}
BENCHMARK(BM_Milestones)->Unit(benchmark::kMillisecond);

void BM_Pilots(benchmark::State& state) {
  stage(state, [](auto& text, auto& times, auto&, auto&, auto&) {
    benchmark::DoNotOptimize(plancheck::extract_pilots(text, times));
  });
}
BENCHMARK(BM_Pilots)->Unit(benchmark::kMillisecond);

void BM_DocumentFacts(benchmark::State& state) {
  stage(state, [](auto& text, auto&, auto& refs, auto& units, auto&) {
    benchmark::DoNotOptimize(plancheck::extract_document_facts(text, refs, units));
  });
}
BENCHMARK(BM_DocumentFacts)->Unit(benchmark::kMillisecond);

void BM_KeywordNotices(benchmark::State& state) {
  stage(state, [](auto& text, auto&, auto&, auto&, auto&) {
    benchmark::DoNotOptimize(plancheck::extract_keyword_notices(text));
  });
}
BENCHMARK(BM_KeywordNotices)->Unit(benchmark::kMillisecond);

// Reading: bytes to UTF-8 text (validation, BOM, UTF-16), before Text.
void BM_Decode(benchmark::State& state) {
  const std::string& c = corpus();
  for (auto _ : state) benchmark::DoNotOptimize(plancheck::decode_source(c, "bench"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(c.size()));
}
BENCHMARK(BM_Decode)->Unit(benchmark::kMillisecond);

// Checking: each sample plan extracted once, then held to its rule sets
// (select + check) with the shipped rule book, as `plancheck check` does per
// file. Bytes are those of the plans, so the figure compares with the rest.
void BM_Check(benchmark::State& state) {
  static const auto book = [] {
    auto b = plancheck::RuleBook::builtin();
    b.validate();
    return b;
  }();
  struct Plan {
    std::unique_ptr<plancheck::Text> text;
    plancheck::Extraction x;
  };
  std::vector<Plan> plans;
  size_t bytes = 0;
  for (const auto& e : std::filesystem::directory_iterator(PLANCHECK_SAMPLES_DIR)) {
    if (e.path().extension() != ".txt") continue;
    auto text = std::make_unique<plancheck::Text>(plancheck::read_source(e.path()).utf8);
    bytes += text->original().size();
    auto x = plancheck::extract(*text, e.path().string());
    plans.push_back({std::move(text), std::move(x)});
  }
  for (auto _ : state)
    for (const auto& p : plans) {
      const auto sets = book.select(p.x);
      benchmark::DoNotOptimize(plancheck::check(p.x, sets, book));
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Check)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
