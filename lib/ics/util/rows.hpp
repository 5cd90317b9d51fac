#pragma once
// Rows of values flowing from a query to a writer, one at a time.
#include <ics/api.hpp>

#include <fmt/format.h>
#include <cstdint>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

ICS_API_BEGIN
namespace ics::util {

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;  // monostate = null

// A value as text: null is empty, numbers in their shortest form. Writers and bulk import use it;
// the table output shows null as "-" on top of it.
inline std::string to_text(const Value& value) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return {};
        else if constexpr (std::is_same_v<T, std::string>)
          return x;
        else
          return fmt::format("{}", x);
      },
      value);
}

inline bool is_null(const Value& value) {
  return std::holds_alternative<std::monostate>(value);
}

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
ICS_API_END
