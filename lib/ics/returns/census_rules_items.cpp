#include "census_rules_items.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/plan/calendars.hpp>
#include <ics/plan/template.hpp>
#include <ics/record/episodes.hpp>

#include <fmt/format.h>

#include <vector>

namespace ics::returns::detail {

using model::EntityKind;
using model::format_id;

std::span<const ChildRule> item_rules() {
  static const std::vector<ChildRule> k_rules = [] {
    std::vector<ChildRule> all;
    for (auto table : {assessment_rules(), cin_plan_rules(), section47_rules(), cp_plan_rules()})
      all.insert(all.end(), table.begin(), table.end());
    return all;
  }();
  return k_rules;
}

std::string id_of(const CensusEpisode& episode) {
  return format_id(EntityKind::episode, episode.id);
}
std::string id_of(const CensusAssessment& assessment) {
  return format_id(EntityKind::assessment, assessment.id);
}
std::string id_of(const CensusCinPlan& plan) {
  return format_id(EntityKind::plan, plan.id);
}
std::string id_of(const CensusSection47& enquiry) {
  return format_id(EntityKind::enquiry, enquiry.id);
}
std::string id_of(const CensusCpp& plan) {
  return format_id(EntityKind::plan, plan.id);
}

std::string icpc_record_id(const CensusSection47& enquiry) {
  return enquiry.conference_id != 0 ? format_id(EntityKind::conference, enquiry.conference_id)
                                    : id_of(enquiry);
}

util::Date end_or_reference(const std::optional<util::Date>& end, const CensusPeriod& period) {
  return end ? *end : period.reference;
}

std::string span_text(util::Date start, const std::optional<util::Date>& end) {
  return end ? fmt::format("{} to {}", start.iso(), end->iso()) : fmt::format("from {}, open", start.iso());
}

const util::Calendar& census_calendar() {
  static const util::Calendar k_calendar =
      plan::load_calendar(plan::TemplateLibrary({}).find(record::k_conference_template).calendar, {});
  return k_calendar;
}

std::optional<util::Date> working_days_before_reference(const CensusPeriod& period, int n) {
  const auto& calendar = census_calendar();
  if (!calendar.covers(period.start) || !calendar.covers(period.reference)) return std::nullopt;
  return calendar.add_working_days(period.reference, -n);
}

}  // namespace ics::returns::detail
