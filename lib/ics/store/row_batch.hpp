#pragma once
// Rows gathered in memory and inserted by one INSERT ... SELECT, for bulk loads. The rows are
// served to SQL by an eponymous virtual table that exists only while the batch does, whose
// columns are named by the row type (see RowBatch). Stepping one INSERT per row costs SQLite a
// statement start and a cursor per table and index each time; 990k plans took 1.9 s that way and
// 1.0 s as batches of 1024 rows. Values are data, never SQL text: they reach SQLite as a virtual
// table's column values, as bound parameters do.
#include <ics/store/database.hpp>
#include <ics/util/date.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3_stmt;

namespace ics::store {

// The virtual table `name`(columns...) over the rows held, and the named queries that read it,
// run in their order at each flush. Used through RowBatch, which fills each row in the order of
// its columns.
class BatchTable {
 public:
  BatchTable(Database& db, std::string name, std::vector<std::string> columns,
             std::vector<std::string_view> statements, std::size_t capacity);
  ~BatchTable();
  BatchTable(const BatchTable&) = delete;
  BatchTable& operator=(const BatchTable&) = delete;

  void value(std::int64_t value);
  void value(bool value) { this->value(std::int64_t{value ? 1 : 0}); }
  void value(std::string_view value);
  void value(const std::optional<std::string_view>& value);
  void value(util::Date value);  // YYYY-MM-DD
  void value(const std::optional<util::Date>& value);
  void end_row();  // flushes a full batch

  void bind(std::string_view parameter, std::int64_t value);
  void bind(std::string_view parameter, std::string_view value);
  std::size_t rows() const { return m_rows; }
  void flush();

  // For the virtual table (row_batch.cpp).
  struct Cell {
    std::int64_t value = 0;  // an integer, or where a text starts in m_text
    std::uint32_t size = 0;  // of a text
    std::uint8_t type = 0;   // 0 null, 1 integer, 2 text
  };
  const Cell& cell(std::size_t row, int column) const {
    return m_cells[row * m_columns.size() + static_cast<std::size_t>(column)];
  }
  const char* text_at(std::int64_t offset) const { return m_text.data() + offset; }
  const std::vector<std::string>& columns() const { return m_columns; }

 private:
  template <class Bind>
  void bind_each(std::string_view parameter, Bind&& bind);
  void release();  // the statements, then the table

  Database& m_db;
  std::string m_name;
  std::vector<std::string> m_columns;
  std::size_t m_capacity;
  std::vector<Cell> m_cells;
  std::string m_text;
  std::size_t m_rows = 0;
  std::vector<sqlite3_stmt*> m_statements;
};

// A batch of rows of type `Row`, a struct that names its columns once: `row.columns(f)` calls
// f("name", value) for each column, always in the same order. The virtual table is declared
// with those names, and the statement reads them by name (`SELECT id, family_name ... FROM
// name`). A value is an integer, a bool, a text, a date or an optional text or date (NULL).
template <class Row>
class RowBatch {
 public:
  // Serves the rows as the table `name` to the named query `statement` (schemas/queries), which
  // runs whenever `capacity` rows are held.
  RowBatch(Database& db, std::string name, std::string_view statement, std::size_t capacity)
      : RowBatch(db, std::move(name), std::vector<std::string_view>{statement}, capacity) {}
  // As above, with several named queries over the same rows, run in this order.
  RowBatch(Database& db, std::string name, std::vector<std::string_view> statements, std::size_t capacity)
      : m_table(db, std::move(name), column_names(), std::move(statements), capacity) {}

  void add(const Row& row) {
    row.columns([this](std::string_view, const auto& value) { m_table.value(value); });
    m_table.end_row();
  }
  // Binds the parameter `:parameter` of the statements that have it for every batch from now on: a
  // value every row shares is then not held, nor served, row by row. Throws SQLite::Exception, also
  // when no statement has it.
  void bind(std::string_view parameter, std::int64_t value) { m_table.bind(parameter, value); }
  void bind(std::string_view parameter, std::string_view value) { m_table.bind(parameter, value); }

  std::size_t rows() const { return m_table.rows(); }
  // Runs the statements over the rows held (if any), then forgets them. Throws SQLite::Exception.
  void flush() { m_table.flush(); }

 private:
  static std::vector<std::string> column_names() {
    std::vector<std::string> names;
    Row{}.columns([&names](std::string_view name, const auto&) { names.emplace_back(name); });
    return names;
  }
  BatchTable m_table;
};

}  // namespace ics::store
