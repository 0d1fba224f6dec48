// Runs work(i) for i in [0, count) on `jobs` threads and hands each result to
// consume(i, result) on the calling thread in index order, so the output of a
// parallel batch is the same whatever --jobs is. At most `window` results wait
// for their turn: a worker does not start item i until item i - window has
// been consumed, which keeps memory bounded by the window, not by the batch.
//
// With jobs <= 1 no thread is started (a single plan from a cold start pays
// nothing for the pool). `work` must be safe to call from several threads at
// once; `consume` is only ever called from the calling thread.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace plancheck::cli {

template <class Work, class Consume>
void run_ordered(size_t count, unsigned jobs, size_t window, Work&& work, Consume&& consume) {
  using Result = decltype(work(size_t{0}));
  if (jobs <= 1 || count <= 1) {
    for (size_t i = 0; i < count; ++i) consume(i, work(i));
    return;
  }
  if (window < jobs) window = jobs;
  std::vector<std::optional<Result>> slots(window);
  std::mutex mu;
  std::condition_variable ready;  // a slot was filled (the consumer waits)
  std::condition_variable room;   // a slot was emptied (workers wait)
  size_t next = 0;                // next index to hand to a worker
  size_t consumed = 0;            // results handed to `consume` so far
  bool stop = false;              // the consumer threw: workers finish early
  std::exception_ptr failure;     // first exception thrown by `work`

  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock lock(mu);
        room.wait(lock, [&] { return stop || next >= count || next < consumed + window; });
        if (stop || next >= count) return;
        i = next++;
      }
      std::optional<Result> r;
      try {
        r.emplace(work(i));
      } catch (...) {
        std::lock_guard lock(mu);
        if (!failure) failure = std::current_exception();
        stop = true;
        ready.notify_all();
        room.notify_all();
        return;
      }
      {
        std::lock_guard lock(mu);
        slots[i % window] = std::move(r);
      }
      ready.notify_all();
    }
  };

  std::vector<std::thread> pool;
  const unsigned n = static_cast<unsigned>(std::min<size_t>(jobs, count));
  pool.reserve(n);
  for (unsigned t = 0; t < n; ++t) pool.emplace_back(worker);

  std::exception_ptr consumer_failure;
  try {
    for (size_t i = 0; i < count; ++i) {
      std::optional<Result> r;
      {
        std::unique_lock lock(mu);
        ready.wait(lock, [&] { return failure || slots[i % window].has_value(); });
        if (failure) break;
        r = std::move(slots[i % window]);
        slots[i % window].reset();
        consumed = i + 1;
      }
      room.notify_all();
      consume(i, std::move(*r));
    }
  } catch (...) {
    consumer_failure = std::current_exception();
  }
  {
    std::lock_guard lock(mu);
    stop = true;
  }
  room.notify_all();
  for (auto& t : pool) t.join();
  if (consumer_failure) std::rethrow_exception(consumer_failure);
  if (failure) std::rethrow_exception(failure);
}

}  // namespace plancheck::cli
