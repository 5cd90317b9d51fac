// The dates people type (`icsctl help dates`): every form, its edges and its refusals.
#include <doctest/doctest.h>
#include <ics/plan/calendars.hpp>
#include <ics/util/date_words.hpp>
#include <ics/util/error.hpp>

#include <string>

using ics::util::Date;

namespace {

ics::util::Calendar shipped() {
  return ics::plan::load_calendar("england-and-wales", {});
}

// The date `text` denotes on `today`, as ISO text, with the shipped calendar.
std::string on(const char* today, std::string_view text) {
  return ics::util::resolve_date(text, "due", *Date::parse_iso(today), shipped).iso();
}

// The message `text` is refused with on `today`.
std::string refusal(const char* today, std::string_view text) {
  try {
    on(today, text);
  } catch (const ics::InvalidInput& e) {
    return e.what();
  }
  return "(accepted)";
}

}  // namespace

TEST_CASE("date words: ISO dates as they are, whatever today is") {
  CHECK(on("2026-11-22", "2024-02-29") == "2024-02-29");
  CHECK(on("2026-11-22", "2030-01-01") == "2030-01-01");
  CHECK(refusal("2026-11-22", "2023-02-29").find("is not a date") != std::string::npos);
}

TEST_CASE("date words: today, yesterday, tomorrow across month and year ends") {
  CHECK(on("2026-11-22", "today") == "2026-11-22");
  CHECK(on("2026-03-01", "yesterday") == "2026-02-28");
  CHECK(on("2024-03-01", "yesterday") == "2024-02-29");
  CHECK(on("2026-12-31", "tomorrow") == "2027-01-01");
  CHECK(on("2027-01-01", "yesterday") == "2026-12-31");
}

TEST_CASE("date words: weeks are ISO weeks, Monday to Sunday") {
  // 2026-11-22 is a Sunday: its week began on Monday 16th and ends that day.
  CHECK(on("2026-11-22", "sow") == "2026-11-16");
  CHECK(on("2026-11-22", "eow") == "2026-11-22");
  CHECK(on("2026-11-23", "sow") == "2026-11-23");  // a Monday
  CHECK(on("2026-11-23", "eow") == "2026-11-29");
  // a week across a year's end: Thursday 2026-12-31
  CHECK(on("2026-12-31", "sow") == "2026-12-28");
  CHECK(on("2026-12-31", "eow") == "2027-01-03");
}

TEST_CASE("date words: start and end of month and year, leap years included") {
  CHECK(on("2026-11-22", "som") == "2026-11-01");
  CHECK(on("2026-11-22", "eom") == "2026-11-30");
  CHECK(on("2026-02-10", "eom") == "2026-02-28");
  CHECK(on("2024-02-10", "eom") == "2024-02-29");
  CHECK(on("2100-02-01", "eom") == "2100-02-28");  // not a leap year
  CHECK(on("2000-02-01", "eom") == "2000-02-29");  // a leap year
  CHECK(on("2026-12-31", "eom") == "2026-12-31");
  CHECK(on("2026-11-22", "soy") == "2026-01-01");
  CHECK(on("2026-11-22", "eoy") == "2026-12-31");
  CHECK(on("2026-01-01", "soy") == "2026-01-01");
}

TEST_CASE("date words: days and weeks either way") {
  CHECK(on("2026-11-22", "+7d") == "2026-11-29");
  CHECK(on("2026-11-22", "-7d") == "2026-11-15");
  CHECK(on("2026-11-22", "+0d") == "2026-11-22");
  CHECK(on("2026-12-25", "+7d") == "2027-01-01");
  CHECK(on("2024-02-28", "+1d") == "2024-02-29");
  CHECK(on("2026-11-22", "-2w") == "2026-11-08");
  CHECK(on("2026-11-22", "+2w") == "2026-12-06");
  CHECK(on("2026-11-22", "+99999d") == "2300-09-06");
}

TEST_CASE("date words: months and years clamp to the last day of the month reached") {
  CHECK(on("2026-11-22", "-6m") == "2026-05-22");
  CHECK(on("2026-01-31", "+1m") == "2026-02-28");
  CHECK(on("2024-01-31", "+1m") == "2024-02-29");
  CHECK(on("2026-08-31", "-6m") == "2026-02-28");
  CHECK(on("2026-03-31", "-1m") == "2026-02-28");
  CHECK(on("2026-01-31", "-6m") == "2025-07-31");
  CHECK(on("2026-11-30", "+3m") == "2027-02-28");
  CHECK(on("2026-01-15", "-1m") == "2025-12-15");
  CHECK(on("2026-11-22", "+1y") == "2027-11-22");
  CHECK(on("2024-02-29", "+1y") == "2025-02-28");
  CHECK(on("2024-02-29", "+4y") == "2028-02-29");
  CHECK(on("2024-02-29", "-1y") == "2023-02-28");
  CHECK(on("2026-11-22", "-24m") == "2024-11-22");
}

TEST_CASE("date words: working days skip weekends and bank holidays of the calendar") {
  // Wednesday 23 December 2026: Christmas Day (Fri 25th), the weekend, Boxing Day substitute (Mon
  // 28th), then New Year's Day 2027 (a Friday) and its weekend.
  CHECK(on("2026-12-23", "+1wd") == "2026-12-24");
  CHECK(on("2026-12-23", "+2wd") == "2026-12-29");
  CHECK(on("2026-12-23", "+4wd") == "2026-12-31");
  CHECK(on("2026-12-23", "+5wd") == "2027-01-04");
  CHECK(on("2026-12-29", "-1wd") == "2026-12-24");
  CHECK(on("2027-01-04", "-3wd") == "2026-12-29");
  // from a weekend: today is not counted
  CHECK(on("2026-11-22", "+1wd") == "2026-11-23");
  CHECK(on("2026-11-22", "-1wd") == "2026-11-20");
  CHECK(on("2026-11-21", "+10wd") == "2026-12-04");
  CHECK(on("2026-11-22", "+0wd") == "2026-11-22");
  // Summer bank holiday, Monday 31 August 2026
  CHECK(on("2026-08-28", "+1wd") == "2026-09-01");
}

TEST_CASE("date words: the calendar is loaded for working days only") {
  int loads = 0;
  ics::util::WorkingDayCalendar counting = [&] {
    ++loads;
    return shipped();
  };
  Date today(2026, 11, 22);
  for (auto text : {"today", "eom", "+7d", "-6m", "+1y", "-2w", "2026-01-01"})
    ics::util::resolve_date(text, "due", today, counting);
  CHECK(loads == 0);
  ics::util::resolve_date("+10wd", "due", today, counting);
  CHECK(loads == 1);
}

TEST_CASE("date words: case is ignored, and blanks around the value but not inside it") {
  CHECK(on("2026-11-22", "TODAY") == "2026-11-22");
  CHECK(on("2026-11-22", "Eom") == "2026-11-30");
  CHECK(on("2026-11-22", "+7D") == "2026-11-29");
  CHECK(on("2026-11-22", "+1WD") == "2026-11-23");
  CHECK(on("2026-11-22", " today ") == "2026-11-22");
  CHECK(on("2026-11-22", "\t2026-01-02 ") == "2026-01-02");
  CHECK(refusal("2026-11-22", "+ 7d") != "(accepted)");
  CHECK(refusal("2026-11-22", "+7 d") != "(accepted)");
  CHECK(refusal("2026-11-22", "to day") != "(accepted)");
}

TEST_CASE("date words: bad forms are refused naming the field, the value and the forms accepted") {
  auto message = refusal("2026-11-22", "tomorow");
  CHECK(message.find("'due'") != std::string::npos);
  CHECK(message.find("'tomorow'") != std::string::npos);
  CHECK(message.find("+10wd") != std::string::npos);
  CHECK(message.find("icsctl help dates") != std::string::npos);
  for (auto bad : {"",          " ",        "7d",         "+d",       "+7",       "+7x",  "+7dd",
                   "++7d",      "+-7d",     "-7wdd",      "+7.5d",    "+1e3d",    "now",  "eod",
                   "next week", "2026-1-2", "02/01/2026", "+123456d", "+100000d", "+7w d"})
    CHECK_MESSAGE(refusal("2026-11-22", bad).find("is not a date") != std::string::npos, bad);
}

TEST_CASE("date words: dates beyond the years kept, or working days beyond the calendar, are refused") {
  CHECK(refusal("2026-11-22", "+99999y").find("too far") != std::string::npos);
  CHECK(refusal("2026-11-22", "-2026y").find("too far") != std::string::npos);
  CHECK(on("2026-11-22", "-2025y") == "0001-11-22");
  CHECK(refusal("9999-12-01", "+5w").find("too far") != std::string::npos);
  CHECK(on("2026-11-22", "+99999w") == "3943-05-30");
  CHECK(refusal("0001-01-03", "-7d").find("too far") != std::string::npos);
  auto beyond = refusal("2035-12-20", "+10wd");
  CHECK(beyond.find("outside the years of calendar 'england-and-wales' (2000-2035)") != std::string::npos);
  CHECK(refusal("2040-01-01", "+1wd").find("from today, 2040-01-01") != std::string::npos);
  CHECK(on("2035-12-20", "+5wd") == "2035-12-31");  // from a Thursday; the 25th and 26th are holidays
}
