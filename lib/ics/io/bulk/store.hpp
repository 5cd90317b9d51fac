#pragma once
// The writes and look-ups of bulk import that the core repositories lack: records stored under the id
// a file gives them, replaced in place, seen as their bulk row, and the batch that brought them.
#include <ics/io/bulk/format.hpp>
#include <ics/model/types.hpp>
#include <ics/store/records.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/rows.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ics::io {

// The plan a row names; a missing one is the row's error on `plan_id`.
model::Plan plan_of(store::Database& db, std::int64_t plan_id);

// A savepoint around one row: undone when left without release(), so a bad row leaves no trace.
class RowSavepoint {
 public:
  explicit RowSavepoint(store::Database& db);
  ~RowSavepoint();
  RowSavepoint(const RowSavepoint&) = delete;
  RowSavepoint& operator=(const RowSavepoint&) = delete;
  void release();
  void undo();  // rolls the row back now; the savepoint is then finished

 private:
  store::Database& m_db;
  bool m_open = true;
};

// The import batch row, made at the start and given its hash and counts at the end.
std::int64_t insert_batch(store::WriteTransaction& tx, RecordKind kind, const std::string& file_name);
void finish_batch(store::WriteTransaction& tx, std::int64_t batch_id, const std::string& sha256,
                  const std::string& counts_json);

// A record as its bulk row (the export columns); nullopt when there is none with that id.
std::optional<std::vector<util::Value>> record_image(store::Database& db, RecordKind kind, std::int64_t id);
// A bulk row image as a JSON object, for the audit trail.
std::string image_json(RecordKind kind, const std::vector<util::Value>& image);

// Inserts under `record.id` (0: the next free id) or replaces the record with that id. Children's
// refs are replaced along with them.
std::int64_t insert_child_with_id(store::WriteTransaction& tx, const model::Child& child,
                                  const store::Provenance& from);
void replace_child(store::WriteTransaction& tx, const model::Child& child);
std::int64_t insert_plan_with_id(store::WriteTransaction& tx, const store::PlanRow& row,
                                 const store::Provenance& from);
void replace_plan(store::WriteTransaction& tx, const store::PlanRow& row);
std::int64_t insert_action_with_id(store::WriteTransaction& tx, const model::Action& action);
void replace_action(store::WriteTransaction& tx, const model::Action& action);
std::int64_t insert_review_with_id(store::WriteTransaction& tx, const model::Review& review);
void replace_review(store::WriteTransaction& tx, const model::Review& review);

std::optional<std::int64_t> plan_by_legacy_ref(store::Database& db, const std::string& legacy_ref);
// The newest stored template snapshot of that name and version: its id and text.
std::optional<std::pair<std::int64_t, std::string>> snapshot_of_version(store::Database& db,
                                                                        const std::string& name, int version);

}  // namespace ics::io
