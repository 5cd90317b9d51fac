#pragma once
// What bulk import asks of the database beyond store/bulk.hpp: the plan a row names (checked), a
// row's date against that plan, and a record as its bulk row and that row as JSON for the audit trail.
#include <ics/io/bulk/format.hpp>
#include <ics/model/types.hpp>
#include <ics/store/database.hpp>
#include <ics/util/rows.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ics::io {

// The child a row names (C12, nhs:N, upn:U or ref:R); a missing one is the row's error on `child_id`.
std::int64_t child_of(store::Database& db, const std::string& reference);
// The plan a row names; a missing one is the row's error on `plan_id`.
model::Plan plan_of(store::Database& db, std::int64_t plan_id);
// The episode a row names; a missing one is the row's error on `episode_id`.
model::Episode episode_of(store::Database& db, std::int64_t episode_id);

// A record as its bulk row (the export columns); nullopt when there is none with that id.
std::optional<std::vector<util::Value>> record_image(store::Database& db, RecordKind kind, std::int64_t id);
// A bulk row image as a JSON object, for the audit trail.
std::string image_json(RecordKind kind, const std::vector<util::Value>& image);

}  // namespace ics::io
