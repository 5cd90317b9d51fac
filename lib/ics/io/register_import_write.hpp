#pragma once
// Writing a register import: its batch, then each imported row's child and plan, then the batch's
// counts and its one audit record. Also the database lookups the import makes before writing.
#include <ics/io/register_import.hpp>
#include <ics/io/register_import_match.hpp>
#include <ics/io/register_import_row.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace ics::io {

// Whether the database has any plans / children (an empty one needs no lookups).
bool has_any_plan(store::Database& db);
bool has_any_child(store::Database& db);
// A plan already imported from the register reference `ref`.
bool plan_has_ref(store::Database& db, std::string_view ref);
std::optional<std::int64_t> child_by_person(store::Database& db, std::string_view person);
std::optional<std::int64_t> child_by_nhs(store::Database& db, std::string_view nhs);

class RegisterWriter {
 public:
  // Stores the template's snapshot and the batch; returns with the batch id known.
  RegisterWriter(store::WriteTransaction& tx, const RegisterImport& request, const std::string& sha256);

  std::int64_t batch_id() const { return m_batch_id; }
  // Writes the plan of `row`, the matcher's row `index`, creating or completing its child.
  void write(const RegisterRow& row, std::uint32_t index, ChildMatcher& matcher);
  // Records the counts with the batch and appends the batch's audit record.
  void finish(const RegisterCounts& counts);

 private:
  std::int64_t create_child(const RegisterRow& row);
  void complete_child(std::int64_t child_id, const RegisterRow& row, bool latest);
  int plans_in_database_before(std::int64_t child_id, util::Date start);

  store::WriteTransaction& m_tx;
  const plan::Template& m_template;
  const util::Calendar& m_calendar;
  std::int64_t m_template_id = 0;
  std::int64_t m_batch_id = 0;
};

}  // namespace ics::io
