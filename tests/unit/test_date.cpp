#include <doctest/doctest.h>
#include <ics/util/date.hpp>
#include <ics/util/error.hpp>

using ics::util::Date;

TEST_CASE("ISO dates are written with four-digit years and two-digit months and days") {
  CHECK(Date(5, 1, 2).iso() == "0005-01-02");
  CHECK(Date(1999, 12, 31).iso() == "1999-12-31");
  CHECK(Date(9999, 10, 9).iso() == "9999-10-09");
  CHECK(Date(1, 1, 1).plus_days(-1).iso() == "0000-12-31");  // outside the years parse accepts
}

TEST_CASE("ISO dates are strict") {
  CHECK(Date::parse_iso("2024-02-29")->iso() == "2024-02-29");
  CHECK_FALSE(Date::parse_iso("2023-02-29"));
  CHECK_FALSE(Date::parse_iso("2023-2-01"));
  CHECK_FALSE(Date::parse_iso("2023-02-01 "));
  CHECK_FALSE(Date::parse_iso("2023/02/01"));
  CHECK_FALSE(Date::parse_iso(""));
  CHECK_THROWS_AS(ics::util::parse_iso_or_throw("31/02/2001", "dob"), ics::InvalidInput);
}

TEST_CASE("strftime-style formats") {
  CHECK(Date::parse("16/11/2000", "%d/%m/%Y")->iso() == "2000-11-16");
  CHECK_FALSE(Date::parse("31/02/2001", "%d/%m/%Y"));
  CHECK_FALSE(Date::parse("16/11/00", "%d/%m/%Y"));
  CHECK(Date::parse("16/11/00", "%d/%m/%y")->iso() == "2000-11-16");
  CHECK(Date::parse("16/11/85", "%d/%m/%y")->iso() == "1985-11-16");
  CHECK(Date::parse("3 Mar 2021", "%e %b %Y")->iso() == "2021-03-03");
  CHECK(Date::parse("03 march 2021", "%d %B %Y")->iso() == "2021-03-03");
  CHECK_FALSE(Date::parse("N/K", "%d/%m/%Y"));
  CHECK_FALSE(Date::parse("1/2/2020", "%d/%m/%Y"));
  CHECK(Date::parse("1/2/2020", "%-d/%-m/%Y")->iso() == "2020-02-01");
  CHECK(Date::parse("01/12/2020", "%-d/%-m/%Y")->iso() == "2020-12-01");
  CHECK_FALSE(Date::parse("31/2/2020", "%-d/%-m/%Y"));
}

TEST_CASE("month arithmetic clamps to the end of the month") {
  CHECK(Date(2025, 11, 30).plus_months(3).iso() == "2026-02-28");
  CHECK(Date(2023, 11, 30).plus_months(3).iso() == "2024-02-29");
  CHECK(Date(2025, 12, 19).plus_months(3).iso() == "2026-03-19");
  CHECK(Date(2025, 1, 31).plus_months(-2).iso() == "2024-11-30");
  CHECK(Date(2025, 12, 19).iso_weekday() == 5);
  CHECK(Date(2025, 12, 19).days_until(Date(2026, 1, 7)) == 19);
}

TEST_CASE("dates from year, month and day agree with std::chrono for every day of years 1 to 9999") {
  namespace chr = std::chrono;
  long checked = 0;
  for (int y = 1; y <= 9999; ++y)
    for (unsigned m = 0; m <= 13; ++m)
      for (unsigned d = 0; d <= 32; ++d) {
        chr::year_month_day ymd{chr::year{y}, chr::month{m}, chr::day{d}};
        auto date = Date::from_ymd(y, m, d);
        if (date.has_value() != ymd.ok()) FAIL_CHECK(y << "-" << m << "-" << d);
        if (date && date->days() != chr::sys_days{ymd}) FAIL_CHECK(y << "-" << m << "-" << d);
        checked += date.has_value();
      }
  CHECK(checked == 3652059);  // the days from 0001-01-01 to 9999-12-31
  CHECK_FALSE(Date::from_ymd(0, 1, 1));
  CHECK_FALSE(Date::from_ymd(10000, 1, 1));
  CHECK_FALSE(Date::from_ymd(-1, 1, 1));
}

TEST_CASE("a date's ISO text written in place is iso()'s, for the years it writes") {
  char text[10];
  Date d(2024, 2, 29);
  REQUIRE(d.write_iso(text));
  CHECK(std::string_view(text, 10) == d.iso());
  CHECK(d.iso() == "2024-02-29");
  for (Date other : {Date(1, 1, 1), Date(999, 12, 31), Date(9999, 12, 31)}) {
    REQUIRE(other.write_iso(text));
    CHECK(std::string_view(text, 10) == other.iso());
  }
  CHECK(Date(9, 3, 4).iso() == "0009-03-04");
}
