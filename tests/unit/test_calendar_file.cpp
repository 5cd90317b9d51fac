#include <doctest/doctest.h>
#include <ics/plan/calendars.hpp>
#include <ics/util/error.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

using ics::plan::load_calendar;
using ics::plan::parse_calendar;
using ics::util::Date;

namespace {

std::string error_of(const std::string& yaml) {
  try {
    parse_calendar(yaml, "calendars/x.yaml");
  } catch (const ics::InvalidInput& e) {
    return e.what();
  }
  return "(no error)";
}

const std::string k_head = "name: test\ntitle: Test\nfirst_year: 2025\nlast_year: 2026\n";

}  // namespace

TEST_CASE("a calendar file parses") {
  auto c = parse_calendar(k_head +
                              "holidays:\n  - {date: 2025-12-25, name: Christmas Day}\n"
                              "  - date: 2026-01-01\n    name: New Year's Day\n",
                          "calendars/test.yaml");
  CHECK(c.name() == "test");
  CHECK(c.first_year() == 2025);
  CHECK(c.last_year() == 2026);
  CHECK(c.holidays().size() == 2);
  CHECK(c.holiday_name(Date(2026, 1, 1)) == "New Year's Day");
  CHECK(parse_calendar("name: none\nfirst_year: 2025\nlast_year: 2025\nholidays: []\n", "x")
            .holidays()
            .empty());
}

TEST_CASE("calendar file errors name the place, the key and the value") {
  CHECK(error_of(k_head + "holidays:\n  - {date: 2025-13-25, name: X}\n") ==
        "calendars/x.yaml:6:12: 'date' must be a date (YYYY-MM-DD): '2025-13-25'");
  CHECK(error_of(k_head + "holidays:\n  - {date: 2024-12-25, name: X}\n") ==
        "calendars/x.yaml:6:12: 'date' must be within first_year..last_year (2025..2026): '2024-12-25'");
  CHECK(error_of(k_head + "holidays:\n  - {date: 2025-12-25, name: X}\n  - {date: 2025-12-25, name: Y}\n") ==
        "calendars/x.yaml:7:12: 'date' is listed twice: '2025-12-25'");
  CHECK(error_of(k_head + "holidays:\n  - {date: 2025-12-25}\n") ==
        "calendars/x.yaml:6:5: missing required key 'name' in holiday");
  CHECK(error_of(k_head + "holidays:\n  - {date: 2025-12-25, name: X, region: wales}\n") ==
        "calendars/x.yaml:6:33: unknown key 'region' in holiday (expected date, name)");
  CHECK(error_of("name: test\nfirst_year: 2026\nlast_year: 2025\nholidays: []\n") ==
        "calendars/x.yaml:3:12: 'last_year' must not be before 'first_year': '2025'");
  CHECK(error_of("name: test\nfirst_year: twenty\nlast_year: 2025\nholidays: []\n") ==
        "calendars/x.yaml:2:13: 'first_year' must be a whole number from 1 to 9999: 'twenty'");
  CHECK(error_of("name: Test Calendar\nfirst_year: 2025\nlast_year: 2025\nholidays: []\n") ==
        "calendars/x.yaml:1:7: 'name' must be lower-case letters, digits and '-': 'Test Calendar'");
  CHECK(error_of("name: test\nfirst_year: 2025\nlast_year: 2025\n") ==
        "calendars/x.yaml:1:1: missing required key 'holidays' in calendar");
  CHECK(error_of("name: test\nfirst_year: 2025\nlast_year: 2025\nholidays: {a: b}\n") ==
        "calendars/x.yaml:4:11: 'holidays' must be a list: a map");
  CHECK(error_of("name: test\nfirst_year: 2025\nlast_year: 2025\nholidays: [\n")
            .starts_with("calendars/x.yaml:5:1: YAML syntax error: "));
  CHECK(error_of("") == "calendars/x.yaml:1:1: calendar is empty");
  CHECK(error_of("- a\n- b\n") == "calendars/x.yaml:1:1: calendar must be a map of keys");
}

TEST_CASE("load_calendar: user directories first, then the built-in calendar") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("ics_unit_calendars_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "england-and-wales.yaml") << "name: england-and-wales\nfirst_year: 2025\nlast_year: "
                                                   "2025\nholidays: [{date: 2025-06-09, name: Local}]\n";
  std::ofstream(dir / "misnamed.yaml") << "name: other\nfirst_year: 2025\nlast_year: 2025\nholidays: []\n";

  auto local = load_calendar("england-and-wales", {dir / "missing", dir});
  CHECK(local.holidays().size() == 1);
  CHECK(load_calendar("england-and-wales", {}).holidays().size() > 250);
  CHECK_THROWS_WITH_AS(load_calendar("scotland", {dir}), "no calendar 'scotland'", ics::NotFound);
  CHECK_THROWS_AS(load_calendar("../" + dir.filename().string() + "/misnamed", {dir}), ics::NotFound);
  CHECK_THROWS_WITH_AS(
      load_calendar("misnamed", {dir}),
      ((dir / "misnamed.yaml").string() + ":1:7: 'name' must match the file name 'misnamed': 'other'")
          .c_str(),
      ics::InvalidInput);
  fs::remove_all(dir);
}
