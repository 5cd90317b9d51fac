#pragma once
// Runs a producer on a thread of its own and hands what it makes to the calling thread in batches,
// through a queue of at most `max_batches` batches: the two sides overlap (a second core does the
// reading while the caller works) and memory stays bounded however much is produced.
// store::read_census reads the census this way.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace ics::util {

// produce(emit) runs on the producing thread and calls emit(T&&) for each item; emit returns false
// once the consumer has stopped, and produce should then return. consume(T&) runs on the calling
// thread, in order. An exception from produce is rethrown here once the items before it have been
// consumed; an exception from consume stops the producer and is rethrown once its thread has ended.
template <typename T, typename Produce, typename Consume>
void pipelined(Produce produce, Consume consume, std::size_t batch_size = 256, std::size_t max_batches = 4) {
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::vector<T>> full;  // guarded by mutex, as are the three below
  bool done = false;
  bool stop = false;
  std::exception_ptr error;

  auto hand_over = [&](std::vector<T>& batch) {  // on the producing thread; false: stopped
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return stop || full.size() < max_batches; });
    if (stop) return false;
    full.push_back(std::exchange(batch, {}));
    batch.reserve(batch_size);
    changed.notify_all();
    return true;
  };
  std::thread producer([&] {
    std::vector<T> batch;
    batch.reserve(batch_size);
    bool open = true;
    std::exception_ptr failed;
    try {
      produce([&](T&& item) {
        if (!open) return false;
        batch.push_back(std::move(item));
        if (batch.size() >= batch_size) open = hand_over(batch);
        return open;
      });
    } catch (...) {
      failed = std::current_exception();
    }
    if (open && !batch.empty()) hand_over(batch);  // the last items, made before any error too
    std::lock_guard lock(mutex);
    error = failed;
    done = true;
    changed.notify_all();
  });

  try {
    for (;;) {
      std::vector<T> batch;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return !full.empty() || done; });
        if (full.empty()) break;
        batch = std::move(full.front());
        full.pop_front();
        changed.notify_all();
      }
      for (auto& item : batch) consume(item);
    }
  } catch (...) {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    producer.join();
    throw;
  }
  producer.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace ics::util
