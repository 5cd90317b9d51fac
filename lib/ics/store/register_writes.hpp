#pragma once
// The store's side of one legacy register import (schemas/queries/import.sql): its write
// transaction, set up as a bulk load, the lookups that match its rows to the database, and the
// writes of its batch, children and plans. io/register/ decides what to write; this writes it.
// Every member throws StorageError ("import failed: ...") where SQLite fails.
#include <ics/store/bulk_load.hpp>
#include <ics/store/deferred_indexes.hpp>
#include <ics/store/row_batch.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ics::store {

class RegisterSeal;

// A child the import creates, with the id it chose.
struct RegisterChild {
  std::int64_t id = 0;
  std::string_view given_names{}, family_name{};
  std::optional<util::Date> date_of_birth{}, expected_dob{};
  std::string_view sex{};
  std::optional<std::string_view> nhs_number{}, upn{};
  std::int64_t source_line = 0;
  std::optional<std::string_view> legacy_id{};

  template <class F>
  void columns(F&& column) const {  // of register_children (store::RowBatch)
    column("id", id);
    column("given_names", given_names);
    column("family_name", family_name);
    column("date_of_birth", date_of_birth);
    column("expected_dob", expected_dob);
    column("sex", sex);
    column("nhs_number", nhs_number);
    column("upn", upn);
    column("source_line", source_line);
    column("legacy_id", legacy_id);
  }
};

// A child-protection plan the import creates from one row, with its episode and (a child
// protection plan) its transfer-in conference, both under the plan's id.
struct RegisterPlan {
  std::int64_t id = 0;  // set by RegisterWrites::add
  std::int64_t child_id = 0;
  std::string_view category{};
  util::Date start_date{};
  std::optional<util::Date> end_date{};
  std::optional<std::string_view> end_reason{}, lead_worker{}, team{};
  std::optional<util::Date> first_review_due{};
  std::int64_t previous_cp_plans = 0;
  std::string_view legacy_ref{};
  std::optional<std::string_view> legacy_end_reason{};
  std::int64_t source_line = 0;

  template <class F>
  void columns(F&& column) const {  // of register_plans
    column("id", id);
    column("child_id", child_id);
    column("category", category);
    column("start_date", start_date);
    column("end_date", end_date);
    column("end_reason", end_reason);
    column("lead_worker", lead_worker);
    column("team", team);
    column("first_review_due", first_review_due);
    column("previous_cp_plans", previous_cp_plans);
    column("legacy_ref", legacy_ref);
    column("legacy_end_reason", legacy_end_reason);
    column("source_line", source_line);
  }
};

// Later rows' changes to a child the import created, merged (register_update_children says how
// each column applies).
struct ChildUpdate {
  std::int64_t id = 0;
  bool latest = false;  // at least one row was the child's latest registration so far
  std::string_view given_names{}, family_name{};
  std::optional<util::Date> date_of_birth{}, expected_dob{};
  std::string_view sex{};
  std::optional<std::string_view> nhs_number{}, upn{};

  template <class F>
  void columns(F&& column) const {  // of register_child_updates
    column("id", id);
    column("latest", latest);
    column("given_names", given_names);
    column("family_name", family_name);
    column("date_of_birth", date_of_birth);
    column("expected_dob", expected_dob);
    column("sex", sex);
    column("nhs_number", nhs_number);
    column("upn", upn);
  }
};

// A further person id of a child.
struct PersonRef {
  std::string_view ref{};
  std::int64_t child_id = 0;

  template <class F>
  void columns(F&& column) const {  // of register_refs
    column("ref", ref);
    column("child_id", child_id);
  }
};

// A warning of a row imported all the same (io::RowIssue), kept with the batch.
struct RegisterWarning {
  std::int64_t line = 0;
  std::string_view ref{}, field{}, value{}, reason{};

  template <class F>
  void columns(F&& column) const {  // of register_warnings
    column("line", line);
    column("ref", ref);
    column("field", field);
    column("value", value);
    column("reason", reason);
  }
};

// A child's details as stored.
struct ChildDetails {
  std::string given_names, family_name;
  std::optional<util::Date> date_of_birth{}, expected_dob{};
  std::string sex;
  std::optional<std::string> nhs_number, upn;
};

class RegisterWrites {
 public:
  struct Batch {
    std::string_view file_name{};
    std::string_view mapping{};  // the mapping's text
    std::string_view template_name{}, template_hash{}, template_text{};
    int template_version = 0;
    std::string_view plan_kind{};
    bool dry_run = false;  // the load will be rolled back
  };
  // Begins the import's write transaction as a store::BulkLoad, with the indexes of child and
  // child_ref set aside (store::DeferredIndexes) when the database has no children (of episode and
  // conference when it has none of them), and stores
  // the template's snapshot and the batch.
  RegisterWrites(Database& db, const AuditContext& context, const Batch& batch);
  ~RegisterWrites();  // rolls back unless committed
  RegisterWrites(const RegisterWrites&) = delete;
  RegisterWrites& operator=(const RegisterWrites&) = delete;

  // The database when the import began (inside its transaction).
  bool had_plans() const { return m_had_plans; }
  bool had_children() const { return m_had_children; }
  std::int64_t largest_child_id() const { return m_largest_child_id; }
  std::int64_t batch_id() const { return m_batch_id; }

  // Lookups, in the database as the import left it so far.
  bool plan_has_legacy_ref(std::string_view ref);
  std::optional<std::int64_t> child_by_person(std::string_view person);
  std::optional<std::int64_t> child_by_nhs(std::string_view nhs_number);
  // Child-protection plans of a child starting on or before `start`, other than this batch's.
  int plans_before(std::int64_t child, util::Date start);
  ChildDetails child_details(std::int64_t child);  // of a child in the table

  // Rows held and written a batch at a time; flush writes those held, in this order. A plan is
  // given the next id free in plan, episode and conference alike, its episode's and conference's too.
  void add(const RegisterChild& child);
  void add(RegisterPlan plan);
  void add(const ChildUpdate& update);
  void add(const PersonRef& ref);
  void add(const RegisterWarning& warning);
  void flush();

  // This batch's plans of child `from`, and their episodes, go to child `into`.
  void move_plans(std::int64_t from, std::int64_t into);
  // Deletes a child the import created, its legacy id kept as a further person id of `into`.
  void delete_child(std::int64_t child, std::int64_t into);
  // Counts previous_cp_plans of this batch's plans of `child` afresh.
  void recount_previous(std::int64_t child);
  // Builds the indexes set aside, if any; every row is written by then.
  void rebuild_indexes();
  // Records the batch's counts (JSON) and the file's SHA-256, and appends the batch's audit record.
  void finish(std::string_view counts_json, std::string_view sha256);
  void commit();

 private:
  void changed_plans_of(std::int64_t child);  // this batch's plans of a child, to be hashed again

  Database& m_db;
  std::optional<BulkLoad> m_load;
  std::optional<WriteTransaction> m_tx;
  bool m_had_plans = false, m_had_children = false;
  std::int64_t m_largest_child_id = 0;
  std::int64_t m_next_plan_id = 0;
  std::optional<DeferredIndexes> m_deferred;
  std::string m_plan_kind;
  std::int64_t m_batch_id = 0;
  std::optional<RowBatch<RegisterChild>> m_children;
  std::optional<RowBatch<RegisterPlan>> m_plans;
  std::optional<RowBatch<ChildUpdate>> m_updates;
  std::optional<RowBatch<PersonRef>> m_refs;
  std::optional<RowBatch<RegisterWarning>> m_warnings;
  std::unique_ptr<RegisterSeal> m_seal;  // hashes the rows as they are written
  bool m_settled = false;                // m_seal has every row
};

}  // namespace ics::store
