#pragma once
// Internal to store (io/ and cmd/ never include it): what the SQLite repositories share to bind and
// read values, to run a named statement into a RowSink, and to turn SQLite's errors into the typed
// errors of util/error.hpp.
#include <ics/model/types.hpp>
#include <ics/store/records.hpp>
#include <ics/store/rows.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace SQLite {
class Column;
class Database;
class Exception;
class Statement;
}  // namespace SQLite

namespace ics::store {

class Database;

// The named statement of schemas/queries, reset and with its bindings cleared.
SQLite::Statement& statement(Database& db, std::string_view name);
// The SQLite connection under `db`.
SQLite::Database& connection(Database& db);

// Throws `error` as ConstraintViolation, DatabaseBusy or StorageError, with `context` before the
// message when given. The one place that reads SQLite's error codes.
[[noreturn]] void throw_typed(const SQLite::Exception& error, std::string_view context = {});
// Runs a statement that returns no rows, or steps it to its next row (false past the last); SQLite's
// errors come out typed, as throw_typed makes them.
void exec(SQLite::Statement& stmt);
bool step(SQLite::Statement& stmt);

// Runs the named statement of schemas/queries with `params` (":name" parameters) into `sink`.
void run_named(Database& db, std::string_view name, const Params& params, util::RowSink& sink);

void bind_optional(SQLite::Statement& stmt, int index, const std::optional<std::string>& value);
void bind_optional(SQLite::Statement& stmt, int index, const std::optional<util::Date>& value);
std::optional<std::string> optional_string(const SQLite::Column& column);
std::optional<util::Date> optional_date(const SQLite::Column& column);
// A record's columns bound from parameter `first` on, in the order the single and bulk statements
// of schemas/queries share (children: given_names … ethnicity, then disabilities … date_of_death,
// k_child_field_count values; plans: child_id …
// legacy_ref, 14; actions: plan_id … due_date, 6; reviews: plan_id … next_review_due, 6); a
// provenance's batch and line at `first` and the next.
inline constexpr int k_child_field_count = 13;
void bind_child_fields(SQLite::Statement& stmt, int first, const model::Child& child);
void bind_plan_fields(SQLite::Statement& stmt, int first, const PlanRow& row);
void bind_action_fields(SQLite::Statement& stmt, int first, const model::Action& action);
void bind_review_fields(SQLite::Statement& stmt, int first, const model::Review& review);
void bind_provenance(SQLite::Statement& stmt, int first, const Provenance& from);
// The date the transaction's records are entered (recorded_on).
void bind_entered_on(SQLite::Statement& stmt, int index, const WriteTransaction& tx);
// The first column of the statement's first row, if it returns one.
std::optional<std::int64_t> single_id(SQLite::Statement& stmt);
// The rowid of the connection's latest INSERT.
std::int64_t last_insert_id(Database& db);

}  // namespace ics::store
