#pragma once
// Rows of values flowing from a query to a writer, one at a time.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace ics::util {

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;  // monostate = null

struct Column {
  std::string name;
  std::string type = "text";  // text, integer, real, date
};

// Receives a result: columns first, then each row, then end. Writers implement it.
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void begin(const std::vector<Column>& columns) = 0;
  virtual void row(const std::vector<Value>& values) = 0;
  virtual void end() = 0;
};

// Keeps a whole result in memory (for tests, `show` and small lists).
class RowBuffer : public RowSink {
 public:
  void begin(const std::vector<Column>& columns) override { m_columns = columns; }
  void row(const std::vector<Value>& values) override { m_rows.push_back(values); }
  void end() override {}
  const std::vector<Column>& columns() const { return m_columns; }
  const std::vector<std::vector<Value>>& rows() const { return m_rows; }

 private:
  std::vector<Column> m_columns;
  std::vector<std::vector<Value>> m_rows;
};

}  // namespace ics::util
