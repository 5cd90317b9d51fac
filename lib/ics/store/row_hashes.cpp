#include <ics/store/row_hashes.hpp>

namespace ics::store {

namespace {
std::size_t slot(std::int64_t id) {
  return static_cast<std::size_t>(id % k_chunk_ids);
}
}  // namespace

void RowHashes::set(std::int64_t id, const util::Sha256Digest& hash) {
  std::int64_t number = id / k_chunk_ids;
  if (number != m_last_number) {
    auto& chunk = m_chunks[number];
    if (!chunk) chunk.reset(new Chunk);  // the hashes left unset: only those kept are read
    m_last = chunk.get();
    m_last_number = number;
  }
  auto at = slot(id);
  if (!m_last->kept.test(at)) ++m_size;
  m_last->kept.set(at);
  m_last->hashes[at] = hash;
}

void RowHashes::erase(std::int64_t id) {
  auto found = m_chunks.find(id / k_chunk_ids);
  if (found == m_chunks.end() || !found->second->kept.test(slot(id))) return;
  found->second->kept.reset(slot(id));
  --m_size;
}

void RowHashes::add_to(GroupDigest& digest, std::string_view kind) const {
  for (const auto& [number, chunk] : m_chunks)
    for (std::size_t at = 0; at < k_chunk_ids; ++at)
      if (chunk->kept.test(at))
        digest.add(kind, number * k_chunk_ids + static_cast<std::int64_t>(at), chunk->hashes[at]);
}

}  // namespace ics::store
