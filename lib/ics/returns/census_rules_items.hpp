#pragma once
// Internal to returns/: the census rules about an episode's items (returns-spec §1.12: Assessments,
// CINPlanDates, Section47, ChildProtectionPlans and Reviews), one table per element, and what they share.
#include "census_rule_set.hpp"

#include <ics/util/calendar.hpp>

#include <optional>
#include <span>
#include <string>

namespace ics::returns::detail {

std::span<const ChildRule> assessment_rules();  // census_rules_assessments.cpp
std::span<const ChildRule> cin_plan_rules();    // census_rules_cin_plans.cpp
std::span<const ChildRule> section47_rules();   // census_rules_section47.cpp
std::span<const ChildRule> cp_plan_rules();     // census_rules_cp_plans.cpp: ChildProtectionPlans, Reviews

// Public ids of the records at fault.
std::string id_of(const CensusEpisode& episode);
std::string id_of(const CensusAssessment& assessment);
std::string id_of(const CensusCinPlan& plan);
std::string id_of(const CensusSection47& enquiry);
std::string id_of(const CensusCpp& plan);
// The conference that held an enquiry's ICPC (I…), else the enquiry (S…).
std::string icpc_record_id(const CensusSection47& enquiry);

// Where a span that may be open ends for the census: its end, else the reference date.
util::Date end_or_reference(const std::optional<util::Date>& end, const CensusPeriod& period);
// "2025-05-01 to 2025-07-01", or "from 2025-05-01, open" for a span with no end.
std::string span_text(util::Date start, const std::optional<util::Date>& end);

// The working-day calendar of the census's working-day rules (8670Q, 8675Q): the calendar of the
// template a conference opens its plan from (record::k_conference_template), as built in, so that the
// census counts working days as the conference target does.
const util::Calendar& census_calendar();
// The `n`-th working day before the reference date (the reference date itself not counted): an item
// that started before it started more than `n` working days before the reference date. Nullopt when
// the calendar does not cover the reference date's year (working days are then not counted at all).
std::optional<util::Date> working_days_before_reference(const CensusPeriod& period, int n);

}  // namespace ics::returns::detail
