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

// Every report's query may use :known_at, which no definition lists: the date the report is to know
// the records as they were known at (README "Reports": --known-at). A record entered after it
// (recorded_on > :known_at) is left out, and a change of state entered after it (an end, a
// completion) not yet made. Left out, it is k_known_always: everything entered so far is known.
inline constexpr const char* k_known_at = "known_at";
inline constexpr const char* k_known_always = "9999-12-31";

// Runs `def` on `db` into `sink`. Throws InvalidInput when a required parameter is missing, one is
// not the definition's (nor known_at), or as_of or a given known_at is not a YYYY-MM-DD date, and
// StorageError when the query fails or its result columns are not the declared ones.
void run_report(store::Database& db, const Definition& def, const store::Params& params, util::RowSink& sink);

}  // namespace ics::report
ICS_API_END
