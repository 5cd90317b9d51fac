#pragma once
// Internal to returns/: the census rules about an episode's items (returns-spec §1.12: Assessments,
// CINPlanDates, Section47, ChildProtectionPlans and Reviews), one table per element, and what they share.
#include "census_rule_set.hpp"
#include "census_rules_common.hpp"  // the public ids: id_of, *_ref

#include <ics/util/calendar.hpp>

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace ics::returns::detail {

std::span<const ChildRule> assessment_rules();  // census_rules_assessments.cpp
std::span<const ChildRule> cin_plan_rules();    // census_rules_cin_plans.cpp
std::span<const ChildRule> section47_rules();   // census_rules_section47.cpp
std::span<const ChildRule> cp_plan_rules();     // census_rules_cp_plans.cpp: ChildProtectionPlans, Reviews

// What the item rules share (a namespace of their own, apart from the other rule files' helpers).
namespace items {

// The conference that held an enquiry's ICPC (I…), else the enquiry (S…).
std::string icpc_record_id(const CensusSection47& enquiry);

// Where a span that may be open ends for the census: its end, else the reference date.
util::Date end_or_reference(const std::optional<util::Date>& end, const CensusPeriod& period);
// "2025-05-01 to 2025-07-01", or "from 2025-05-01, open" for a span with no end.
std::string span_text(util::Date start, const std::optional<util::Date>& end);

// The working-day calendar of the census's working-day queries (8670Q, 8675Q): England's, the built-in
// england-and-wales calendar whatever calendar a local template names, as the DfE counts them for every
// authority (and as rule 8569Q counts them).
const util::Calendar& census_calendar();
// The `n`-th working day before the reference date (the reference date itself not counted): an item
// that started before it started more than `n` working days before the reference date. Nullopt when
// the calendar does not cover the reference date's year (working days are then not counted at all).
std::optional<util::Date> working_days_before_reference(const CensusPeriod& period, int n);

// Rules 4014 and 8940: each plan of one kind (`member`: &CensusEpisode::cin_plans or ::cp_plans) of
// the child that starts on or between the start and end (the reference date while it is open) of
// another of that kind that started earlier (or the same day, further up), across all its episodes:
// `found(episode, plan, other)` once per such plan, with the first such other.
template <class Plan, class Found>
void for_each_overlap(const CensusChild& child, std::vector<Plan> CensusEpisode::*member,
                      const CensusPeriod& period, Found&& found) {
  std::vector<std::pair<const CensusEpisode*, const Plan*>> plans;
  for (const auto& e : child.episodes)
    for (const auto& p : e.*member) plans.emplace_back(&e, &p);
  for (std::size_t i = 0; i < plans.size(); ++i)
    for (std::size_t j = 0; j < plans.size(); ++j) {
      const auto& p = *plans[i].second;
      const auto& other = *plans[j].second;
      if (i == j || other.start > p.start || (other.start == p.start && j > i)) continue;
      if (p.start <= end_or_reference(other.end, period)) {
        found(*plans[i].first, p, other);
        break;
      }
    }
}

}  // namespace items

}  // namespace ics::returns::detail
