#pragma once
// A named statement read through SQLite's C API, for the loops that read millions of rows (db
// check, a batch's seal): SQLiteCpp's Column takes and drops a shared pointer for every value read,
// which cost db check about a tenth of its time. Private to store; SQLite's errors come out as
// SQLite::Exception, for throw_typed.
#include <ics/store/database.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

struct sqlite3_stmt;

namespace ics::store {

class FastRows {
 public:
  FastRows(Database& db, std::string_view query_name);
  ~FastRows();
  FastRows(const FastRows&) = delete;
  FastRows& operator=(const FastRows&) = delete;

  void bind(int index, std::int64_t value);
  void bind(const char* name, std::int64_t value);
  void bind(int index, std::string_view value);  // the text is the caller's until reset()
  // The next row; false past the last.
  bool step();
  // Back before the first row, the bindings kept.
  void reset();

  int columns() const;
  std::string_view column_name(int column) const;
  std::int64_t integer(int column) const;
  // A column's text where SQLite holds it (none: null), valid until the statement moves.
  std::optional<std::string_view> text(int column) const;

 private:
  sqlite3_stmt* m_stmt = nullptr;
};

}  // namespace ics::store
