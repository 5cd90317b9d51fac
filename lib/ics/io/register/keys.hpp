#pragma once
// A compact set of short text keys (register references, legacy person ids, NHS numbers) for a
// whole export held in memory: each distinct key gets a dense id 0, 1, 2, ... in the order first
// seen. The keys live in one buffer and the table holds ids and hashes, so a million keys of ten
// bytes take about 35 MB.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ics::io {

class KeyIndex {
 public:
  KeyIndex();

  // The id of `key`, adding it when new (`added` says which).
  std::uint32_t intern(std::string_view key, bool& added);
  std::optional<std::uint32_t> find(std::string_view key) const;
  // Asks the CPU to fetch the slot where `key` would be, ahead of intern or find: a table of a
  // million keys is far bigger than the caches, so each lookup would otherwise wait on memory.
  void prefetch(std::string_view key) const;
  std::string_view key(std::uint32_t id) const;
  std::uint32_t size() const { return static_cast<std::uint32_t>(m_offsets.size() - 1); }
  // Makes room for about `keys` keys of `bytes_each` bytes, so that adding them moves nothing.
  void reserve(std::size_t keys, std::size_t bytes_each);
  // Frees the memory.
  void clear();

 private:
  struct Slot {
    std::uint32_t id_plus_one = 0;  // 0: free
    std::uint32_t hash = 0;         // compared before the key, which lives elsewhere in memory
  };
  std::size_t slot_of(std::string_view key, std::uint32_t hash) const;
  void grow();
  void resize(std::size_t slots);
  // Slots from calloc: the system hands over a large table as pages of zeros that cost nothing
  // until first written, where a vector would write zeros over every slot first. A million keys'
  // table is 16 MB, and zeroing the import's three of them held up its start by ~0.1 s.
  struct Free {
    void operator()(Slot* slots) const { std::free(slots); }
  };
  using Slots = std::unique_ptr<Slot[], Free>;
  static Slots zeroed_slots(std::size_t count);

  std::string m_text;                    // every key, one after another
  std::vector<std::uint32_t> m_offsets;  // key i is m_text[m_offsets[i], m_offsets[i + 1])
  Slots m_slots;                         // open addressing, a power of two long
  std::size_t m_slot_count = 0;
};

}  // namespace ics::io
