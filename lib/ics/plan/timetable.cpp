#include <ics/plan/timetable.hpp>

namespace ics::plan {

namespace {
std::optional<util::Date> after(const std::optional<Interval>& interval, util::Date from,
                                const util::Calendar& calendar) {
  if (!interval) return std::nullopt;
  return apply(from, *interval, calendar);
}
}  // namespace

std::optional<util::Date> first_core_group_due(const Template& t, util::Date start,
                                               const util::Calendar& calendar) {
  return after(t.core_group, start, calendar);
}

std::optional<util::Date> first_review_due(const Template& t, util::Date start,
                                           const util::Calendar& calendar) {
  return after(t.first_review, start, calendar);
}

std::optional<util::Date> next_review_due_after(const Template& t, util::Date review_date,
                                                const util::Calendar& calendar) {
  return after(t.review_interval, review_date, calendar);
}

std::optional<util::Date> next_visit_due_after(const Template& t, util::Date visit_date,
                                               const util::Calendar& calendar) {
  return after(t.visit_interval, visit_date, calendar);
}

}  // namespace ics::plan
