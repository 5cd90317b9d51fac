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
  std::optional<std::string> ethnicity;  // schemas/codes/ethnicity.yaml
  std::vector<std::string> refs;         // legacy register references
  // What the returns need (returns-spec §1.5, §3).
  std::vector<std::string> disabilities;   // schemas/codes/disability.yaml; {"NONE"}; empty: not recorded
  std::optional<std::string> upn_unknown;  // UN1-UN7 (schemas/codes/upn-unknown.yaml), when no UPN
  std::optional<std::string> former_upn;
  std::optional<std::string> mother_nhs_number;  // an unborn child's mother, for CP-IS
  std::optional<util::Date> date_of_death;
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
  std::int64_t episode_id = 0;     // the episode it belongs to (0: not yet filed)
  std::int64_t conference_id = 0;  // a child protection plan: the initial conference that made it
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
  std::optional<std::string> seen;        // a visit: "yes" or "no" (none: not recorded)
  std::optional<std::string> seen_alone;  // a visit: "yes" or "no" (none: not recorded)
};

// An episode of need (the census's CINdetails): opened by a referral, closed with a reason.
struct Episode {
  std::int64_t id = 0;
  std::int64_t child_id = 0;
  util::Date referral_date;
  std::optional<std::string> referral_source;  // none: not known
  std::optional<std::string> primary_need;     // none: NFA, or not known
  bool nfa = false;                            // the referral led to no further action
  std::optional<util::Date> closure_date;
  std::optional<std::string> closure_reason;
  std::optional<std::string> made_by;  // none: a referral; else "open-plan", "migration", "register"
};

// An assessment of the child's needs; completed (authorised) with the factors it found.
struct Assessment {
  std::int64_t id = 0;
  std::int64_t episode_id = 0;
  util::Date start_date;
  std::optional<util::Date> completed_date;
  std::vector<std::string> factors;  // codes; {"21"}: no factors identified
};

// A section 47 enquiry; ends with its initial conference, or on end_date with no conference needed.
struct Enquiry {
  std::int64_t id = 0;
  std::int64_t episode_id = 0;
  util::Date start_date;
  util::Date conference_target;  // start + 15 working days
  std::optional<util::Date> end_date;
};

// An initial child protection conference: of an enquiry, or of the episode alone (a transfer-in).
struct Conference {
  std::int64_t id = 0;
  std::int64_t episode_id = 0;
  std::int64_t enquiry_id = 0;  // 0: a transfer-in conference with no enquiry
  util::Date conference_date;
  std::string outcome;  // "plan" or "no-plan"
};

}  // namespace ics::model
ICS_API_END
