#pragma once
// Rows read into a RowSink: report queries, a record as `show` shows it, and the audit trail.
#include <ics/api.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/util/rows.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

ICS_API_BEGIN
namespace ics::store {

class Database;

// Named parameters ("as_of" for :as_of ...) and their values; a parameter the statement lacks is ignored.
using Params = std::map<std::string, util::Value>;

// Runs a report definition's query (SQL text from schemas/reports, in this store's dialect) with
// `params` and sends every row to `sink`; column types come from `columns` when given (by
// position), else from the query's column names as text. Throws StorageError when it fails.
void run_report_query(Database& db, const std::string& sql, const Params& params, util::RowSink& sink,
                      const std::vector<util::Column>& columns = {});

// A record as `show` shows it: its own fields (no row when there is no such record) and, by name,
// the rows of the records under it (a child's "episodes" and "plans"; a plan's "actions" and "reviews";
// an episode's "assessments", "enquiries", "conferences" and "plans").
struct RecordView {
  util::RowBuffer record;
  std::vector<std::pair<std::string, util::RowBuffer>> related;
};
RecordView record_view(Database& db, const model::EntityId& id);

// The audit trail, newest first: at most `limit` records, only those of `entity` (a public id) when given.
void audit_log(Database& db, const std::optional<std::string>& entity, std::int64_t limit,
               util::RowSink& sink);

}  // namespace ics::store
ICS_API_END
