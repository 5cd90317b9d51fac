#include <doctest/doctest.h>
#include <ics/plan/calendars.hpp>
#include <ics/util/calendar.hpp>

#include <map>

using ics::util::Calendar;
using ics::util::Date;

namespace {
const Calendar& england() {
  static const Calendar k_calendar = ics::plan::load_calendar("england-and-wales", {});
  return k_calendar;
}
std::string plus(const std::string& from, int n) {
  return england().add_working_days(*Date::parse_iso(from), n).iso();
}
}  // namespace

TEST_CASE("England and Wales: the bank holidays and substitute days") {
  const Calendar& c = england();
  CHECK(c.name() == "england-and-wales");
  CHECK(c.first_year() == 2000);
  CHECK(c.last_year() == 2035);
  for (const char* day :
       {"2025-12-25", "2025-12-26", "2026-01-01", "2020-12-28", "2021-12-27", "2021-12-28", "2022-01-03",
        "2002-06-03", "2002-06-04", "2011-04-29", "2012-06-04", "2012-06-05", "2020-05-08", "2022-06-02",
        "2022-06-03", "2022-09-19", "2023-05-08", "2024-03-29", "2024-04-01", "2035-03-23"})
    CHECK_MESSAGE(c.is_holiday(*Date::parse_iso(day)), day);
  // Moved holidays are not kept on their usual date.
  for (const char* day :
       {"2020-05-04", "2022-05-30", "2012-05-28", "2002-05-27", "2020-12-25" /* Friday: yes */})
    CHECK_MESSAGE(c.is_holiday(*Date::parse_iso(day)) == (std::string(day) == "2020-12-25"), day);
  CHECK(c.holiday_name(Date(2021, 12, 28)) == "Boxing Day (substitute day)");
  CHECK(c.holiday_name(Date(2022, 12, 27)) == "Christmas Day (substitute day)");
  CHECK_FALSE(c.holiday_name(Date(2022, 12, 28)));

  std::map<int, int> per_year;
  for (const auto& [date, name] : c.holidays()) {
    CHECK_FALSE(date.is_weekend());
    ++per_year[date.year()];
  }
  CHECK(per_year.size() == 36);
  for (auto [year, count] : per_year) {
    int expected = year == 2022 ? 10 : (year == 2002 || year == 2011 || year == 2012 || year == 2023) ? 9 : 8;
    CHECK_MESSAGE(count == expected, year);
  }
}

TEST_CASE("working days skip weekends and bank holidays") {
  CHECK(plus("2020-12-24", 1) == "2020-12-29");  // Christmas Friday, Boxing Day substitute Monday
  CHECK(plus("2021-12-24", 1) == "2021-12-29");  // both substitutes
  CHECK(plus("2022-12-23", 1) == "2022-12-28");  // Boxing Day Monday, Christmas substitute Tuesday
  CHECK(plus("2021-12-31", 1) == "2022-01-04");  // New Year substitute
  CHECK(plus("2022-09-16", 1) == "2022-09-20");  // state funeral
  CHECK(plus("2024-03-28", 1) == "2024-04-02");  // Easter
  CHECK(plus("2025-12-19", 10) == "2026-01-07");
  CHECK(plus("2025-12-19", 0) == "2025-12-19");
  CHECK(plus("2025-12-20", 0) == "2025-12-20");  // n == 0 keeps even a weekend
  CHECK(plus("2025-12-20", 1) == "2025-12-22");  // from a Saturday
  CHECK(plus("2025-12-21", 5) == "2025-12-30");  // from a Sunday, over Christmas
  CHECK(plus("2025-06-02", 5) == "2025-06-09");  // a plain week
  CHECK(plus("2025-06-06", 1) == "2025-06-09");  // Friday to Monday
  CHECK(plus("2025-06-04", 3) == "2025-06-09");
  CHECK(plus("2026-01-07", -10) == "2025-12-19");
  CHECK(plus("2022-09-20", -1) == "2022-09-16");
  CHECK(plus("2025-12-29", -1) == "2025-12-24");
}

TEST_CASE("adding then counting working days agree, day by day") {
  const Calendar& c = england();
  Date start(2019, 12, 1);
  for (int offset = 0; offset < 60; ++offset) {
    Date from = start.plus_days(offset * 11);
    int counted = 0;
    Date day = from;
    for (int n = 1; n <= 45; ++n) {
      // The slow way: walk day by day.
      do day = day.plus_days(1);
      while (!c.is_working_day(day));
      ++counted;
      REQUIRE_MESSAGE(c.add_working_days(from, n) == day, from.iso(), " + ", n);
      REQUIRE(c.working_days_between(from, day) == counted);
      REQUIRE(c.working_days_between(day, from) == -counted);
    }
  }
}

TEST_CASE("counting working days") {
  const Calendar& c = england();
  CHECK(c.working_days_between(Date(2025, 12, 19), Date(2026, 1, 7)) == 10);
  CHECK(c.working_days_between(Date(2025, 12, 24), Date(2025, 12, 28)) == 0);
  CHECK(c.working_days_between(Date(2025, 12, 24), Date(2025, 12, 24)) == 0);
  CHECK(c.working_days_between(Date(2024, 12, 31), Date(2025, 12, 31)) == 261 - 8);    // 2025: 261 weekdays
  CHECK(c.working_days_between(Date(2025, 1, 2), Date(2025, 12, 31)) == 261 - 8 - 1);  // `a` is not counted
  CHECK(c.working_days_between(Date(2026, 1, 7), Date(2025, 12, 19)) == -10);
}

TEST_CASE("a calendar covers the years it lists; outside them only weekends count") {
  const Calendar& c = england();
  CHECK(c.covers(Date(2000, 1, 1)));
  CHECK(c.covers(Date(2035, 12, 31)));
  CHECK_FALSE(c.covers(Date(1999, 12, 31)));
  CHECK_FALSE(c.covers(Date(2036, 1, 1)));
  CHECK(c.is_working_day(Date(2036, 12, 25)));
  CHECK_FALSE(c.is_working_day(Date(2025, 12, 25)));
  CHECK_FALSE(c.is_working_day(Date(2025, 12, 27)));

  Calendar weekdays_only;
  CHECK_FALSE(weekdays_only.covers(Date(2025, 1, 1)));
  CHECK(weekdays_only.add_working_days(Date(2025, 12, 24), 1) == Date(2025, 12, 25));
  CHECK(weekdays_only.add_working_days(Date(2025, 12, 26), 1) == Date(2025, 12, 29));
  CHECK(weekdays_only.working_days_between(Date(1999, 1, 1), Date(1999, 1, 31)) == 20);
}

TEST_CASE("a holiday listed on a weekend changes nothing") {
  Calendar c("test", 2025, 2025, {{Date(2025, 6, 7), "Saturday"}, {Date(2025, 6, 9), "Monday"}});
  CHECK(c.add_working_days(Date(2025, 6, 6), 1) == Date(2025, 6, 10));
  CHECK(c.working_days_between(Date(2025, 6, 6), Date(2025, 6, 10)) == 1);
}
