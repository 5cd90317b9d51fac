#pragma once
// The versions of the database engine under this store, for ics::library_versions().
#include <string>

namespace ics::store {

// The SQLite library as loaded (it may be newer than the one compiled against).
std::string sqlite_library_version();
// SQLiteCpp, as compiled in ("3.2.1").
std::string sqlitecpp_version();

}  // namespace ics::store
