#pragma once
// A strftime-style date format (as Date::parse reads it) taken apart once, for reading many dates:
// an import reads three dates a row. A format of fixed-width numbers (%d %m %Y %y) and literal
// characters, such as %d/%m/%Y, is read at fixed positions; any other goes to Date::parse.
#include <ics/api.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::util {

class DateFormat {
 public:
  explicit DateFormat(std::string format);

  // The same answer as Date::parse(text, text()).
  std::optional<Date> parse(std::string_view text) const;
  const std::string& text() const { return m_format; }

 private:
  struct Part {
    char kind = 0;  // d, m, Y or y for a number of `width` digits; else the literal character
    bool number = false;
    std::uint8_t at = 0;
    std::uint8_t width = 1;
  };
  bool read_fixed_width();
  std::optional<Date> parse_fixed_width(std::string_view text) const;

  std::string m_format;
  std::vector<Part> m_parts;  // empty: not a fixed-width format
  std::size_t m_width = 0;    // of a fixed-width format's dates
};

}  // namespace ics::util
ICS_API_END
