#include "ordered_jobs.h"

#include <gtest/gtest.h>

#include <atomic>
#include <optional>
#include <chrono>
#include <stdexcept>
#include <string>

namespace plancheck::cli {
namespace {

// The items 0 … count-1, as a source for run_ordered_from().
auto indices(size_t count) {
  return [count, next = size_t{0}]() mutable -> std::optional<size_t> {
    return next < count ? std::optional<size_t>(next++) : std::nullopt;
  };
}

// run_ordered_from() over indices(count), as the tests below use it.
template <class Work, class Consume>
void run_ordered(size_t count, unsigned jobs, size_t window, Work&& work, Consume&& consume) {
  run_ordered_from(jobs, window, indices(count), work, consume);
}

// Items finish out of order (later ones sleep less); they must come out in order.
TEST(OrderedJobs, ResultsComeInIndexOrderWhateverFinishesFirst) {
  for (unsigned jobs : {1u, 2u, 3u, 8u}) {
    std::vector<size_t> seen;
    run_ordered(
        50, jobs, 4,
        [](size_t i) {
          std::this_thread::sleep_for(std::chrono::microseconds((50 - i) * 20));
          return std::to_string(i * i);
        },
        [&](size_t i, std::string&& r) {
          EXPECT_EQ(r, std::to_string(i * i));
          seen.push_back(i);
        });
    ASSERT_EQ(seen.size(), 50u) << jobs;
    for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], i) << jobs;
  }
}

// Memory is bounded by the window: no worker runs far ahead of a slow consumer.
TEST(OrderedJobs, WorkersStayWithinTheWindow) {
  std::atomic<size_t> consumed{0}, max_ahead{0};
  const size_t window = 6;
  run_ordered(
      200, 4, window,
      [&](size_t i) {
        const size_t ahead = i - std::min(i, consumed.load());
        size_t m = max_ahead.load();
        while (ahead > m && !max_ahead.compare_exchange_weak(m, ahead)) {
        }
        return i;
      },
      [&](size_t i, size_t&&) {
        std::this_thread::sleep_for(std::chrono::microseconds(50));
        consumed = i + 1;
      });
  EXPECT_LE(max_ahead.load(), window + 1);
  EXPECT_EQ(consumed.load(), 200u);
}

TEST(OrderedJobs, AWorkersExceptionReachesTheCaller) {
  for (unsigned jobs : {1u, 3u}) {
    size_t consumed = 0;
    EXPECT_THROW(run_ordered(
                     100, jobs, 8,
                     [](size_t i) {
                       if (i == 37) throw std::runtime_error("boom");
                       return i;
                     },
                     [&](size_t, size_t&&) { ++consumed; }),
                 std::runtime_error);
    EXPECT_LE(consumed, 37u) << jobs;
  }
}

// A lazy source (a folder walk) is read only as far as the window allows:
// a batch of any size holds a bounded number of items at once.
TEST(OrderedJobs, ALazySourceIsReadNoFurtherThanTheWindow) {
  for (unsigned jobs : {1u, 2u, 4u}) {
    const size_t window = 8;
    size_t produced = 0, max_ahead = 0;
    std::atomic<size_t> consumed{0};
    std::vector<size_t> seen;
    run_ordered_from(
        jobs, window,
        [&]() -> std::optional<size_t> {
          if (produced == 500) return std::nullopt;
          max_ahead = std::max(max_ahead, produced - consumed);
          return produced++;
        },
        [](size_t item) { return item * 3; },
        [&](size_t i, size_t&& r) {
          EXPECT_EQ(r, i * 3);
          seen.push_back(i);
          consumed = i + 1;
        });
    EXPECT_EQ(seen.size(), 500u) << jobs;
    EXPECT_LE(max_ahead, window + 1) << jobs;
  }
}

TEST(OrderedJobs, NothingToDo) {
  int calls = 0;
  run_ordered(0, 4, 8, [](size_t i) { return i; }, [&](size_t, size_t&&) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace plancheck::cli
