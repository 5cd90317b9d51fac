#pragma once
// Bulk export: every record of a kind, ordered by id, streamed from one query into a writer with
// constant memory. The columns are bulk_columns(kind), which bulk import reads back.
#include <ics/api.hpp>
#include <ics/io/bulk/format.hpp>
#include <ics/util/rows.hpp>

#include <ostream>

ICS_API_BEGIN
namespace ics::store {
class Database;
}

namespace ics::io {

// Streams every record of `kind` into `sink`.
void export_records(store::Database& db, RecordKind kind, util::RowSink& sink);

// Every record of every kind, in the order of record_kinds() (children, episodes, assessments,
// enquiries, conferences, plans, actions, reviews), as JSON objects whose first key "record" names the
// kind ("child", "episode", ...): one a line (`json_array` false) or one JSON array.
// Read in one transaction, so the records agree with each other.
void export_all(store::Database& db, bool json_array, std::ostream& out);

}  // namespace ics::io
ICS_API_END
