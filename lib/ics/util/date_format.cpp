#include <ics/util/date_format.hpp>

namespace ics::util {

namespace {

std::uint8_t digits_of(char kind) {
  switch (kind) {
    case 'd':
    case 'm':
    case 'y': return 2;
    case 'Y': return 4;
    default: return 0;
  }
}

}  // namespace

DateFormat::DateFormat(std::string format) : m_format(std::move(format)) {
  if (!read_fixed_width()) m_parts.clear();
}

// Splits the format into numbers and literal characters; false when some part has no fixed
// width (%-d, %e, %b, %B, %%) or the format holds no day, month or year.
bool DateFormat::read_fixed_width() {
  bool day = false, month = false, year = false;
  for (std::size_t f = 0; f < m_format.size(); ++f) {
    if (m_width > 64) return false;
    char c = m_format[f];
    if (c != '%') {
      m_parts.push_back({c, false, static_cast<std::uint8_t>(m_width), 1});
      ++m_width;
      continue;
    }
    if (f + 1 == m_format.size()) return false;
    char kind = m_format[++f];
    std::uint8_t width = digits_of(kind);
    if (width == 0) return false;
    day |= kind == 'd';
    month |= kind == 'm';
    year |= kind == 'Y' || kind == 'y';
    m_parts.push_back({kind, true, static_cast<std::uint8_t>(m_width), width});
    m_width += width;
  }
  return day && month && year;
}

std::optional<Date> DateFormat::parse(std::string_view text) const {
  if (m_parts.empty()) return Date::parse(text, m_format);
  return parse_fixed_width(text);
}

std::optional<Date> DateFormat::parse_fixed_width(std::string_view text) const {
  if (text.size() != m_width) return std::nullopt;
  int y = 0, m = 0, d = 0;
  for (const Part& part : m_parts) {
    if (!part.number) {
      if (text[part.at] != part.kind) return std::nullopt;
      continue;
    }
    int value = 0;
    for (std::size_t i = part.at; i < part.at + part.width; ++i) {
      char c = text[i];
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    if (part.kind == 'd')
      d = value;
    else if (part.kind == 'm')
      m = value;
    else if (part.kind == 'Y')
      y = value;
    else
      y = value < 70 ? 2000 + value : 1900 + value;
  }
  return Date::from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

}  // namespace ics::util
