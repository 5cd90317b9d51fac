#include "census_rules_items.hpp"

#include <ics/plan/calendars.hpp>

#include <fmt/format.h>

#include <vector>

namespace ics::returns::detail {

std::span<const ChildRule> item_rules() {
  static const std::vector<ChildRule> k_rules = [] {
    std::vector<ChildRule> all;
    for (auto table : {assessment_rules(), cin_plan_rules(), section47_rules(), cp_plan_rules()})
      all.insert(all.end(), table.begin(), table.end());
    return all;
  }();
  return k_rules;
}

namespace items {

std::string icpc_record_id(const CensusSection47& enquiry) {
  return enquiry.conference_id != 0 ? conference_ref(enquiry.conference_id) : id_of(enquiry);
}

util::Date end_or_reference(const std::optional<util::Date>& end, const CensusPeriod& period) {
  return end ? *end : period.reference;
}

std::string span_text(util::Date start, const std::optional<util::Date>& end) {
  return end ? fmt::format("{} to {}", start.iso(), end->iso()) : fmt::format("from {}, open", start.iso());
}

const util::Calendar& census_calendar() {
  static const util::Calendar k_calendar = plan::load_calendar("england-and-wales", {});
  return k_calendar;
}

// Asked for every child with the same period and n: the answers are kept, because counting back day
// by day for each of 400,000 children was a tenth of `check census`'s time.
std::optional<util::Date> working_days_before_reference(const CensusPeriod& period, int n) {
  struct Answer {
    util::Date start;
    util::Date reference;
    int n = 0;
    std::optional<util::Date> date;
  };
  thread_local std::vector<Answer> known;
  for (const auto& a : known)
    if (a.start == period.start && a.reference == period.reference && a.n == n) return a.date;
  const auto& calendar = census_calendar();
  std::optional<util::Date> date;
  if (calendar.covers(period.start) && calendar.covers(period.reference))
    date = calendar.add_working_days(period.reference, -n);
  if (known.size() >= 8) known.clear();
  known.push_back({period.start, period.reference, n, date});
  return date;
}

}  // namespace items

}  // namespace ics::returns::detail
