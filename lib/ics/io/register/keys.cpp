#include <ics/io/register/keys.hpp>
#include <ics/util/error.hpp>

#include <functional>
#include <new>
#include <utility>

namespace ics::io {

namespace {

constexpr std::size_t k_initial_slots = 1024;  // a power of two

// At most 3/5 of the slots in use: a million keys fit 2^21 slots (16 MB) with room for an estimate
// a little over; probes stay short (8 slots share a cache line).
bool too_full(std::size_t keys, std::size_t slots) {
  return keys * 5 > slots * 3;
}

std::uint32_t hash_of(std::string_view key) {
  auto h = std::hash<std::string_view>{}(key);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

}  // namespace

KeyIndex::KeyIndex() : m_offsets{0}, m_slots(zeroed_slots(k_initial_slots)), m_slot_count(k_initial_slots) {}

KeyIndex::Slots KeyIndex::zeroed_slots(std::size_t count) {
  Slots slots(static_cast<Slot*>(std::calloc(count, sizeof(Slot))));
  if (!slots) throw std::bad_alloc();
  return slots;
}

std::size_t KeyIndex::slot_of(std::string_view key, std::uint32_t hash) const {
  std::size_t mask = m_slot_count - 1;
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const Slot& s = m_slots[slot];
    if (s.id_plus_one == 0 || (s.hash == hash && this->key(s.id_plus_one - 1) == key)) return slot;
  }
}

std::uint32_t KeyIndex::intern(std::string_view key, bool& added) {
  std::uint32_t hash = hash_of(key);
  std::size_t slot = slot_of(key, hash);
  if (m_slots[slot].id_plus_one != 0) {
    added = false;
    return m_slots[slot].id_plus_one - 1;
  }
  if (m_text.size() + key.size() > UINT32_MAX) throw StorageError("too many keys in one import");
  std::uint32_t id = size();
  m_text.append(key);
  m_offsets.push_back(static_cast<std::uint32_t>(m_text.size()));
  m_slots[slot] = {id + 1, hash};
  added = true;
  if (too_full(size(), m_slot_count)) grow();
  return id;
}

void KeyIndex::reserve(std::size_t keys, std::size_t bytes_each) {
  m_text.reserve(keys * bytes_each);
  m_offsets.reserve(keys + 1);
  std::size_t slots = m_slot_count;
  while (too_full(keys, slots)) slots *= 2;
  if (slots != m_slot_count) resize(slots);  // at once, not doubling again and again
}

void KeyIndex::prefetch(std::string_view key) const {
  __builtin_prefetch(&m_slots[hash_of(key) & (m_slot_count - 1)]);
}

std::optional<std::uint32_t> KeyIndex::find(std::string_view key) const {
  const Slot& s = m_slots[slot_of(key, hash_of(key))];
  if (s.id_plus_one == 0) return std::nullopt;
  return s.id_plus_one - 1;
}

std::string_view KeyIndex::key(std::uint32_t id) const {
  return std::string_view(m_text).substr(m_offsets[id], m_offsets[id + 1] - m_offsets[id]);
}

void KeyIndex::grow() {
  resize(m_slot_count * 2);
}

// Moves every key to a table of `slots` slots (a power of two).
void KeyIndex::resize(std::size_t slots) {
  Slots old = std::exchange(m_slots, zeroed_slots(slots));
  std::size_t old_count = std::exchange(m_slot_count, slots);
  std::size_t mask = m_slot_count - 1;
  for (std::size_t i = 0; i < old_count; ++i) {
    const Slot& s = old[i];
    if (s.id_plus_one == 0) continue;
    std::size_t slot = s.hash & mask;
    while (m_slots[slot].id_plus_one != 0) slot = (slot + 1) & mask;
    m_slots[slot] = s;
  }
}

void KeyIndex::clear() {
  std::string().swap(m_text);
  std::vector<std::uint32_t>{0}.swap(m_offsets);
  m_slots = zeroed_slots(k_initial_slots);
  m_slot_count = k_initial_slots;
}

}  // namespace ics::io
