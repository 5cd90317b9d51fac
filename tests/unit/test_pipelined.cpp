#include <ics/util/pipelined.hpp>

#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

using ics::util::pipelined;

namespace {

// Produces 0, 1, ..., n-1, counting what it made and on which thread.
struct Counter {
  explicit Counter(int count) : n(count) {}
  int n;
  std::atomic<int> made{0};
  std::thread::id thread;
  std::atomic<bool> stopped_early{false};
  template <typename Emit>
  void operator()(Emit emit) {
    thread = std::this_thread::get_id();
    for (int i = 0; i < n; ++i) {
      ++made;
      if (!emit(int{i})) {
        stopped_early = true;
        return;
      }
    }
  }
};

}  // namespace

TEST_CASE("pipelined: every item reaches the caller's thread, in order, across batch boundaries") {
  for (int n : {0, 1, 7, 8, 9, 1000}) {
    Counter producer{n};
    std::vector<int> seen;
    std::thread::id consumer_thread;
    pipelined<int>(
        std::ref(producer),
        [&](int& i) {
          consumer_thread = std::this_thread::get_id();
          seen.push_back(i);
        },
        8, 2);
    REQUIRE(seen.size() == static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) CHECK(seen[static_cast<std::size_t>(i)] == i);
    if (n > 0) {
      CHECK(consumer_thread == std::this_thread::get_id());
      CHECK(producer.thread != std::this_thread::get_id());
    }
  }
}

TEST_CASE("pipelined: the producer runs at most the queue's batches ahead of the consumer") {
  Counter producer{100000};
  int consumed = 0;
  int most_ahead = 0;
  pipelined<int>(
      std::ref(producer),
      [&](int&) {
        ++consumed;
        most_ahead = std::max(most_ahead, producer.made.load() - consumed);
      },
      16, 3);
  CHECK(consumed == 100000);
  // the batch being consumed, three queued and the one being filled
  CHECK(most_ahead <= 16 * 5);
}

TEST_CASE("pipelined: a producer's error comes after the items before it") {
  std::vector<int> seen;
  auto produce = [](auto emit) {
    for (int i = 0; i < 20; ++i) emit(int{i});
    throw std::runtime_error("unreadable row");
  };
  CHECK_THROWS_WITH_AS(pipelined<int>(
                           produce, [&](int& i) { seen.push_back(i); }, 8, 2),
                       "unreadable row", std::runtime_error);
  CHECK(seen.size() == 20);
}

TEST_CASE("pipelined: a consumer's error stops the producer and reaches the caller") {
  Counter producer{1000000};
  int consumed = 0;
  auto consume = [&](int& i) {
    ++consumed;
    if (i == 50) throw std::runtime_error("interrupted");
  };
  CHECK_THROWS_WITH_AS(pipelined<int>(std::ref(producer), consume, 8, 2), "interrupted", std::runtime_error);
  CHECK(consumed == 51);
  CHECK(producer.stopped_early);
  CHECK(producer.made < 1000);
}
