// The working_day table (schemas/sql/0003_working_days.sql, by which report queries count working days)
// counts as util::Calendar does with the built-in calendar of England and Wales.
#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/plan/calendars.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/date.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

using ics::util::Date;

namespace {

// The n-th working day after `from` as the reports compute it.
constexpr const char* k_after = R"SQL(
  SELECT d.day FROM working_day d
  WHERE d.n = :n + (SELECT w.n FROM working_day w WHERE w.day <= :from ORDER BY w.day DESC LIMIT 1))SQL";

}  // namespace

TEST_CASE("the working_day table adds working days as the calendar does, every day 1999-2037") {
  ics_test::ScratchDb s;
  auto calendar = ics::plan::load_calendar("england-and-wales", {});
  SQLite::Statement after(ics::store::connection(*s.db), k_after);
  int checked = 0;
  for (Date day = *Date::parse_iso("1999-01-01"); day < *Date::parse_iso("2038-01-01");
       day = day.plus_days(1)) {
    for (int n : {1, 10, 15, 45}) {
      after.bind(":from", day.iso());
      after.bind(":n", n);
      REQUIRE(after.executeStep());
      auto got = after.getColumn(0).getString();
      auto want = calendar.add_working_days(day, n).iso();
      if (got != want) {  // one CHECK per mismatch only: 57,000 passing ones would flood the count
        std::string what = day.iso() + " + " + std::to_string(n) + " working days";
        INFO(what);
        CHECK(got == want);
      }
      after.reset();
      ++checked;
    }
  }
  CHECK(checked == 4 * 14245);
}

TEST_CASE("working days skip weekends and bank holidays (Easter 2026)") {
  ics_test::ScratchDb s;
  SQLite::Statement after(ics::store::connection(*s.db), k_after);
  auto add = [&](const char* from, int n) {
    after.bind(":from", from);
    after.bind(":n", n);
    REQUIRE(after.executeStep());
    auto out = after.getColumn(0).getString();
    after.reset();
    return out;
  };
  CHECK(add("2026-04-02", 1) == "2026-04-07");   // Good Friday and Easter Monday skipped
  CHECK(add("2026-04-04", 1) == "2026-04-07");   // from a Saturday: the next working day
  CHECK(add("2026-03-02", 15) == "2026-03-23");  // a conference target
  CHECK(add("2026-02-02", 45) == "2026-04-08");
}
