#pragma once
// Rows gathered in memory and inserted by one INSERT ... SELECT, for bulk loads. The rows are
// served to SQL by an eponymous virtual table `name`(c0, c1, ...) that exists only while the
// batch does. Stepping one INSERT per row costs SQLite a statement start and a cursor per table
// and index each time; 990k plans took 1.9 s that way and 1.0 s as batches of 1024 rows.
// Values are data, never SQL text: they reach SQLite as a virtual table's column values, as
// bound parameters do.
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

class RowBatch {
 public:
  // Serves the rows as the table `name` with `columns` columns, to the named query `insert`
  // (schemas/queries), which reads them with `SELECT c0, c1, ... FROM name`; inserts them
  // whenever `capacity` rows are held.
  RowBatch(Database& db, std::string name, int columns, std::string_view insert, std::size_t capacity);
  ~RowBatch();
  RowBatch(const RowBatch&) = delete;
  RowBatch& operator=(const RowBatch&) = delete;

  // Values of the row being added, in column order; end_row completes it (and flushes a full batch).
  void text(std::string_view value);
  void optional_text(const std::optional<std::string>& value);
  void date(const std::optional<util::Date>& value);  // YYYY-MM-DD, or NULL
  void integer(std::int64_t value);
  void null();
  void end_row();

  // Binds the insert's parameter `index` (from 1) for every batch from now on: a value every row
  // shares is then not held, nor served, row by row. Throws SQLite::Exception.
  void bind(int index, std::int64_t value);
  void bind(int index, std::string_view value);

  std::size_t rows() const { return m_rows; }
  // Runs the insert over the rows held (if any), then forgets them. Throws SQLite::Exception.
  void flush();

  // For the virtual table (row_batch.cpp).
  struct Cell {
    std::int64_t value = 0;  // an integer, or where a text starts in m_text
    std::uint32_t size = 0;  // of a text
    std::uint8_t type = 0;   // 0 null, 1 integer, 2 text
  };
  const Cell& cell(std::size_t row, int column) const {
    return m_cells[row * static_cast<std::size_t>(m_columns) + static_cast<std::size_t>(column)];
  }
  const char* text_at(std::int64_t offset) const { return m_text.data() + offset; }
  int columns() const { return m_columns; }

 private:
  Database& m_db;
  std::string m_name;
  int m_columns;
  std::size_t m_capacity;
  std::vector<Cell> m_cells;
  std::string m_text;
  std::size_t m_rows = 0;
  sqlite3_stmt* m_insert = nullptr;
};

}  // namespace ics::store
