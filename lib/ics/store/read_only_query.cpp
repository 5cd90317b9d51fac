#include <ics/store/database.hpp>
#include <ics/store/read_only_query.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/resources.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <memory>

namespace ics::store {

namespace {

// The first thing the authorizer refused while the query was prepared.
struct Refusal {
  bool any = false;
  int action = 0;
  std::string first, second;  // the authorizer's arguments (a table, a pragma, a function)
};

int allow_reading_only(void* data, int action, const char* first, const char* second, const char*,
                       const char*) {
  switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_RECURSIVE: return SQLITE_OK;
    case SQLITE_FUNCTION:
      if (second == nullptr || std::string_view(second) != "load_extension") return SQLITE_OK;
      break;
    default: break;
  }
  // Making a table or view is first seen as a write to sqlite_master: it is noted (and refused after
  // all) but let through here, for the next action to say what it makes.
  auto* refusal = static_cast<Refusal*>(data);
  bool schema_table = first != nullptr && std::string_view(first).starts_with("sqlite_");
  bool makes = action == SQLITE_CREATE_TABLE || action == SQLITE_CREATE_TEMP_TABLE ||
               action == SQLITE_CREATE_VIEW || action == SQLITE_CREATE_TEMP_VIEW;
  if (!refusal->any || (makes && refusal->first.starts_with("sqlite_")))
    *refusal = {true, action, first ? first : "", second ? second : ""};
  if (schema_table && (action == SQLITE_INSERT || action == SQLITE_UPDATE || action == SQLITE_DELETE))
    return SQLITE_OK;
  return SQLITE_DENY;
}

std::string what_it_does(const Refusal& r) {
  switch (r.action) {
    case SQLITE_INSERT: return fmt::format("it would insert into '{}'", r.first);
    case SQLITE_UPDATE: return fmt::format("it would update '{}'", r.first);
    case SQLITE_DELETE: return fmt::format("it would delete from '{}'", r.first);
    case SQLITE_PRAGMA: return fmt::format("it runs PRAGMA {}", r.first);
    case SQLITE_ATTACH: return "it attaches a database (ATTACH)";
    case SQLITE_DETACH: return "it detaches a database (DETACH)";
    case SQLITE_TRANSACTION: return "it controls a transaction (BEGIN, COMMIT, ROLLBACK)";
    case SQLITE_SAVEPOINT: return "it makes or releases a savepoint";
    case SQLITE_FUNCTION: return fmt::format("it calls {}()", r.second);
    case SQLITE_CREATE_TEMP_TABLE:
    case SQLITE_CREATE_TABLE: return fmt::format("it would create the table '{}'", r.first);
    case SQLITE_CREATE_TEMP_VIEW:
    case SQLITE_CREATE_VIEW: return fmt::format("it would create the view '{}'", r.first);
    case SQLITE_ALTER_TABLE: return "it would alter a table";
    default: return "it would change the database or the connection (only reading is allowed)";
  }
}

[[noreturn]] void refuse(std::size_t offset, const std::string& why) {
  throw QueryRefused(offset, fmt::format("a report's query may only read: {}", why));
}

struct Finalize {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using Prepared = std::unique_ptr<sqlite3_stmt, Finalize>;

// Prepares the first statement of `sql` with the authorizer on; `tail` is where the rest begins.
Prepared prepare(sqlite3* handle, std::string_view sql, Refusal& refusal, const char*& tail) {
  sqlite3_set_authorizer(handle, allow_reading_only, &refusal);
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(handle, sql.data(), static_cast<int>(sql.size()), &raw, &tail);
  sqlite3_set_authorizer(handle, nullptr, nullptr);
  Prepared stmt(raw);
  if (refusal.any) refuse(0, what_it_does(refusal));
  if (rc != SQLITE_OK) {
    int offset = sqlite3_error_offset(handle);
    throw QueryRefused(offset < 0 ? 0 : static_cast<std::size_t>(offset),
                       fmt::format("the query does not prepare: {}", sqlite3_errmsg(handle)));
  }
  return stmt;
}

QueryShape check(sqlite3* handle, std::string_view sql) {
  Refusal refusal;
  const char* tail = nullptr;
  Prepared stmt = prepare(handle, sql, refusal, tail);
  if (!stmt) refuse(0, "it is empty");
  auto rest = static_cast<std::size_t>(tail - sql.data());
  if (rest < sql.size()) {  // anything but blanks and comments after the first statement
    Refusal ignored;
    const char* end = nullptr;
    sqlite3_stmt* next = nullptr;
    sqlite3_set_authorizer(handle, allow_reading_only, &ignored);
    int rc = sqlite3_prepare_v2(handle, tail, static_cast<int>(sql.size() - rest), &next, &end);
    sqlite3_set_authorizer(handle, nullptr, nullptr);
    sqlite3_finalize(next);
    if (rc != SQLITE_OK || next != nullptr || ignored.any)
      refuse(rest, "it is more than one statement (one SELECT, with no ';' before more SQL)");
  }
  if (sqlite3_stmt_isexplain(stmt.get())) refuse(0, "it is an EXPLAIN");
  if (!sqlite3_stmt_readonly(stmt.get())) refuse(0, "SQLite finds that it would write");
  int columns = sqlite3_column_count(stmt.get());
  if (columns == 0) refuse(0, "it returns no rows (a report's query is a SELECT)");
  QueryShape shape;
  for (int i = 0; i < columns; ++i) shape.columns.emplace_back(sqlite3_column_name(stmt.get(), i));
  for (int i = 1; i <= sqlite3_bind_parameter_count(stmt.get()); ++i) {
    const char* name = sqlite3_bind_parameter_name(stmt.get(), i);
    if (name == nullptr || name[0] != ':')
      throw QueryRefused(
          0, fmt::format("the query's parameters must be named ':name', not '{}'", name ? name : "?"));
    shape.parameters.emplace_back(name + 1);
  }
  return shape;
}

}  // namespace

QueryShape check_read_only_query(Database& db, std::string_view sql) {
  return check(connection(db).getHandle(), sql);
}

QueryShape check_read_only_query(std::string_view sql) {
  try {
    SQLite::Database schema(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    auto migrations = util::resources_under("sql/");
    std::sort(migrations.begin(), migrations.end(), [](auto& a, auto& b) { return a.path < b.path; });
    for (const auto& m : migrations)
      if (m.path.ends_with(".sql")) schema.exec(std::string(m.text));
    return check(schema.getHandle(), sql);
  } catch (const SQLite::Exception& e) {
    throw_typed(e, "cannot make the schema to check a query against");
  }
}

}  // namespace ics::store
