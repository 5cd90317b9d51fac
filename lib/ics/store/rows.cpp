#include <ics/store/database.hpp>
#include <ics/store/rows.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

namespace ics::store {

namespace {

void bind_params(SQLite::Statement& stmt, const Params& params) {
  for (const auto& [name, value] : params) {
    int index = stmt.getIndex((":" + name).c_str());
    if (index == 0) continue;
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>)
            stmt.bind(index);
          else if constexpr (std::is_same_v<T, std::int64_t>)
            stmt.bind(index, static_cast<int64_t>(v));
          else
            stmt.bind(index, v);
        },
        value);
  }
}

util::Value column_value(const SQLite::Column& c) {
  switch (c.getType()) {
    case SQLITE_INTEGER: return static_cast<std::int64_t>(c.getInt64());
    case SQLITE_FLOAT: return c.getDouble();
    case SQLITE_NULL: return std::monostate{};
    default: return c.getString();
  }
}

void stream(SQLite::Statement& stmt, const Params& params, util::RowSink& sink,
            std::vector<util::Column> columns) {
  bind_params(stmt, params);
  int count = stmt.getColumnCount();
  columns.resize(count);
  for (int i = 0; i < count; ++i)
    if (columns[i].name.empty()) columns[i].name = stmt.getColumnName(i);
  sink.begin(columns);
  std::vector<util::Value> values(count);
  while (stmt.executeStep()) {
    for (int i = 0; i < count; ++i) values[i] = column_value(stmt.getColumn(i));
    sink.row(values);
  }
  sink.end();
}

}  // namespace

void run_query(Database& db, const std::string& sql, const Params& params, util::RowSink& sink,
               const std::vector<util::Column>& columns) {
  try {
    SQLite::Statement stmt(db.sql(), sql);
    stream(stmt, params, sink, columns);
  } catch (const SQLite::Exception& e) {
    throw StorageError(fmt::format("query failed: {}", e.what()));
  }
}

void run_named(Database& db, std::string_view name, const Params& params, util::RowSink& sink) {
  try {
    stream(db.query(name), params, sink, {});
  } catch (const SQLite::Exception& e) {
    throw StorageError(fmt::format("query '{}' failed: {}", name, e.what()));
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

}  // namespace ics::store
