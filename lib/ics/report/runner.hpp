#pragma once
// The one engine that runs every report definition.
#include <ics/api.hpp>
#include <ics/report/definition.hpp>
#include <ics/store/rows.hpp>
#include <ics/util/rows.hpp>

ICS_API_BEGIN
namespace ics::store {
class Database;
}

namespace ics::report {

// The definition's columns as the typed columns a RowSink receives.
std::vector<util::Column> columns_of(const Definition& def);

// Runs `def` on `db` into `sink`. Throws InvalidInput when a required parameter is missing, one is
// not the definition's or as_of is not a YYYY-MM-DD date, and StorageError when the query fails or
// its result columns are not the declared ones.
void run_report(store::Database& db, const Definition& def, const store::Params& params, util::RowSink& sink);

}  // namespace ics::report
ICS_API_END
