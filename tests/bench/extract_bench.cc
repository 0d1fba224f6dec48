// Extraction throughput on the shipped samples concatenated (MB/s on one
// core), whole pipeline and stage by stage. Figures go to docs/performance.md.
//
//   ./build/tests/bench/plancheck_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "plancheck/check.h"
#include "plancheck/extract.h"
#include "plancheck/source.h"
#include "plancheck/text.h"
#include "fold.h"

#ifndef PLANCHECK_FORMATS_DIR
#error "PLANCHECK_FORMATS_DIR must point at samples/formats"
#endif
#ifndef PLANCHECK_SAMPLES_DIR
#error "PLANCHECK_SAMPLES_DIR must point at samples/plans"
#endif

namespace {

// The samples, each decoded to UTF-8, in name order.
const std::vector<std::string>& samples() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(PLANCHECK_SAMPLES_DIR))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(plancheck::read_source(f).utf8);
    return out;
  }();
  return texts;
}

// The samples concatenated `copies` times over into one document.
std::string concatenated(int copies) {
  std::string one;
  for (const auto& t : samples()) one += t + "\n\n";
  std::string all;
  all.reserve(one.size() * static_cast<size_t>(copies));
  for (int i = 0; i < copies; ++i) all += one;
  return all;
}

// Issue #2's corpus: the samples concatenated, one document of the size of
// a long plan (about 9 KB). Google Benchmark repeats it to a steady state.
const std::string& corpus() {
  static const std::string text = concatenated(1);
  return text;
}

void run_pipeline(benchmark::State& state, const std::string& c) {
  for (auto _ : state) {
    plancheck::Text text(c);
    auto x = plancheck::extract(text, "bench");
    benchmark::DoNotOptimize(x);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(c.size()));
}

void BM_Pipeline(benchmark::State& state) { run_pipeline(state, corpus()); }
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMicrosecond);

// One document of N copies of the samples: how the pipeline scales with a
// document's size. Up to ~35 KB (4 copies) a document's text, folded text
// and word table stay in this machine's L2 cache; 480 copies (4 MB, the
// corpus of BM_Pipeline before session 9) is a document a hundred times
// longer than any plan, and reads most of its text from L3 in every stage.
void BM_PipelineBySize(benchmark::State& state) {
  const std::string c = concatenated(static_cast<int>(state.range(0)));
  run_pipeline(state, c);
}
BENCHMARK(BM_PipelineBySize)->Arg(1)->Arg(4)->Arg(16)->Arg(64)->Arg(480)->Unit(benchmark::kMillisecond);

// Each sample a document of its own, as `plancheck check` sees them: the
// per-document costs (a Text, the tables) on top of the per-byte ones.
void BM_PipelinePerFile(benchmark::State& state) {
  size_t bytes = 0;
  for (const auto& t : samples()) bytes += t.size();
  for (auto _ : state)
    for (const auto& t : samples()) {
      plancheck::Text text(t);
      auto x = plancheck::extract(text, "bench");
      benchmark::DoNotOptimize(x);
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
}
BENCHMARK(BM_PipelinePerFile)->Unit(benchmark::kMicrosecond);

void BM_Normalize(benchmark::State& state) {
  const std::string& c = corpus();
  for (auto _ : state) {
    plancheck::Text text(c);
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(c.size()));
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMicrosecond);

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
BENCHMARK(BM_Fold<plancheck::folding::fold_bytewise>)->Name("BM_Fold/bytewise")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Fold<plancheck::folding::fold_chunked>)->Name("BM_Fold/chunked")->Unit(benchmark::kMicrosecond);

void BM_Times(benchmark::State& state) {
  stage(state, [](auto& text, auto&, auto&, auto&, auto&) {
    std::vector<plancheck::Notice> n;
    benchmark::DoNotOptimize(plancheck::extract_times(text, &n));
  });
}
BENCHMARK(BM_Times)->Unit(benchmark::kMicrosecond);

void BM_References(benchmark::State& state) {
  stage(state, [](auto& text, auto& times, auto&, auto&, auto&) {
    std::vector<plancheck::Notice> n;
    benchmark::DoNotOptimize(plancheck::extract_references(text, times, &n));
  });
}
BENCHMARK(BM_References)->Unit(benchmark::kMicrosecond);

void BM_Units(benchmark::State& state) {
  stage(state, [](auto& text, auto&, auto&, auto&, auto&) { benchmark::DoNotOptimize(plancheck::extract_units(text)); });
}
BENCHMARK(BM_Units)->Unit(benchmark::kMicrosecond);

void BM_Milestones(benchmark::State& state) {
  stage(state, [](auto& text, auto& times, auto& refs, auto&, auto& doc) {
    benchmark::DoNotOptimize(plancheck::extract_milestones(text, times, refs, doc));
  });
}
BENCHMARK(BM_Milestones)->Unit(benchmark::kMicrosecond);

void BM_Pilots(benchmark::State& state) {
  stage(state, [](auto& text, auto& times, auto&, auto&, auto&) {
    benchmark::DoNotOptimize(plancheck::extract_pilots(text, times));
  });
}
BENCHMARK(BM_Pilots)->Unit(benchmark::kMicrosecond);

void BM_DocumentFacts(benchmark::State& state) {
  stage(state, [](auto& text, auto&, auto& refs, auto& units, auto&) {
    benchmark::DoNotOptimize(plancheck::extract_document_facts(text, refs, units));
  });
}
BENCHMARK(BM_DocumentFacts)->Unit(benchmark::kMicrosecond);

void BM_KeywordNotices(benchmark::State& state) {
  stage(state, [](auto& text, auto&, auto&, auto&, auto&) {
    benchmark::DoNotOptimize(plancheck::extract_keyword_notices(text));
  });
}
BENCHMARK(BM_KeywordNotices)->Unit(benchmark::kMicrosecond);

// Reading: bytes to UTF-8 text (validation, BOM, UTF-16), before Text.
void BM_Decode(benchmark::State& state) {
  const std::string& c = corpus();
  for (auto _ : state) benchmark::DoNotOptimize(plancheck::decode_source(c, "bench"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(c.size()));
}
BENCHMARK(BM_Decode)->Unit(benchmark::kMicrosecond);

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
  for (const auto& t : samples()) {
    auto text = std::make_unique<plancheck::Text>(t);
    bytes += text->original_size();
    auto x = plancheck::extract(*text, "bench");
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

// Reading a document of another format (lib/src/readers/): the samples of
// samples/formats/ with that extension, bytes to text; bytes/s count the
// text read out, as the issue measures readers.
void BM_Read(benchmark::State& state, const char* ext) {
  // No OCR (the scan's time is tesseract's), and only the samples that read
  // (not the locked PDF).
  plancheck::ReadOptions options;
  options.ocr = plancheck::OcrMode::never;
  std::vector<std::pair<std::string, std::string>> docs;
  for (const auto& e : std::filesystem::directory_iterator(PLANCHECK_FORMATS_DIR)) {
    if (e.path().extension() != ext) continue;
    std::string bytes = plancheck::read_file_bytes(e.path());
    try {
      (void)plancheck::decode_source(bytes, e.path().string(), options);
    } catch (const plancheck::SourceError&) {
      continue;
    }
    docs.emplace_back(e.path().string(), std::move(bytes));
  }
  std::sort(docs.begin(), docs.end());
  int64_t out = 0;
  for (auto _ : state)
    for (const auto& d : docs) {
      const plancheck::Source src = plancheck::decode_source(d.second, d.first, options);
      out += static_cast<int64_t>(src.utf8.size());
      benchmark::DoNotOptimize(src.utf8.data());
    }
  state.SetBytesProcessed(out);
}
BENCHMARK_CAPTURE(BM_Read, docx, ".docx")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Read, html, ".html")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Read, pdf, ".pdf")->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
