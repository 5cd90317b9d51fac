#pragma once
// The hashes of one kind's rows, kept by id until the batch's chunks are worked out (any of them
// may still change): 32 bytes a row with no id beside it, in blocks of one chunk's ids
// (store/batch_digest.hpp), none moved as they grow. Private to store.
#include <ics/store/batch_digest.hpp>

#include <bitset>
#include <map>
#include <memory>

namespace ics::store {

class RowHashes {
 public:
  void set(std::int64_t id, const util::Sha256Digest& hash);
  void erase(std::int64_t id);
  std::size_t size() const { return m_size; }
  // Adds every row kept, in id order, to `digest` as rows of `kind`.
  void add_to(GroupDigest& digest, std::string_view kind) const;

 private:
  struct Chunk {
    std::bitset<k_chunk_ids> kept;
    std::array<util::Sha256Digest, k_chunk_ids> hashes;
  };
  std::map<std::int64_t, std::unique_ptr<Chunk>> m_chunks;  // by chunk number
  Chunk* m_last = nullptr;                                  // the chunk of the last row set
  std::int64_t m_last_number = -1;
  std::size_t m_size = 0;
};

}  // namespace ics::store
