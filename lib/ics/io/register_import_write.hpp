#pragma once
// Writing a register import: its batch, then each imported row's child and plan, then the batch's
// counts and its one audit record. Also the database lookups the import makes before writing.
#include <ics/io/register_import.hpp>
#include <ics/io/register_import_match.hpp>
#include <ics/io/register_import_row.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

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

// A statement prepared once for a whole import, whose text parameters are bound without copying
// (the values must outlive the step) and which is reset after each step.
class BulkStatement {
 public:
  BulkStatement(store::Database& db, std::string_view query);
  ~BulkStatement();
  BulkStatement(const BulkStatement&) = delete;
  BulkStatement& operator=(const BulkStatement&) = delete;

  void text(int index, std::string_view value);
  void optional_text(int index, const std::optional<std::string>& value);
  void integer(int index, std::int64_t value);
  void null(int index);
  // Runs the statement (it returns no rows) and resets it; throws SQLite::Exception on an error.
  void run();

 private:
  sqlite3* m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

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
  void complete_child(std::int64_t child_id, const RegisterRow& row, bool latest);
  void fold(const ChildMatcher::Fold& fold);
  RegisterRow child_details(std::int64_t child_id);
  int plans_in_database_before(std::int64_t child_id, util::Date start);

  // A date as YYYY-MM-DD in one of the writer's buffers (bound without copying).
  std::string_view iso(std::size_t slot, util::Date date);
  // Binds `date` that way at `index` of `q`, or NULL when there is none.
  void bind_date(BulkStatement& q, int index, std::size_t slot, const std::optional<util::Date>& date);

  store::WriteTransaction& m_tx;
  BulkStatement m_insert_child, m_insert_ref, m_insert_plan;
  std::array<std::array<char, 16>, 5> m_dates{};
  std::string m_iso_fallback[5];
  const plan::Template& m_template;
  const util::Calendar& m_calendar;
  std::int64_t m_template_id = 0;
  std::int64_t m_batch_id = 0;
};

}  // namespace ics::io
