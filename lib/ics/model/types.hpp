#pragma once
// The domain records as libics passes them around. Ids are the numbers behind the public ids.
#include <ics/api.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

ICS_API_BEGIN
namespace ics::model {

struct Child {
  std::int64_t id = 0;
  std::string given_names;
  std::string family_name;
  std::optional<util::Date> date_of_birth;
  std::optional<util::Date> expected_dob;  // an unborn child
  std::string sex = "U";
  std::optional<std::string> nhs_number;
  std::optional<std::string> upn;
  std::optional<std::string> ethnicity;
  std::vector<std::string> refs;  // legacy register references
};

struct Plan {
  std::int64_t id = 0;
  std::int64_t child_id = 0;
  std::string template_name;
  int template_version = 0;
  std::string template_hash;
  std::string kind;
  std::optional<std::string> initial_category;
  std::optional<std::string> latest_category;
  util::Date start_date;
  std::optional<util::Date> end_date;
  std::optional<std::string> end_reason;
  std::optional<std::string> lead_worker;
  std::optional<std::string> team;
  std::optional<std::string> contingency;
  std::optional<util::Date> first_review_due;
  std::optional<util::Date> next_review_due;
  int previous_cp_plans = 0;
};

struct Action {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::optional<std::string> section;
  std::string what;
  std::string owner;
  std::string agency;
  util::Date due_date;
  std::string status = "open";
  std::optional<util::Date> completed_date;
  std::optional<std::string> cancel_reason;
};

struct Review {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::string kind;
  util::Date review_date;
  std::optional<std::string> outcome;
  std::optional<std::string> category;
  std::optional<util::Date> next_review_due;
};

}  // namespace ics::model
ICS_API_END
