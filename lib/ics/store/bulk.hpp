#pragma once
// The records of bulk files: every record of a kind as its bulk row (export), one record as its
// bulk row, records written under the id a file gives them or replaced in place, and the import
// batch that brought them. The rows' columns are the bulk file columns (io/bulk/format.hpp).
// Writes take the open WriteTransaction; failures throw the typed errors of util/error.hpp (a row
// the schema refuses: ConstraintViolation).
#include <ics/model/identifiers.hpp>
#include <ics/model/types.hpp>
#include <ics/store/records.hpp>
#include <ics/util/rows.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ics::store {

// Every record of `kind` (any kind but batch), ordered by id, into `sink`.
void export_rows(Database& db, model::EntityKind kind, util::RowSink& sink);
// The record `id` of `kind` as its bulk row; nullopt when there is none.
std::optional<std::vector<util::Value>> bulk_row(Database& db, model::EntityKind kind, std::int64_t id);

// The import batch row of a file of `kind` ("children", "plans", ...), made at the start and given
// its hash and counts at the end.
std::int64_t insert_batch(WriteTransaction& tx, std::string_view kind, const std::string& file_name);
void finish_batch(WriteTransaction& tx, std::int64_t batch_id, const std::string& sha256,
                  const std::string& counts_json);

// Inserts under `record.id` (0: the next free id) or replaces the record with that id. Children's
// refs are replaced along with them. Every record inserted, and every change of state (an end, a
// completion, a closure) a replacement makes, is recorded as entered on tx.context().entered_on().
std::int64_t insert_child_with_id(WriteTransaction& tx, const model::Child& child, const Provenance& from);
void replace_child(WriteTransaction& tx, const model::Child& child);
std::int64_t insert_plan_with_id(WriteTransaction& tx, const PlanRow& row, const Provenance& from);
void replace_plan(WriteTransaction& tx, const PlanRow& row);
std::int64_t insert_action_with_id(WriteTransaction& tx, const model::Action& action);
void replace_action(WriteTransaction& tx, const model::Action& action);
std::int64_t insert_review_with_id(WriteTransaction& tx, const model::Review& review);
void replace_review(WriteTransaction& tx, const model::Review& review);
std::int64_t insert_episode_with_id(WriteTransaction& tx, const model::Episode& episode,
                                    const Provenance& from);
void replace_episode(WriteTransaction& tx, const model::Episode& episode);
std::int64_t insert_assessment_with_id(WriteTransaction& tx, const model::Assessment& assessment,
                                       const Provenance& from);
void replace_assessment(WriteTransaction& tx, const model::Assessment& assessment);
std::int64_t insert_enquiry_with_id(WriteTransaction& tx, const model::Enquiry& enquiry,
                                    const Provenance& from);
void replace_enquiry(WriteTransaction& tx, const model::Enquiry& enquiry);
std::int64_t insert_conference_with_id(WriteTransaction& tx, const model::Conference& conference,
                                       const Provenance& from);
void replace_conference(WriteTransaction& tx, const model::Conference& conference);

std::optional<std::int64_t> plan_by_legacy_ref(Database& db, const std::string& legacy_ref);
// The newest stored template snapshot of that name and version: its id and text.
std::optional<std::pair<std::int64_t, std::string>> snapshot_of_version(Database& db, const std::string& name,
                                                                        int version);

}  // namespace ics::store
