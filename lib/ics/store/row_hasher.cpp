#include <ics/store/row_hasher.hpp>

#include <algorithm>
#include <cstring>
#include <string_view>

namespace ics::store {

namespace {
constexpr std::size_t k_block_rows = 1024;   // rows handed over at a time
constexpr std::size_t k_queued_blocks = 64;  // the writer waits beyond this (bounded memory)
}  // namespace

RowHasher::RowHasher(Keep keep, Derive derive)
    : m_keep(std::move(keep)), m_derive(std::move(derive)), m_thread([this] { run(); }) {}

RowHasher::~RowHasher() {
  {
    std::lock_guard lock(m_mutex);
    m_done = true;
    m_queue.clear();
  }
  m_changed.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

void RowHasher::grow(std::size_t n) {
  auto capacity = std::max(m_block.capacity * 2, m_block.size + n + 4096);
  auto bytes = std::make_unique_for_overwrite<char[]>(capacity);
  if (m_block.size) std::memcpy(bytes.get(), m_block.bytes.get(), m_block.size);
  m_block.bytes = std::move(bytes);
  m_block.capacity = capacity;
}

void RowHasher::end_row(std::size_t kind, std::int64_t id) {
  m_block.rows.push_back({kind, id, m_block.size});
  if (m_block.rows.size() == k_block_rows) hand_over();
}

void RowHasher::hand_over() {
  Block next;
  {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_queue.size() < k_queued_blocks; });
    m_queue.push_back(std::move(m_block));
    if (!m_free.empty()) {
      next = std::move(m_free.front());
      m_free.pop_front();
    }
  }
  m_changed.notify_all();
  next.size = 0;
  next.rows.clear();
  m_block = std::move(next);
}

void RowHasher::run() {
  const Add add = [this](std::size_t kind, std::int64_t id, std::string_view bytes) {
    m_keep(kind, id, util::sha256_bytes(bytes));
  };
  for (;;) {
    Block block;
    {
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [&] { return m_done || !m_queue.empty(); });
      if (m_queue.empty()) return;
      block = std::move(m_queue.front());
      m_queue.pop_front();
    }
    m_changed.notify_all();
    std::size_t begin = 0;
    for (const auto& row : block.rows) {
      auto bytes = std::string_view(block.bytes.get() + begin, row.end - begin);
      if (m_derive)
        m_derive(row.kind, row.id, bytes, add);
      else
        add(row.kind, row.id, bytes);
      begin = row.end;
    }
    std::lock_guard lock(m_mutex);
    if (m_free.size() < 4) m_free.push_back(std::move(block));
  }
}

void RowHasher::finish() {
  if (!m_block.rows.empty()) hand_over();
  {
    std::lock_guard lock(m_mutex);
    m_done = true;
  }
  m_changed.notify_all();
  if (m_thread.joinable()) m_thread.join();
}

}  // namespace ics::store
