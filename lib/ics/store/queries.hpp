#pragma once
// Named SQL statements from schemas/queries/*.sql, each introduced by a line `-- name: NAME`.
#include <map>
#include <string>
#include <string_view>

namespace ics::store {

// Splits one file's text into its named statements; throws StorageError on a repeated name.
std::map<std::string, std::string, std::less<>> parse_named_queries(std::string_view text);

// The statement called `name` in any embedded queries file; throws StorageError when there is none.
const std::string& named_query(std::string_view name);

}  // namespace ics::store
