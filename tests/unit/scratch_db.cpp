#include "scratch_db.hpp"

#include <ics/store/rows.hpp>

#include <variant>

namespace ics_test {

// Through the public API only: tests/cmd links the shared libics, which exports nothing else.
long ScratchDb::count(const std::string& table) const {
  ics::util::RowBuffer rows;
  ics::store::run_report_query(*db, "SELECT count(*) AS n FROM " + table, {}, rows, {{"n", "integer"}});
  return static_cast<long>(std::get<std::int64_t>(rows.rows().at(0).at(0)));
}

}  // namespace ics_test
