#pragma once
// The CP-IS extract (returns-spec §3): the child protection plans the NHS is told of, as CSV rows
// nhs_number, date_of_birth, plan_type (CPP, or UCPP: an unborn child's, held against the mother's
// NHS number), start_date, end_date, la_code, la_name. One row per plan open on the as-of date or
// ended since the last extract (schemas/reports/cp-is.yaml).
#include <ics/api.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/date.hpp>
#include <ics/util/rows.hpp>

#include <cstdint>
#include <string>
#include <vector>

ICS_API_BEGIN
namespace ics::store {
class Database;
}

namespace ics::returns {

// Plans ended after this date are sent: the latest extract's as-of date or, when none was made, the
// day 12 months before `as_of` (the local procedures' "or in the previous 12 months").
util::Date cpis_since(store::Database& db, util::Date as_of);

struct CpisAuthority {
  std::string la_code;  // the DfE's three-digit LA number
  std::string la_name;  // may be empty
};

// A plan left out of the extract: the NHS number it would be sent under is missing or invalid.
struct CpisLeftOut {
  std::string child_id, plan_id, reason;
};

struct CpisExtract {
  std::int64_t rows = 0;
  std::vector<CpisLeftOut> left_out;
};

// Writes the extract as of `as_of` into `sink`; plans whose NHS number (an unborn child's mother's)
// is not a valid one are left out and listed in the result.
CpisExtract write_cpis(store::Database& db, util::Date as_of, util::Date since,
                       const CpisAuthority& authority, util::RowSink& sink);

// Logs the extract (so that the next one sends the plans ended since `as_of`) and audits it.
void record_cpis_extract(store::WriteTransaction& tx, util::Date as_of, util::Date since, std::int64_t rows);

}  // namespace ics::returns
ICS_API_END
