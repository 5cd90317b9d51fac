#include <ics/io/register/match.hpp>
#include <ics/util/error.hpp>

#include <algorithm>
#include <tuple>

namespace ics::io {

namespace {

constexpr std::uint32_t k_none = UINT32_MAX;

std::int32_t days_of(util::Date date) {
  return static_cast<std::int32_t>(date.days().time_since_epoch().count());
}

}  // namespace

std::uint32_t ChildMatcher::find(std::uint32_t row) {
  while (m_parent[row] != row) {
    m_parent[row] = m_parent[m_parent[row]];  // path halving
    row = m_parent[row];
  }
  return row;
}

void ChildMatcher::reserve(std::size_t rows) {
  constexpr std::size_t k_key_bytes = 10;  // person ids and NHS numbers are about this long
  m_persons.reserve(rows, k_key_bytes);
  m_nhs.reserve(rows, k_key_bytes);
  m_person_row.reserve(rows);
  m_nhs_row.reserve(rows);
  m_parent.reserve(rows);
  m_groups.reserve(rows);
}

std::optional<std::uint32_t> ChildMatcher::link(KeyIndex& keys, std::vector<std::uint32_t>& rows,
                                                std::string_view key, std::uint32_t row, const Lookup& lookup,
                                                std::string_view field) {
  if (key.empty()) return std::nullopt;
  bool added = false;
  std::uint32_t id = keys.intern(key, added);
  if (!added) {
    m_links.push_back({find(rows[id]), 0, field, keys.key(id)});
    return std::nullopt;
  }
  rows.push_back(row);
  auto child = lookup ? lookup(key) : std::nullopt;
  if (!child) return id;
  auto it = m_group_of_existing.find(*child);
  m_links.push_back(
      {it == m_group_of_existing.end() ? k_none : find(it->second), *child, field, keys.key(id)});
  return std::nullopt;
}

// Group `other` joins group `root` (the earlier): one child is left, and the rows are counted again.
void ChildMatcher::join(std::uint32_t root, std::uint32_t other, const Link& link) {
  Group& into = m_groups[root];
  Group& from = m_groups[other];
  bool into_existing = into.flags & k_existing, from_existing = from.flags & k_existing;
  bool from_is_later =
      std::tie(from.latest_start, from.latest_row) > std::tie(into.latest_start, into.latest_row);
  if (into_existing && from_existing) {  // the plans go to the one found first; both stay
    m_placement.clashes.push_back({std::string(link.field), std::string(link.value), into.child, from.child});
    m_placement.folds.push_back({.from = from.child, .into = into.child});
    --m_existing_children;
  } else if (from_existing) {  // the group takes the database's child
    m_placement.folds.push_back({.from = into.child, .into = from.child, .from_created = true});
    into.child = from.child;
    into.flags |= k_existing;
    --m_new_children;
  } else {
    m_placement.folds.push_back({.from = from.child,
                                 .into = into.child,
                                 .from_created = true,
                                 .into_created = !into_existing,
                                 .from_is_later = from_is_later});
    --m_new_children;
  }
  if (from_is_later) {
    into.latest_start = from.latest_start;
    into.latest_row = from.latest_row;
  }
  into.rows += from.rows;
  into.flags |= k_recount;
  m_parent[other] = root;
}

// The group's keys name `child` of the database, which no group holds yet.
void ChildMatcher::claim(std::uint32_t root, std::int64_t child, const Link& link) {
  Group& group = m_groups[root];
  m_group_of_existing.emplace(child, root);  // later rows naming `child` join this group
  if (group.flags & k_existing) {
    m_placement.clashes.push_back({std::string(link.field), std::string(link.value), group.child, child});
    return;
  }
  if (group.child != 0) {  // a child this import created is that one
    m_placement.folds.push_back({.from = group.child, .into = child, .from_created = true});
    --m_new_children;
    group.flags |= k_recount;
  }
  group.child = child;
  group.flags |= k_existing;
  ++m_existing_children;
}

// The row, placed in group `root`, is the group's newest row.
void ChildMatcher::place(std::uint32_t root, std::uint32_t row, std::int32_t start) {
  Placement& p = m_placement;
  Group& group = m_groups[root];
  m_parent[row] = root;
  p.create = root == row && group.child == 0;
  if (p.create) {
    group.child = m_next_id++;
    ++m_new_children;
  }
  p.child = group.child;
  p.existing = group.flags & k_existing;
  if (root == row) {  // the first row of a new group
    p.latest = !p.existing;
    p.plans_before = 0;
    return;
  }
  bool in_order = start >= group.latest_start;  // on a tie the later row of the file is the latest
  p.latest = in_order && !p.existing;
  p.plans_before = group.rows++;
  if (in_order) {
    group.latest_start = start;
    group.latest_row = row;
  } else {
    group.flags |= k_recount;
  }
}

void ChildMatcher::prefetch(std::string_view person, std::string_view nhs) const {
  if (!person.empty()) m_persons.prefetch(person);
  if (!nhs.empty()) m_nhs.prefetch(nhs);
}

const ChildMatcher::Placement& ChildMatcher::add_row(std::string_view person, std::string_view nhs,
                                                     util::Date start) {
  if (m_parent.size() >= UINT32_MAX - 1) throw StorageError("too many rows in one import");
  auto row = rows();
  std::int32_t days = days_of(start);
  m_parent.push_back(row);
  m_groups.push_back({.latest_start = days, .latest_row = row, .rows = 1});
  m_placement.row = row;
  m_placement.folds.clear();
  m_placement.clashes.clear();
  m_links.clear();

  auto new_person = link(m_persons, m_person_row, person, row, m_lookups.child_by_person, "child_ref");
  link(m_nhs, m_nhs_row, nhs, row, m_lookups.child_by_nhs, "nhs_number");

  // The earliest group the row's keys lead to keeps the child; the others join it.
  std::uint32_t root = row;
  for (const auto& l : m_links) root = std::min(root, l.root);
  for (const auto& l : m_links)
    if (l.root != k_none && find(l.root) != root) join(root, find(l.root), l);
  for (const auto& l : m_links)
    if (l.root == k_none) claim(root, l.child, l);
  place(root, row, days);

  // A person id new to the database: the legacy id of a child created from this row, else a
  // further reference of the row's child.
  if (new_person && !m_placement.create) m_further_persons.push_back({*new_person, row});
  return m_placement;
}

std::vector<ChildMatcher::NewPerson> ChildMatcher::new_persons() {
  std::vector<NewPerson> out;
  out.reserve(m_further_persons.size());
  for (const auto& [key, row] : m_further_persons)
    out.push_back({m_persons.key(key), m_groups[find(row)].child});
  std::sort(out.begin(), out.end(),
            [](const NewPerson& a, const NewPerson& b) { return a.person < b.person; });
  return out;
}

std::vector<std::int64_t> ChildMatcher::children_to_recount() {
  std::vector<std::int64_t> out;
  for (std::uint32_t row = 0; row < rows(); ++row)
    if (m_parent[row] == row && (m_groups[row].flags & k_recount)) out.push_back(m_groups[row].child);
  return out;
}

}  // namespace ics::io
