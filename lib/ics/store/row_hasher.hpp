#pragma once
// Hashes the images of the rows an import writes (store/batch_digest.hpp), on a thread of its own:
// the writing thread only frames each image's bytes, a block of rows at a time, and the hashing
// runs beside it on the other core (private to store).
#include <ics/util/sha256.hpp>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace ics::store {

class RowHasher {
 public:
  // Called on the hashing thread with each row's hash: its kind, id and hash.
  using Keep = std::function<void(std::size_t kind, std::int64_t id, const util::Sha256Digest& hash)>;
  // Adds a row derived on the hashing thread: its kind, id and image's bytes.
  using Add = std::function<void(std::size_t kind, std::int64_t id, std::string_view bytes)>;
  // Called on the hashing thread with each row handed over (its kind, id and bytes) instead of
  // hashing it as it is: adds the rows framed from it (an import's plan, its episode and its
  // conference from the plan's values as written), sparing the writing thread the framing.
  using Derive =
      std::function<void(std::size_t kind, std::int64_t id, std::string_view bytes, const Add& add)>;

  explicit RowHasher(Keep keep, Derive derive = {});
  ~RowHasher();  // stops the thread, dropping what is unhashed
  RowHasher(const RowHasher&) = delete;
  RowHasher& operator=(const RowHasher&) = delete;

  // A row: its image's values are written one by one where room(n) says, n being the most a value
  // may take (batch_digest.hpp's write_image_value and image_value_room), each followed by
  // wrote(its end); then end_row names its kind (an index below `kinds`) and id.
  char* room(std::size_t n) {
    if (m_block.capacity - m_block.size < n) grow(n);
    return m_block.bytes.get() + m_block.size;
  }
  void wrote(const char* end) { m_block.size = static_cast<std::size_t>(end - m_block.bytes.get()); }
  void end_row(std::size_t kind, std::int64_t id);

  // Waits until every row added is hashed and kept.
  void finish();

 private:
  struct Row {
    std::size_t kind = 0;
    std::int64_t id = 0;
    std::size_t end = 0;  // of its bytes in the block
  };
  struct Block {  // the bytes of a block of rows, without std::string's filling of what it grows
    std::unique_ptr<char[]> bytes;
    std::size_t size = 0, capacity = 0;
    std::vector<Row> rows;
  };
  void grow(std::size_t n);
  void hand_over();  // the block filled so far goes to the thread
  void run();

  Keep m_keep;
  Derive m_derive;
  Block m_block;  // the writing thread's
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<Block> m_queue, m_free;  // under m_mutex
  bool m_done = false;                // under m_mutex
  std::thread m_thread;
};

}  // namespace ics::store
