#include <doctest/doctest.h>
#include <ics/plan/calendars.hpp>
#include <ics/plan/template.hpp>
#include <ics/plan/timetable.hpp>

using namespace ics::plan;
using ics::util::Calendar;
using ics::util::Date;

namespace {
const Calendar& england() {
  static const Calendar k_calendar = load_calendar("england-and-wales", {});
  return k_calendar;
}
}  // namespace

TEST_CASE("a child protection plan's clock") {
  Template cp = TemplateLibrary({}).find("child-protection");
  Date start(2025, 12, 19);  // a Friday before Christmas
  CHECK(first_core_group_due(cp, start, england()) == Date(2026, 1, 7));
  CHECK(first_review_due(cp, start, england()) == Date(2026, 3, 19));
  CHECK(next_review_due_after(cp, Date(2026, 3, 16), england()) == Date(2026, 9, 16));
  CHECK(next_review_due_after(cp, Date(2025, 8, 31), england()) == Date(2026, 2, 28));  // clamps
  CHECK(next_visit_due_after(cp, Date(2025, 12, 19), england()) == Date(2026, 1, 7));
  CHECK(next_visit_due_after(cp, Date(2022, 9, 9), england()) == Date(2022, 9, 26));  // state funeral
}

TEST_CASE("a child in need plan has no core group") {
  Template cin = TemplateLibrary({}).find("child-in-need");
  Date start(2025, 4, 16);
  CHECK_FALSE(first_core_group_due(cin, start, england()));
  CHECK(first_review_due(cin, start, england()) == Date(2025, 7, 16));
  CHECK(next_review_due_after(cin, Date(2025, 7, 16), england()) == Date(2026, 1, 16));
  // 20 working days over Good Friday (18th), Easter Monday (21st) and early May (5 May).
  CHECK(next_visit_due_after(cin, start, england()) == Date(2025, 5, 19));
}

TEST_CASE("intervals in each unit") {
  Date from(2024, 1, 31);
  CHECK(apply(from, {3, Unit::days}, england()) == Date(2024, 2, 3));
  CHECK(apply(from, {2, Unit::weeks}, england()) == Date(2024, 2, 14));
  CHECK(apply(from, {1, Unit::months}, england()) == Date(2024, 2, 29));
  CHECK(apply(from, {3, Unit::working_days}, england()) == Date(2024, 2, 5));
  CHECK(apply(Date(2024, 3, 28), {1, Unit::working_days}, england()) == Date(2024, 4, 2));
  CHECK(apply(Date(2024, 3, 28), {1, Unit::working_days}, Calendar()) == Date(2024, 3, 29));

  Template none;
  CHECK_FALSE(first_review_due(none, from, england()));
  CHECK_FALSE(next_review_due_after(none, from, england()));
  CHECK_FALSE(next_visit_due_after(none, from, england()));
}

TEST_CASE("unit names") {
  for (Unit unit : {Unit::working_days, Unit::days, Unit::weeks, Unit::months})
    CHECK(parse_unit(unit_name(unit)) == unit);
  CHECK(unit_name(Unit::working_days) == "working_days");
  CHECK_FALSE(parse_unit("fortnights"));
  CHECK_FALSE(parse_unit("Days"));
}
