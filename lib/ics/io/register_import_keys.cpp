#include <ics/io/register_import_keys.hpp>
#include <ics/util/error.hpp>

#include <functional>

namespace ics::io {

namespace {
constexpr std::size_t k_initial_slots = 1024;  // a power of two
}

KeyIndex::KeyIndex() : m_offsets{0}, m_slots(k_initial_slots, 0) {}

std::size_t KeyIndex::slot_of(std::string_view key, std::size_t hash) const {
  std::size_t mask = m_slots.size() - 1;
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    std::uint32_t entry = m_slots[slot];
    if (entry == 0 || this->key(entry - 1) == key) return slot;
  }
}

std::uint32_t KeyIndex::intern(std::string_view key, bool& added) {
  std::size_t hash = std::hash<std::string_view>{}(key);
  std::size_t slot = slot_of(key, hash);
  if (m_slots[slot] != 0) {
    added = false;
    return m_slots[slot] - 1;
  }
  if (m_text.size() + key.size() > UINT32_MAX) throw StorageError("too many keys in one import");
  std::uint32_t id = size();
  m_text.append(key);
  m_offsets.push_back(static_cast<std::uint32_t>(m_text.size()));
  m_slots[slot] = id + 1;
  added = true;
  if (static_cast<std::size_t>(size()) * 2 > m_slots.size()) grow();  // load factor at most 1/2
  return id;
}

std::optional<std::uint32_t> KeyIndex::find(std::string_view key) const {
  std::uint32_t entry = m_slots[slot_of(key, std::hash<std::string_view>{}(key))];
  if (entry == 0) return std::nullopt;
  return entry - 1;
}

std::string_view KeyIndex::key(std::uint32_t id) const {
  return std::string_view(m_text).substr(m_offsets[id], m_offsets[id + 1] - m_offsets[id]);
}

void KeyIndex::grow() {
  std::vector<std::uint32_t> old(m_slots.size() * 2, 0);
  old.swap(m_slots);
  std::size_t mask = m_slots.size() - 1;
  for (std::uint32_t id = 0; id < size(); ++id) {
    std::size_t slot = std::hash<std::string_view>{}(key(id)) & mask;
    while (m_slots[slot] != 0) slot = (slot + 1) & mask;
    m_slots[slot] = id + 1;
  }
}

void KeyIndex::clear() {
  std::string().swap(m_text);
  std::vector<std::uint32_t>{0}.swap(m_offsets);
  std::vector<std::uint32_t>(k_initial_slots, 0).swap(m_slots);
}

}  // namespace ics::io
