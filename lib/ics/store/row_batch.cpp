#include <ics/store/queries.hpp>
#include <ics/store/row_batch.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

namespace ics::store {

namespace {

// The virtual table: eponymous-only (no xCreate), a full scan of the batch's rows in order.
struct Table {
  sqlite3_vtab base{};
  const RowBatch* batch = nullptr;
};

struct Cursor {
  sqlite3_vtab_cursor base{};
  const RowBatch* batch = nullptr;
  std::size_t row = 0;
};

const RowBatch& batch_of(void* aux) {
  return *static_cast<const RowBatch*>(aux);
}

int connect(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char**) {
  std::string columns;
  for (int i = 0; i < batch_of(aux).columns(); ++i) columns += fmt::format("{}c{}", i ? ", " : "", i);
  int rc = sqlite3_declare_vtab(db, fmt::format("CREATE TABLE x({})", columns).c_str());
  if (rc != SQLITE_OK) return rc;
  auto* table = new Table;
  table->batch = &batch_of(aux);
  *out = &table->base;
  return SQLITE_OK;
}

int disconnect(sqlite3_vtab* table) {
  delete reinterpret_cast<Table*>(table);
  return SQLITE_OK;
}

// One way to read the batch: a scan in order. Said to be small and cheap, so that a query
// joining it to a table (register_update_children) reads the batch once, as its outer loop, and
// looks each row up in the table.
int best_index(sqlite3_vtab*, sqlite3_index_info* info) {
  info->estimatedRows = 1000;
  info->estimatedCost = 1000;
  return SQLITE_OK;
}

int open(sqlite3_vtab* table, sqlite3_vtab_cursor** out) {
  auto* cursor = new Cursor;
  cursor->batch = reinterpret_cast<Table*>(table)->batch;
  *out = &cursor->base;
  return SQLITE_OK;
}

int close(sqlite3_vtab_cursor* cursor) {
  delete reinterpret_cast<Cursor*>(cursor);
  return SQLITE_OK;
}

Cursor& cursor_of(sqlite3_vtab_cursor* cursor) {
  return *reinterpret_cast<Cursor*>(cursor);
}

int filter(sqlite3_vtab_cursor* cursor, int, const char*, int, sqlite3_value**) {
  cursor_of(cursor).row = 0;
  return SQLITE_OK;
}

int next(sqlite3_vtab_cursor* cursor) {
  ++cursor_of(cursor).row;
  return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor* cursor) {
  return cursor_of(cursor).row >= cursor_of(cursor).batch->rows();
}

int column(sqlite3_vtab_cursor* cursor, sqlite3_context* context, int index) {
  const Cursor& c = cursor_of(cursor);
  const RowBatch::Cell& cell = c.batch->cell(c.row, index);
  if (cell.type == 1)
    sqlite3_result_int64(context, cell.value);
  else if (cell.type == 2)
    sqlite3_result_text(context, c.batch->text_at(cell.value), static_cast<int>(cell.size), SQLITE_STATIC);
  else
    sqlite3_result_null(context);
  return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor* cursor, sqlite3_int64* out) {
  *out = static_cast<sqlite3_int64>(cursor_of(cursor).row);
  return SQLITE_OK;
}

sqlite3_module make_module() {
  sqlite3_module m{};
  m.xConnect = connect;
  m.xBestIndex = best_index;
  m.xDisconnect = disconnect;
  m.xOpen = open;
  m.xClose = close;
  m.xFilter = filter;
  m.xNext = next;
  m.xEof = eof;
  m.xColumn = column;
  m.xRowid = rowid;
  return m;
}

const sqlite3_module k_module = make_module();

}  // namespace

RowBatch::RowBatch(Database& db, std::string name, int columns, std::string_view insert, std::size_t capacity)
    : m_db(db), m_name(std::move(name)), m_columns(columns), m_capacity(capacity) {
  m_cells.reserve(capacity * static_cast<std::size_t>(columns));
  sqlite3* handle = db.sql().getHandle();
  int rc = sqlite3_create_module_v2(handle, m_name.c_str(), &k_module, this, nullptr);
  if (rc != SQLITE_OK) throw SQLite::Exception(handle, rc);
  const std::string& sql = named_query(insert);
  rc = sqlite3_prepare_v3(handle, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                          &m_insert, nullptr);
  if (rc != SQLITE_OK) {
    SQLite::Exception error(handle, rc);
    sqlite3_create_module_v2(handle, m_name.c_str(), nullptr, nullptr, nullptr);
    throw error;
  }
}

RowBatch::~RowBatch() {
  sqlite3_finalize(m_insert);  // before the table it reads goes
  sqlite3_create_module_v2(m_db.sql().getHandle(), m_name.c_str(), nullptr, nullptr, nullptr);
}

void RowBatch::bind(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(m_insert, index, value);
  if (rc != SQLITE_OK) throw SQLite::Exception(m_db.sql().getHandle(), rc);
}

void RowBatch::bind(int index, std::string_view value) {
  int rc = sqlite3_bind_text(m_insert, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) throw SQLite::Exception(m_db.sql().getHandle(), rc);
}

void RowBatch::text(std::string_view value) {
  m_cells.push_back({static_cast<std::int64_t>(m_text.size()), static_cast<std::uint32_t>(value.size()), 2});
  m_text.append(value);
}

void RowBatch::optional_text(const std::optional<std::string>& value) {
  if (value)
    text(*value);
  else
    null();
}

void RowBatch::date(const std::optional<util::Date>& value) {
  if (value)
    text(value->iso());
  else
    null();
}

void RowBatch::integer(std::int64_t value) {
  m_cells.push_back({value, 0, 1});
}

void RowBatch::null() {
  m_cells.push_back({});
}

void RowBatch::end_row() {
  if (m_cells.size() != (m_rows + 1) * static_cast<std::size_t>(m_columns))
    throw StorageError(fmt::format("a row of {} has {} values where it needs {}", m_name,
                                   m_cells.size() - m_rows * static_cast<std::size_t>(m_columns), m_columns));
  if (++m_rows == m_capacity) flush();
}

void RowBatch::flush() {
  if (m_rows == 0) return;
  int rc = sqlite3_step(m_insert);
  sqlite3_reset(m_insert);
  m_cells.clear();
  m_text.clear();
  m_rows = 0;
  if (rc != SQLITE_DONE) throw SQLite::Exception(m_db.sql().getHandle(), rc);
}

}  // namespace ics::store
