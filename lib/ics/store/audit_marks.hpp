#pragma once
// What a write transaction recorded in the audit trail, read back before it ends: a dry run prints it
// and rolls back (README "Dry runs and confirmation").
#include <ics/api.hpp>
#include <ics/util/rows.hpp>

#include <cstdint>

ICS_API_BEGIN
namespace ics::store {

class Database;

// The sequence number of the latest audit record (0 when there is none): where audit_since starts.
std::int64_t audit_mark(Database& db);
// The audit records written after `mark`, oldest first: entity, change (add, change or remove), before
// and after.
void audit_since(Database& db, std::int64_t mark, util::RowSink& sink);

}  // namespace ics::store
ICS_API_END
