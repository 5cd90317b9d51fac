#pragma once
// A plan's life: opening one from a template (with its starting actions and review clock) and closing
// it. Each function checks every rule (record/rules.hpp), writes through the open transaction and
// appends the audit records; a broken rule throws InvalidInput or Conflict before anything is written.
#include <ics/api.hpp>
#include <ics/plan/template.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/calendar.hpp>

#include <cstdint>
#include <optional>
#include <string>

ICS_API_BEGIN
namespace ics::record {

struct OpenPlanRequest {
  std::int64_t child_id = 0;
  std::optional<std::string> category;
  std::optional<util::Date> start;  // default today
  std::optional<std::string> worker;
  std::optional<std::string> team;
  std::optional<std::string> contingency;
};

// Opens a plan from `tmpl` with the template's starting actions due on its clock.
std::int64_t open_plan(store::WriteTransaction& tx, const plan::Template& tmpl,
                       const util::Calendar& calendar, const OpenPlanRequest& request, util::Date today);

// Ends a plan on `end` (the first day it no longer applies); its open actions are cancelled with it.
void close_plan(store::WriteTransaction& tx, std::int64_t plan_id, util::Date end, const std::string& reason,
                util::Date today);

}  // namespace ics::record
ICS_API_END
