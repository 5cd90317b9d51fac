#pragma once
// The life of a plan: each function checks every rule, writes through the open transaction and
// appends the audit records. Rule breaks throw InvalidInput or Conflict before anything is written.
#include <ics/model/types.hpp>
#include <ics/plan/template.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/calendar.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace ics::plan {

// Gives the calendar of a name (see load_calendar).
using CalendarLoader = std::function<util::Calendar(const std::string& name)>;

// Validates and adds a child; a child whose NHS number is already held is refused (Conflict).
std::int64_t add_child(store::WriteTransaction& tx, model::Child child, util::Date today);

struct OpenPlanRequest {
  std::int64_t child_id = 0;
  std::optional<std::string> category;
  std::optional<util::Date> start;  // default today
  std::optional<std::string> worker;
  std::optional<std::string> team;
  std::optional<std::string> contingency;
};

// Opens a plan from `tmpl` with the template's starting actions due on its clock.
std::int64_t open_plan(store::WriteTransaction& tx, const Template& tmpl, const util::Calendar& calendar,
                       const OpenPlanRequest& request, util::Date today);

struct NewAction {
  std::int64_t plan_id = 0;
  std::string what;
  std::string owner;
  std::string agency;
  util::Date due;
  std::optional<std::string> section;
};
std::int64_t assign_action(store::WriteTransaction& tx, const NewAction& action);

void complete_action(store::WriteTransaction& tx, std::int64_t action_id, util::Date on, util::Date today);
void cancel_action(store::WriteTransaction& tx, std::int64_t action_id, const std::string& reason,
                   util::Date today);

struct NewReview {
  std::int64_t plan_id = 0;
  util::Date date;
  std::string kind = "review-conference";
  std::optional<std::string> category;
  std::optional<std::string> outcome;
};
// Records a review; a review conference sets when the next one is due (from the plan's own
// template snapshot) and a category becomes the plan's latest category.
std::int64_t record_review(store::WriteTransaction& tx, const NewReview& review,
                           const CalendarLoader& calendars, util::Date today);

// Ends a plan on `end` (the first day it no longer applies); its open actions are cancelled with it.
void close_plan(store::WriteTransaction& tx, std::int64_t plan_id, util::Date end, const std::string& reason,
                util::Date today);

}  // namespace ics::plan
