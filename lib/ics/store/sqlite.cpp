#include <ics/store/database.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

namespace ics::store {

void throw_typed(const SQLite::Exception& error, std::string_view context) {
  std::string message = context.empty() ? error.what() : fmt::format("{}: {}", context, error.what());
  switch (error.getErrorCode() & 0xff) {
    case SQLITE_CONSTRAINT: throw ConstraintViolation(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED: throw DatabaseBusy(message);
    default: throw StorageError(message);
  }
}

void exec(SQLite::Statement& stmt) {
  try {
    stmt.exec();
  } catch (const SQLite::Exception& e) {
    throw_typed(e);
  }
}

bool step(SQLite::Statement& stmt) {
  try {
    return stmt.executeStep();
  } catch (const SQLite::Exception& e) {
    throw_typed(e);
  }
}

void bind_optional(SQLite::Statement& stmt, int index, const std::optional<std::string>& value) {
  if (value)
    stmt.bind(index, *value);
  else
    stmt.bind(index);
}

void bind_optional(SQLite::Statement& stmt, int index, const std::optional<util::Date>& value) {
  if (value)
    stmt.bind(index, value->iso());
  else
    stmt.bind(index);
}

std::optional<std::string> optional_string(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

std::optional<util::Date> optional_date(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return util::Date::parse_iso(column.getString());
}

void bind_entered_on(SQLite::Statement& q, int index, const WriteTransaction& tx) {
  q.bind(index, tx.context().entered_on());
}

void bind_provenance(SQLite::Statement& q, int first, const Provenance& from) {
  q.bind(first, from.batch_id);
  q.bind(first + 1, from.source_line);
}

std::optional<std::int64_t> single_id(SQLite::Statement& stmt) {
  if (!step(stmt)) return std::nullopt;
  return stmt.getColumn(0).getInt64();
}

std::int64_t last_insert_id(Database& db) {
  return connection(db).getLastInsertRowid();
}

}  // namespace ics::store
