#include "scratch_db.hpp"

#include <ics/store/sqlite.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

namespace ics_test {

long ScratchDb::count(const std::string& table) const {
  return ics::store::connection(*db).execAndGet("SELECT count(*) FROM " + table).getInt64();
}

}  // namespace ics_test
