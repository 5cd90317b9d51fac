#include <ics/util/calendar.hpp>

namespace ics::util {

namespace {

// A Monday, the origin for counting weekdays.
const Date k_monday(2000, 1, 3);

long floor_div(long a, long b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Weekdays d with k_monday <= d < date (negative when date is before k_monday).
long weekdays_before(Date date) {
  long offset = k_monday.days_until(date);
  long weeks = floor_div(offset, 7);
  long rest = offset - weeks * 7;
  return weeks * 5 + (rest < 5 ? rest : 5);
}

// Weekdays d with a < d <= b, for a <= b.
long weekdays_between(Date a, Date b) {
  return weekdays_before(b.plus_days(1)) - weekdays_before(a.plus_days(1));
}

// The n-th weekday after `from`, n > 0.
Date add_weekdays(Date from, long n) {
  if (from.is_weekend())
    from = from.plus_days(5 - static_cast<long>(from.iso_weekday()));  // the Friday before
  long weeks = n / 5, rest = n % 5;
  long extra = static_cast<long>(from.iso_weekday()) + rest > 5 ? 2 : 0;
  return from.plus_days(weeks * 7 + rest + extra);
}

}  // namespace

Calendar::Calendar(std::string name, int first_year, int last_year, std::map<Date, std::string> holidays)
    : m_name(std::move(name)),
      m_first_year(first_year),
      m_last_year(last_year),
      m_holidays(std::move(holidays)) {}

std::optional<std::string> Calendar::holiday_name(Date date) const {
  auto it = m_holidays.find(date);
  if (it == m_holidays.end()) return std::nullopt;
  return it->second;
}

bool Calendar::is_working_day(Date date) const {
  return !date.is_weekend() && !is_holiday(date);
}

bool Calendar::covers(Date date) const {
  return date.year() >= m_first_year && date.year() <= m_last_year;
}

long Calendar::weekday_holidays_between(Date a, Date b) const {
  long count = 0;
  for (auto it = m_holidays.upper_bound(a); it != m_holidays.end() && it->first <= b; ++it)
    if (!it->first.is_weekend()) ++count;
  return count;
}

Date Calendar::add_working_days(Date from, int n) const {
  if (n < 0) {
    for (; n < 0; ++n) {
      do from = from.plus_days(-1);
      while (!is_working_day(from));
    }
    return from;
  }
  // Jump over weekdays, then again over as many days as holidays were jumped over.
  long remaining = n;
  while (remaining > 0) {
    Date to = add_weekdays(from, remaining);
    remaining = weekday_holidays_between(from, to);
    from = to;
  }
  return from;
}

int Calendar::working_days_between(Date a, Date b) const {
  if (b < a) return -working_days_between(b, a);
  return static_cast<int>(weekdays_between(a, b) - weekday_holidays_between(a, b));
}

}  // namespace ics::util
