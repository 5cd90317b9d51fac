#pragma once
// Calendar dates (no time of day) and their ISO and strftime-style text forms.
#include <ics/api.hpp>

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

ICS_API_BEGIN
namespace ics::util {

class Date {
 public:
  Date() = default;
  explicit Date(std::chrono::sys_days days) : m_days(days) {}
  Date(int year, unsigned month, unsigned day);  // throws std::invalid_argument when impossible

  static std::optional<Date> from_ymd(int year, unsigned month, unsigned day);
  // Strict ISO 8601 calendar date, YYYY-MM-DD.
  static std::optional<Date> parse_iso(std::string_view text);
  // strftime-style: %d %m %Y %y %b %B %e, %-d and %-m (no leading zero needed) and literal
  // characters; the whole text must match.
  static std::optional<Date> parse(std::string_view text, std::string_view format);

  std::string iso() const;
  // The same 10 characters written at `out`, for a year 0..9999 (false otherwise: use iso()),
  // without a string: for code that writes millions of dates.
  bool write_iso(char* out) const;
  int year() const;
  unsigned month() const;
  unsigned day() const;
  // 1 = Monday ... 7 = Sunday
  unsigned iso_weekday() const;
  bool is_weekend() const { return iso_weekday() >= 6; }

  Date plus_days(long n) const { return Date(m_days + std::chrono::days(n)); }
  // Calendar months; a day past the end of the target month clamps to its last day.
  Date plus_months(long n) const;
  long days_until(Date other) const { return (other.m_days - m_days).count(); }
  std::chrono::sys_days days() const { return m_days; }

  auto operator<=>(const Date&) const = default;

 private:
  std::chrono::sys_days m_days{};
};

// The date an ISO string denotes; throws ics::InvalidInput naming `field` otherwise.
Date parse_iso_or_throw(std::string_view text, std::string_view field);

}  // namespace ics::util
ICS_API_END
