#include <ics/io/register/child_updates.hpp>

#include <algorithm>
#include <utility>
#include <vector>

namespace ics::io {

// As applying the row's update after the ones merged already (register_update_children): the
// last latest row's names, date of birth and sex where given; the first identifiers given.
void ChildUpdates::merge(Update& update, const RegisterRow& row, bool latest) {
  if (latest) {
    update.latest = true;
    update.given_names = row.given_names;
    update.family_name = row.family_name;
    if (row.date_of_birth) update.date_of_birth = row.date_of_birth;
    if (row.expected_dob) update.expected_dob = row.expected_dob;
    if (row.sex != "U") update.sex = row.sex;
  }
  if (!update.nhs_number) update.nhs_number = row.nhs_number;
  if (!update.upn) update.upn = row.upn;
}

void ChildUpdates::created(std::int64_t child, std::uint64_t details) {
  if (m_first_created < 0) m_first_created = child;
  if (child < m_first_created) return;
  auto index = static_cast<std::size_t>(child - m_first_created);
  if (index >= m_created_details.size()) m_created_details.resize(index + 1);
  m_created_details[index] = details;
}

std::uint64_t* ChildUpdates::details_of(std::int64_t child) {
  if (m_first_created < 0 || child < m_first_created) return nullptr;
  auto index = static_cast<std::size_t>(child - m_first_created);
  return index < m_created_details.size() ? &m_created_details[index] : nullptr;
}

// A row whose details equal the child's changes nothing (see register_update_children): its names
// are the child's, its date of birth and sex are the child's or unknown, and identifiers go only
// where the child lacks them, which it then does only when the row does too. The exception is a
// row with both a date of birth and an expected one (RowChecker makes none): it clears the latter.
void ChildUpdates::add(std::int64_t child, const RegisterRow& row, bool latest) {
  if (!latest && !row.nhs_number && !row.upn) return;  // nothing to change
  if (std::uint64_t* details = details_of(child)) {
    bool clears_expected_dob = row.date_of_birth && row.expected_dob;
    if (*details != 0 && *details == row.details && !clears_expected_dob) return;
    *details = 0;
  }
  merge(m_updates[child], row, latest);
}

// In the order of the children's ids: the child table's pages are then visited in turn rather
// than at random (a 1M-row import's ~100k updates took 0.6 s at random, 0.1 s in order).
void ChildUpdates::flush() {
  std::vector<std::pair<std::int64_t, const Update*>> in_order;
  in_order.reserve(m_updates.size());
  for (const auto& [child, update] : m_updates) in_order.emplace_back(child, &update);
  std::sort(in_order.begin(), in_order.end());
  for (const auto& [child, u] : in_order)
    m_store.add(store::ChildUpdate{.id = child,
                                   .latest = u->latest,
                                   .given_names = u->given_names,
                                   .family_name = u->family_name,
                                   .date_of_birth = u->date_of_birth,
                                   .expected_dob = u->expected_dob,
                                   .sex = u->sex,
                                   .nhs_number = optional_view(u->nhs_number),
                                   .upn = optional_view(u->upn)});
  m_store.flush();
  m_updates.clear();
}

}  // namespace ics::io
