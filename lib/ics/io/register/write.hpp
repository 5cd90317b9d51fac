#pragma once
// Writing a register import: its batch, then each imported row's child and plan (in batches), then
// the batch's counts and its one audit record. Also the database lookups the import makes.
#include <ics/io/register/import.hpp>
#include <ics/io/register/child_updates.hpp>
#include <ics/io/register/match.hpp>
#include <ics/io/register/row.hpp>
#include <ics/store/row_batch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ics::io {

// Whether the database has any plans / children (an empty one needs no lookups).
bool has_any_plan(store::Database& db);
bool has_any_child(store::Database& db);
// The largest child id: about how many children the database holds.
std::int64_t largest_child_id(store::Database& db);
// A plan already imported from the register reference `ref`.
bool plan_has_ref(store::Database& db, std::string_view ref);
std::optional<std::int64_t> child_by_person(store::Database& db, std::string_view person);
std::optional<std::int64_t> child_by_nhs(store::Database& db, std::string_view nhs);

class RegisterWriter {
 public:
  // Stores the template's snapshot and the batch; returns with the batch id known.
  RegisterWriter(store::WriteTransaction& tx, const RegisterImport& request);

  std::int64_t batch_id() const { return m_batch_id; }
  // Writes the plan of `row`, placed by the matcher: first the placement's folds, then the row's
  // child is created or completed.
  void write(const RegisterRow& row, const ChildMatcher::Placement& placement);
  // After every row: the person ids new to the database, each with its child, and previous_cp_plans
  // counted again where the matcher says so.
  void finish_children(ChildMatcher& matcher);
  // Records the counts and the file's SHA-256 with the batch and appends the batch's audit record.
  void finish(const RegisterCounts& counts, const std::string& sha256);

 private:
  void create_child(const RegisterRow& row, std::int64_t id);
  void fold(const ChildMatcher::Fold& fold);
  void flush();  // the rows batched so far into their tables
  RegisterRow child_details(std::int64_t child_id);
  int plans_in_database_before(std::int64_t child_id, util::Date start);

  store::WriteTransaction& m_tx;
  store::RowBatch m_children, m_plans, m_refs;
  ChildUpdates m_child_updates;
  const plan::Template& m_template;
  const util::Calendar& m_calendar;
  std::int64_t m_template_id = 0;
  std::int64_t m_batch_id = 0;
};

}  // namespace ics::io
