#pragma once
// Running a statement into a RowSink, and small binding helpers for optional values.
#include <ics/util/date.hpp>
#include <ics/util/rows.hpp>

#include <map>
#include <optional>
#include <string>

namespace SQLite {
class Statement;
class Column;
}  // namespace SQLite

namespace ics::store {

class Database;

// Named parameters ("as_of" for :as_of ...) and their values; a parameter the statement lacks is ignored.
using Params = std::map<std::string, util::Value>;

// Runs `sql` with `params` and sends every row to `sink`; column types come from `columns` when
// given (by position), else from the statement's column names as text.
void run_query(Database& db, const std::string& sql, const Params& params, util::RowSink& sink,
               const std::vector<util::Column>& columns = {});
// The same for a named statement of schemas/queries.
void run_named(Database& db, std::string_view name, const Params& params, util::RowSink& sink);

void bind_optional(SQLite::Statement& stmt, int index, const std::optional<std::string>& value);
void bind_optional(SQLite::Statement& stmt, int index, const std::optional<util::Date>& value);
std::optional<std::string> optional_string(const SQLite::Column& column);
std::optional<util::Date> optional_date(const SQLite::Column& column);

}  // namespace ics::store
