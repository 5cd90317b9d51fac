#include <ics/store/fast_rows.hpp>
#include <ics/store/queries.hpp>
#include <ics/store/sqlite.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

namespace ics::store {

namespace {

void check(sqlite3_stmt* stmt, int rc) {
  if (rc != SQLITE_OK) throw SQLite::Exception(sqlite3_db_handle(stmt), rc);
}

}  // namespace

FastRows::FastRows(Database& db, std::string_view query_name) {
  const auto& sql = named_query(query_name);
  auto* handle = connection(db).getHandle();
  const int rc = sqlite3_prepare_v2(handle, sql.c_str(), static_cast<int>(sql.size() + 1), &m_stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(m_stmt);
    throw SQLite::Exception(handle, rc);
  }
}

FastRows::~FastRows() {
  sqlite3_finalize(m_stmt);
}

void FastRows::bind(int index, std::int64_t value) {
  check(m_stmt, sqlite3_bind_int64(m_stmt, index, value));
}

void FastRows::bind(const char* name, std::int64_t value) {
  bind(sqlite3_bind_parameter_index(m_stmt, name), value);
}

void FastRows::bind(int index, std::string_view value) {
  check(m_stmt,
        sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC));
}

bool FastRows::step() {
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw SQLite::Exception(sqlite3_db_handle(m_stmt), rc);
}

void FastRows::reset() {
  sqlite3_reset(m_stmt);  // its error is the last step's, already thrown
}

int FastRows::columns() const {
  return sqlite3_column_count(m_stmt);
}

std::string_view FastRows::column_name(int column) const {
  return sqlite3_column_name(m_stmt, column);
}

std::int64_t FastRows::integer(int column) const {
  return sqlite3_column_int64(m_stmt, column);
}

std::optional<std::string_view> FastRows::text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
  if (text) return std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
  // null, or an empty blob, which SQLiteCpp's getText() read as ""
  if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL) return std::nullopt;
  return std::string_view();
}

}  // namespace ics::store
