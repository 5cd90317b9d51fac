#include <ics/util/error.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>

namespace ics {

namespace {
std::string describe(const std::string& field, const std::string& value, const std::string& reason,
                     std::optional<long> line) {
  // The value as a terminal may show it: a hostile one must not reach it raw, nor at any length.
  std::string message =
      fmt::format("'{}' {}: '{}'", util::escape_text(field), reason, util::shown_text(value));
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
    : Error(fmt::format("{} {} {}", field, util::shown_text(value), reason)),
      m_field(std::move(field)),
      m_value(std::move(value)),
      m_reason(std::move(reason)) {}

}  // namespace ics
