// Runs work(item) on `jobs` threads for every item next() gives, and hands
// each result to consume(index, result) in the order next() gave the
// items, so the output of a parallel batch is the same whatever --jobs is.
// next() is called under a lock, one item at a time, so a lazy source (a
// folder walk) needs no locking of its own. At most `window` results wait
// for their turn: no item is taken while the one `window` places before it
// is unconsumed, which bounds memory by the window, not by the batch.
//
// The calling thread is one of the `jobs` workers, and there is no writer
// thread: whichever worker finishes the result that is next in order hands
// it, and any that were waiting behind it, to `consume`. On a machine with
// as many cores as jobs no thread waits for a core, and a result costs no
// wake-up of another thread. `consume` is called one result at a time, in
// order, from one thread at a time (not always the same); `work` must be
// safe to call from several threads at once. With jobs <= 1 no thread is
// started (a single plan from a cold start pays nothing for the pool). An
// exception from `work` or `consume` stops the run and is rethrown here.
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
  std::condition_variable room;  // a slot was emptied, or the run is over (workers waiting to take an item)
  size_t taken = 0;              // items taken from the source so far
  bool dry = false;              // next() said there are no more
  size_t consumed = 0;           // results handed to `consume` so far
  bool consuming = false;        // a worker is handing results to `consume`
  bool stop = false;             // something threw: the run is over
  std::exception_ptr failure;    // the first exception, from `work`, `next` or `consume`

  // Under the lock: records the first failure and stops everyone.
  const auto fail = [&](std::exception_ptr e) {
    if (!failure) failure = e;
    stop = true;
    room.notify_all();
  };
  auto worker = [&] {
    std::unique_lock lock(mu);
    for (;;) {
      room.wait(lock, [&] { return stop || dry || taken < consumed + window; });
      if (stop || dry) return;
      std::optional<Item> item;
      try {
        item = next();
      } catch (...) {
        return fail(std::current_exception());
      }
      if (!item) {
        dry = true;
        room.notify_all();
        return;
      }
      const size_t i = taken++;
      lock.unlock();
      std::optional<Result> r;
      try {
        r.emplace(work(std::move(*item)));
      } catch (...) {
        lock.lock();
        return fail(std::current_exception());
      }
      lock.lock();
      slots[i % window] = std::move(r);
      // Hand on every result that is ready in order, unless another worker
      // is doing so (it will find this one too: it looks under the lock).
      if (consuming) continue;
      consuming = true;
      while (!stop && slots[consumed % window].has_value()) {
        std::optional<Result> next_result = std::move(slots[consumed % window]);
        slots[consumed % window].reset();
        const size_t index = consumed;
        lock.unlock();
        try {
          consume(index, std::move(*next_result));
        } catch (...) {
          lock.lock();
          consuming = false;
          return fail(std::current_exception());
        }
        lock.lock();
        ++consumed;
        room.notify_all();
      }
      consuming = false;
    }
  };

  // As many helpers as the system lets us start; this thread is a worker too.
  std::vector<std::thread> helpers;
  helpers.reserve(jobs - 1);
  for (unsigned t = 1; t < jobs; ++t) {
    try {
      helpers.emplace_back(worker);
    } catch (const std::system_error&) {
      break;
    }
  }
  worker();
  for (auto& t : helpers) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace plancheck::cli
