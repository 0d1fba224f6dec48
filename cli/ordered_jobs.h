// Runs work(item) on `jobs` threads for every item next() gives, and hands
// each result to consume(index, result) on the calling thread in the order
// next() gave the items, so the output of a parallel batch is the same
// whatever --jobs is. next() is called under a lock, one item at a time, so
// a lazy source (a folder walk) needs no locking of its own. At most
// `window` results wait for their turn: no item is taken while the one
// `window` places before it is unconsumed, which bounds memory by the
// window, not by the batch.
//
// With jobs <= 1 no thread is started (a single plan from a cold start pays
// nothing for the pool). `work` must be safe to call from several threads at
// once; `consume` is only ever called from the calling thread. An exception
// from `work` or `consume` stops the run and is rethrown here.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace plancheck::cli {

template <class Next, class Work, class Consume>
void run_ordered_from(unsigned jobs, size_t window, Next&& next, Work&& work, Consume&& consume) {
  using Item = typename decltype(next())::value_type;
  using Result = decltype(work(std::declval<Item>()));
  if (jobs <= 1) {
    for (size_t i = 0;; ++i) {
      auto item = next();
      if (!item) return;
      consume(i, work(std::move(*item)));
    }
  }
  if (window < jobs) window = jobs;
  std::vector<std::optional<Result>> slots(window);
  std::mutex mu;
  std::condition_variable ready;  // a slot was filled, or the source ran dry (the consumer waits)
  std::condition_variable room;   // a slot was emptied (workers wait)
  size_t taken = 0;               // items taken from the source so far
  bool dry = false;               // next() said there are no more
  size_t consumed = 0;            // results handed to `consume` so far
  bool stop = false;              // the run is over (done, or something threw)
  std::exception_ptr failure;     // first exception thrown by `work`

  auto worker = [&] {
    for (;;) {
      size_t i;
      std::optional<Item> item;
      {
        std::unique_lock lock(mu);
        room.wait(lock, [&] { return stop || dry || taken < consumed + window; });
        if (stop || dry) return;
        try {
          item = next();
        } catch (...) {
          if (!failure) failure = std::current_exception();
          stop = true;
          ready.notify_all();
          room.notify_all();
          return;
        }
        if (!item) {
          dry = true;
          ready.notify_all();
          room.notify_all();
          return;
        }
        i = taken++;
      }
      std::optional<Result> r;
      try {
        r.emplace(work(std::move(*item)));
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

  // As many workers as the system lets us start (at least one, or the
  // batch runs on this thread).
  std::vector<std::thread> pool;
  pool.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) {
    try {
      pool.emplace_back(worker);
    } catch (const std::system_error&) {
      break;
    }
  }
  if (pool.empty()) return run_ordered_from(1, window, next, work, consume);

  std::exception_ptr consumer_failure;
  try {
    for (size_t i = 0;; ++i) {
      std::optional<Result> r;
      {
        std::unique_lock lock(mu);
        ready.wait(lock, [&] { return failure || slots[i % window].has_value() || (dry && i >= taken); });
        if (failure || !slots[i % window].has_value()) break;  // failed, or every result consumed
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
