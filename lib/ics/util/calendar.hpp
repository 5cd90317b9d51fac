#pragma once
// A working-day calendar: weekends plus the bank holidays of a calendar file.
#include <ics/api.hpp>
#include <ics/util/date.hpp>

#include <map>
#include <optional>
#include <string>

ICS_API_BEGIN
namespace ics::util {

class Calendar {
 public:
  // No holidays and no covered years: working days are just Monday to Friday.
  Calendar() = default;
  // `holidays` maps each holiday to its name; `first_year`..`last_year` is the span it is known for.
  Calendar(std::string name, int first_year, int last_year, std::map<Date, std::string> holidays);

  const std::string& name() const { return m_name; }
  int first_year() const { return m_first_year; }
  int last_year() const { return m_last_year; }
  const std::map<Date, std::string>& holidays() const { return m_holidays; }

  // The holiday's name, or nullopt when `date` is not a holiday.
  std::optional<std::string> holiday_name(Date date) const;
  bool is_holiday(Date date) const { return m_holidays.contains(date); }
  // Monday to Friday and not a holiday.
  bool is_working_day(Date date) const;
  // Whether the calendar knows the holidays of `date`'s year (first_year <= year <= last_year).
  bool covers(Date date) const;

  // n > 0: the n-th working day after `from` (`from` itself not counted); n == 0: `from`;
  // n < 0: the |n|-th working day before `from`.
  Date add_working_days(Date from, int n) const;
  // The number of working days d with a < d <= b; minus the count for (b, a] when b < a.
  int working_days_between(Date a, Date b) const;

 private:
  // Holidays d with a < d <= b that fall on a weekday.
  long weekday_holidays_between(Date a, Date b) const;

  std::string m_name;
  int m_first_year = 0;
  int m_last_year = -1;
  std::map<Date, std::string> m_holidays;
};

}  // namespace ics::util
ICS_API_END
