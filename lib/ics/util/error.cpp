#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics {

namespace {
std::string describe(const std::string& field, const std::string& value, const std::string& reason,
                     std::optional<long> line) {
  std::string message = fmt::format("'{}' {}: '{}'", field, reason, value);
  if (line) message += fmt::format(" (line {})", *line);
  return message;
}
}  // namespace

InvalidInput::InvalidInput(std::string field, std::string value, std::string reason, std::optional<long> line)
    : Error(describe(field, value, reason, line)),
      m_field(std::move(field)),
      m_value(std::move(value)),
      m_reason(std::move(reason)),
      m_line(line) {}

InvalidInput::InvalidInput(const std::string& message) : Error(message) {}

Conflict::Conflict(std::string field, std::string value, std::string reason)
    : Error(fmt::format("{} {} {}", field, value, reason)),
      m_field(std::move(field)),
      m_value(std::move(value)),
      m_reason(std::move(reason)) {}

}  // namespace ics
