#include <ics/store/queries.hpp>
#include <ics/store/row_batch.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sqlite3.h>

namespace ics::store {

namespace {

// The virtual table: eponymous-only (no xCreate), a full scan of the batch's rows in order.
struct Table {
  sqlite3_vtab base{};
  const BatchTable* batch = nullptr;
};

struct Cursor {
  sqlite3_vtab_cursor base{};
  const BatchTable* batch = nullptr;
  std::size_t row = 0;
};

const BatchTable& batch_of(void* aux) {
  return *static_cast<const BatchTable*>(aux);
}

// The table's columns are the row type's names (identifiers of the C++ code, never user data).
int connect(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char**) {
  int rc = sqlite3_declare_vtab(
      db, fmt::format("CREATE TABLE x({})", fmt::join(batch_of(aux).columns(), ", ")).c_str());
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
  const BatchTable::Cell& cell = c.batch->cell(c.row, index);
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

BatchTable::BatchTable(Database& db, std::string name, std::vector<std::string> columns,
                       std::vector<std::string_view> statements, std::size_t capacity)
    : m_db(db), m_name(std::move(name)), m_columns(std::move(columns)), m_capacity(capacity) {
  m_cells.reserve(capacity * m_columns.size());
  sqlite3* handle = connection(db).getHandle();
  int rc = sqlite3_create_module_v2(handle, m_name.c_str(), &k_module, this, nullptr);
  if (rc != SQLITE_OK) throw SQLite::Exception(handle, rc);
  for (std::string_view statement : statements) {
    const std::string& sql = named_query(statement);
    sqlite3_stmt* prepared = nullptr;
    rc = sqlite3_prepare_v3(handle, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                            &prepared, nullptr);
    if (rc != SQLITE_OK) {
      SQLite::Exception error(handle, rc);
      release();
      throw error;
    }
    m_statements.push_back(prepared);
  }
}

BatchTable::~BatchTable() {
  release();
}

void BatchTable::release() {
  for (sqlite3_stmt* statement : m_statements)
    sqlite3_finalize(statement);  // before the table they read goes
  m_statements.clear();
  sqlite3_create_module_v2(connection(m_db).getHandle(), m_name.c_str(), nullptr, nullptr, nullptr);
}

template <class Bind>
void BatchTable::bind_each(std::string_view parameter, Bind&& bind) {
  auto name = fmt::format(":{}", parameter);
  bool bound = false;
  for (sqlite3_stmt* statement : m_statements) {
    int index = sqlite3_bind_parameter_index(statement, name.c_str());
    if (index == 0) continue;
    int rc = bind(statement, index);
    if (rc != SQLITE_OK) throw SQLite::Exception(connection(m_db).getHandle(), rc);
    bound = true;
  }
  if (!bound) throw SQLite::Exception(fmt::format("no statement of {} has the parameter {}", m_name, name));
}

void BatchTable::bind(std::string_view parameter, std::int64_t value) {
  bind_each(parameter, [value](sqlite3_stmt* s, int index) { return sqlite3_bind_int64(s, index, value); });
}

void BatchTable::bind(std::string_view parameter, std::string_view value) {
  bind_each(parameter, [value](sqlite3_stmt* s, int index) {
    return sqlite3_bind_text(s, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  });
}

void BatchTable::value(std::string_view value) {
  m_cells.push_back({static_cast<std::int64_t>(m_text.size()), static_cast<std::uint32_t>(value.size()), 2});
  m_text.append(value);
}

void BatchTable::value(const std::optional<std::string_view>& value) {
  if (value)
    this->value(*value);
  else
    m_cells.push_back({});
}

void BatchTable::value(util::Date value) {
  this->value(std::string_view(value.iso()));
}

void BatchTable::value(const std::optional<util::Date>& value) {
  if (value)
    this->value(*value);
  else
    m_cells.push_back({});
}

void BatchTable::value(std::int64_t value) {
  m_cells.push_back({value, 0, 1});
}

void BatchTable::end_row() {
  if (++m_rows == m_capacity) flush();
}

void BatchTable::flush() {
  if (m_rows == 0) return;
  int rc = SQLITE_DONE;
  for (sqlite3_stmt* statement : m_statements) {
    rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc != SQLITE_DONE) break;
  }
  m_cells.clear();
  m_text.clear();
  m_rows = 0;
  if (rc != SQLITE_DONE) throw SQLite::Exception(connection(m_db).getHandle(), rc);
}

}  // namespace ics::store
