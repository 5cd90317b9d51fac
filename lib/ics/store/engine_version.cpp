#include <ics/store/engine_version.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <string_view>

namespace ics::store {

std::string sqlite_library_version() {
  return sqlite3_libversion();
}

// SQLITECPP_VERSION spells 3.2.1 "3.02.01".
std::string sqlitecpp_version() {
  std::string_view dotted = SQLITECPP_VERSION;
  std::string out;
  for (std::size_t at = 0; at <= dotted.size();) {
    auto end = std::min(dotted.find('.', at), dotted.size());
    auto part = dotted.substr(at, end - at);
    while (part.size() > 1 && part.front() == '0') part.remove_prefix(1);
    out += (out.empty() ? "" : ".") + std::string(part);
    at = end + 1;
  }
  return out;
}

}  // namespace ics::store
