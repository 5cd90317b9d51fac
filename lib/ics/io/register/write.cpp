#include <ics/io/register/write.hpp>
#include <ics/plan/timetable.hpp>

namespace ics::io {

namespace {

// Children whose updates are held before they are applied: the more, the more of them share
// pages of the child table (~4 MB held).
constexpr std::size_t k_update_children = 16384;

// The details of a child this import created, as a row that could have created it.
RegisterRow as_row(const store::ChildDetails& child) {
  RegisterRow row;
  row.given_names = child.given_names;
  row.family_name = child.family_name;
  row.date_of_birth = child.date_of_birth;
  row.expected_dob = child.expected_dob;
  row.sex = child.sex;
  row.nhs_number = child.nhs_number;
  row.upn = child.upn;
  return row;
}

}  // namespace

RegisterWriter::RegisterWriter(store::RegisterWrites& store, const plan::Template& plan_template,
                               const util::Calendar& calendar)
    : m_store(store), m_child_updates(store), m_template(plan_template), m_calendar(calendar) {}

void RegisterWriter::create_child(const RegisterRow& row, std::int64_t id) {
  m_store.add(store::RegisterChild{
      .id = id,
      .given_names = row.given_names,
      .family_name = row.family_name,
      .date_of_birth = row.date_of_birth,
      .expected_dob = row.expected_dob,
      .sex = row.sex,
      .nhs_number = optional_view(row.nhs_number),
      .upn = optional_view(row.upn),
      .source_line = row.line,
      // A child is created from its first row, whose person id (if any) becomes its legacy id.
      .legacy_id = row.child_ref.empty() ? std::nullopt : std::optional<std::string_view>(row.child_ref),
  });
}

void RegisterWriter::flush() {
  m_store.flush();
  m_child_updates.flush();  // after the children they update
}

void RegisterWriter::fold(const ChildMatcher::Fold& fold) {
  flush();  // the plans to move and the child to delete must be in the tables
  m_store.move_plans(fold.from, fold.into);
  if (!fold.from_created) return;  // a child of the database stays as it is
  std::optional<RegisterRow> details;
  if (fold.into_created) details = as_row(m_store.child_details(fold.from));
  m_store.delete_child(fold.from, fold.into);
  // After the delete: an NHS number or UPN the kept child takes must be free in the unique index.
  if (details) m_child_updates.add(fold.into, *details, fold.from_is_later);
}

void RegisterWriter::write(const RegisterRow& row, const ChildMatcher::Placement& placement) {
  for (const auto& f : placement.folds) fold(f);
  std::int64_t child_id = placement.child;
  bool existing = placement.existing;
  if (placement.create) {
    create_child(row, child_id);
    m_child_updates.created(child_id, row.details);
  } else if (!existing) {
    m_child_updates.add(child_id, row, placement.latest);
  }
  if (m_child_updates.size() == k_update_children) flush();  // the children first, then their updates
  int previous =
      static_cast<int>(placement.plans_before) + (existing ? m_store.plans_before(child_id, row.start) : 0);
  m_store.add(store::RegisterPlan{
      .child_id = child_id,
      .category = row.category,
      .start_date = row.start,
      .end_date = row.end,
      .end_reason = optional_view(row.end_reason),
      .lead_worker = optional_view(row.lead_worker),
      .team = optional_view(row.team),
      .first_review_due = plan::first_review_due(m_template, row.start, m_calendar),
      .previous_cp_plans = previous,
      .legacy_ref = row.ref,
      .legacy_end_reason = optional_view(row.legacy_end_reason),
      .source_line = row.line,
  });
}

void RegisterWriter::finish_children(ChildMatcher& matcher) {
  flush();
  for (const auto& [person, child] : matcher.new_persons())
    m_store.add(store::PersonRef{.ref = person, .child_id = child});
  m_store.flush();
  for (std::int64_t child : matcher.children_to_recount()) m_store.recount_previous(child);
}

}  // namespace ics::io
