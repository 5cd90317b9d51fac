#include <ics/io/register_import_match.hpp>
#include <ics/util/error.hpp>

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace ics::io {

namespace {

// Records `row` as the first holder of a new key, or joins it to the key's first holder.
template <typename Unite>
void link(KeyIndex& keys, std::vector<std::uint32_t>& first, std::string_view key, std::uint32_t row,
          Unite unite) {
  if (key.empty()) return;
  bool added = false;
  std::uint32_t id = keys.intern(key, added);
  if (added)
    first.push_back(row);
  else
    unite(first[id], row);
}

}  // namespace

std::uint32_t ChildMatcher::find(std::uint32_t row) {
  while (m_parent[row] != row) {
    m_parent[row] = m_parent[m_parent[row]];  // path halving
    row = m_parent[row];
  }
  return row;
}

// The root of a group is always its first row.
void ChildMatcher::unite(std::uint32_t a, std::uint32_t b) {
  a = find(a);
  b = find(b);
  if (a < b)
    m_parent[b] = a;
  else if (b < a)
    m_parent[a] = b;
}

void ChildMatcher::add_row(std::string_view person, std::string_view nhs, util::Date start, long line) {
  if (m_parent.size() >= UINT32_MAX - 1) throw StorageError("too many rows in one import");
  auto row = static_cast<std::uint32_t>(m_parent.size());
  m_parent.push_back(row);
  m_start.push_back(static_cast<std::int32_t>(start.days().time_since_epoch().count()));
  m_line.push_back(static_cast<std::uint32_t>(line));
  auto join = [this](std::uint32_t a, std::uint32_t b) { unite(a, b); };
  link(m_persons, m_person_first, person, row, join);
  link(m_nhs, m_nhs_first, nhs, row, join);
}

void ChildMatcher::reserve(std::size_t rows) {
  constexpr std::size_t k_key_bytes = 10;  // person ids and NHS numbers are about this long
  m_persons.reserve(rows, k_key_bytes);
  m_nhs.reserve(rows, k_key_bytes);
  m_person_first.reserve(rows);
  m_nhs_first.reserve(rows);
  m_parent.reserve(rows);
  m_start.reserve(rows);
  m_line.reserve(rows);
}

std::vector<ChildMatcher::Clash> ChildMatcher::resolve(const Lookup& by_person, const Lookup& by_nhs) {
  std::uint32_t n = rows();
  m_flags.assign(n, 0);
  m_child.assign(n, 0);
  struct Found {
    std::uint32_t row;  // the key's first row
    std::int64_t child;
    bool person;
    std::uint32_t key;
  };
  std::vector<Found> found;
  for (std::uint32_t id = 0; id < m_persons.size(); ++id) {
    auto child = by_person ? by_person(m_persons.key(id)) : std::nullopt;
    if (child)
      found.push_back({m_person_first[id], *child, true, id});
    else
      m_flags[m_person_first[id]] |= k_adds_person;
  }
  if (by_nhs)
    for (std::uint32_t id = 0; id < m_nhs.size(); ++id)
      if (auto child = by_nhs(m_nhs.key(id))) found.push_back({m_nhs_first[id], *child, false, id});

  // Groups naming the same child of the database are that one child.
  std::unordered_map<std::int64_t, std::uint32_t> group_of_child;
  for (const auto& f : found) {
    auto [it, fresh] = group_of_child.emplace(f.child, f.row);
    if (!fresh) unite(it->second, f.row);
  }
  for (std::uint32_t row = 0; row < n; ++row) m_parent[row] = find(row);

  std::vector<Clash> clashes;
  for (const auto& f : found) {
    std::uint32_t group = m_parent[f.row];
    if (m_child[group] == 0) {
      m_child[group] = f.child;
      m_flags[group] |= k_existing;
    } else if (m_child[group] != f.child) {
      const KeyIndex& keys = f.person ? m_persons : m_nhs;
      clashes.push_back({static_cast<long>(m_line[f.row]), f.person ? "child_ref" : "nhs_number",
                         std::string(keys.key(f.key)), m_child[group], f.child});
    }
  }
  for (std::uint32_t row = 0; row < n; ++row) {
    if (!is_first(row)) continue;
    if (m_flags[row] & k_existing)
      ++m_existing_children;
    else
      ++m_new_children;
  }
  rank_rows();
  keep_further_persons();
  m_persons.clear();
  m_nhs.clear();
  std::vector<std::uint32_t>().swap(m_person_first);
  std::vector<std::uint32_t>().swap(m_nhs_first);
  std::vector<std::uint32_t>().swap(m_line);
  return clashes;
}

// The person ids new to the database other than those new children are created from, with the
// first row of each (few: only children with several person ids have them).
void ChildMatcher::keep_further_persons() {
  for (std::uint32_t id = 0; id < m_persons.size(); ++id) {
    std::uint32_t row = m_person_first[id];
    bool created_from = is_first(row) && !(m_flags[row] & k_existing);  // the child's legacy id
    if ((m_flags[row] & k_adds_person) && !created_from)
      m_further_persons.push_back({std::string(m_persons.key(id)), row});
  }
  std::sort(m_further_persons.begin(), m_further_persons.end());
}

std::vector<ChildMatcher::NewPerson> ChildMatcher::new_persons() const {
  std::vector<NewPerson> out;
  for (const auto& [person, row] : m_further_persons) out.push_back({person, child_of(row)});
  return out;
}

// Most children have one row: only the rows of children with several are sorted.
void ChildMatcher::rank_rows() {
  std::uint32_t n = rows();
  m_before.assign(n, 0);  // first the number of rows in each group
  for (std::uint32_t row = 0; row < n; ++row) ++m_before[m_parent[row]];
  std::vector<std::uint32_t> shared;
  for (std::uint32_t row = 0; row < n; ++row) {
    if (m_before[m_parent[row]] > 1) {
      shared.push_back(row);
    } else {
      m_before[row] = 0;
      m_flags[row] |= k_latest;
    }
  }
  std::sort(shared.begin(), shared.end(), [this](std::uint32_t a, std::uint32_t b) {
    return std::tie(m_parent[a], m_start[a], a) < std::tie(m_parent[b], m_start[b], b);
  });
  for (std::size_t i = 0; i < shared.size(); ++i) {
    std::uint32_t row = shared[i];
    bool starts_group = i == 0 || m_parent[shared[i - 1]] != m_parent[row];
    m_before[row] = starts_group ? 0 : m_before[shared[i - 1]] + 1;
    if (i + 1 == shared.size() || m_parent[shared[i + 1]] != m_parent[row]) m_flags[row] |= k_latest;
  }
}

}  // namespace ics::io
