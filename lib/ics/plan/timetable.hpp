#pragma once
// A plan's due dates from its template's timescales; nullopt when the template lacks the timescale.
#include <ics/plan/template.hpp>

#include <optional>

namespace ics::plan {

// The first core group meeting: `start` + core_group.
std::optional<util::Date> first_core_group_due(const Template& t, util::Date start,
                                               const util::Calendar& calendar);
// The first review: `start` + first_review.
std::optional<util::Date> first_review_due(const Template& t, util::Date start,
                                           const util::Calendar& calendar);
// The review after the one held on `review_date`: + review_interval.
std::optional<util::Date> next_review_due_after(const Template& t, util::Date review_date,
                                                const util::Calendar& calendar);
// The visit after the one made on `visit_date`: + visit_interval.
std::optional<util::Date> next_visit_due_after(const Template& t, util::Date visit_date,
                                               const util::Calendar& calendar);

}  // namespace ics::plan
