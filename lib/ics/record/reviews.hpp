#pragma once
// A plan's reviews: conferences, core groups and visits, with their audit records.
#include <ics/api.hpp>
#include <ics/plan/calendars.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <optional>
#include <string>

ICS_API_BEGIN
namespace ics::record {

struct NewReview {
  std::int64_t plan_id = 0;
  util::Date date;
  std::string kind = "review-conference";
  std::optional<std::string> category;
  std::optional<std::string> outcome;
  std::optional<std::string> seen = std::nullopt;        // a visit: "yes" or "no", whether the child was seen
  std::optional<std::string> seen_alone = std::nullopt;  // a visit: "yes" or "no": seen alone
};
// Records a review; a review conference sets when the next one is due (from the plan's own
// template snapshot) and a category becomes the plan's latest category.
std::int64_t record_review(store::WriteTransaction& tx, const NewReview& review,
                           const plan::CalendarLoader& calendars, util::Date today);

}  // namespace ics::record
ICS_API_END
