#pragma once
// The rules of a child's record, each written once: the single commands (record/*.hpp) and the bulk
// import (io/bulk/) call these. `field` is the name the caller knows the value by (an option of a
// command, a column of a file); a broken rule throws InvalidInput naming it (Conflict for a second
// open plan), and nothing is written.
#include <ics/model/types.hpp>
#include <ics/plan/template.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ics::record {

// A closed plan takes no new action or review and is not closed again (Conflict).
void require_open(const model::Plan& plan);

void require_not_after_today(util::Date date, util::Date today, std::string_view field);
// A date of a plan (its end, an action's due or completion date, a review's date) is not before the
// plan's start.
void require_not_before_start(util::Date date, util::Date plan_start, std::string_view field);
// A stored plan ends after its last review, if it has one.
void require_end_after_last_review(store::Database& db, std::int64_t plan_id, util::Date end,
                                   std::string_view field);
// A plan of the child does not start before the child's date of birth.
void require_born_by(const model::Child& child, util::Date start, std::string_view field);

// A child's ethnicity: a code of schemas/codes/ethnicity.yaml (census 4220). A value the child already
// holds (`stored`: free text kept from before the list) is kept unchanged. Returns it.
std::optional<std::string> require_ethnicity(const std::optional<std::string>& ethnicity,
                                             const std::optional<std::string>& stored,
                                             std::string_view field);

// Nothing of a child is dated after its death (census 4008, 4009Q, 8555Q, 8915, 8920): `date`, a date
// of a record of the child `child_id` (a plan's start or end, a review, an action's completion, an
// episode's referral or closure, an assessment's, enquiry's or conference's date), is not after the
// child's date of death, if one is recorded.
void require_not_after_death(store::Database& db, std::int64_t child_id, util::Date date,
                             std::string_view field);
// No record of the child is dated after `death` (the same dates): InvalidInput on `field` naming the
// latest one.
void require_nothing_after(store::Database& db, std::int64_t child_id, util::Date death,
                           std::string_view field);

// The names a caller knows a child's identifiers by.
struct ChildIdentifierNames {
  std::string_view nhs_number, upn, ref;
};
// A child's NHS number, UPN and legacy references are held by no other child (`self`: the child
// itself when stored, else 0): Conflict naming the holder.
void require_identifiers_unheld(store::Database& db, const model::Child& child, std::int64_t self,
                                const ChildIdentifierNames& names);

// A plan's category: required by a template with categories (one of them), refused by one without.
void require_plan_category(const plan::Template& tmpl, const std::optional<std::string>& category,
                           std::string_view field);
// A review's category: only on a plan whose template has categories, only at a conference, and one of
// the template's.
void require_review_category(const plan::Template& tmpl, std::string_view plan_kind,
                             std::string_view review_kind, const std::optional<std::string>& category,
                             std::string_view field);
// Sets the plan's latest category to the one of its latest review by date that set one, else its
// initial category, with an audit record when it changes. `plan` is the plan as stored before.
void follow_latest_category(store::WriteTransaction& tx, const model::Plan& plan);

// An action's agency: a code of schemas/codes/agency.yaml (values stored before the list are kept, but
// no new action takes one). Returns it.
std::string require_agency(std::string_view agency, std::string_view field);

// Whether a visit saw the child (alone): "yes" or "no", only on a review of kind visit. Returns it.
std::optional<std::string> require_seen(std::string_view review_kind, const std::optional<std::string>& value,
                                        std::string_view field);

// An action's section is a section of the plan's template.
void require_section(const plan::Template& tmpl, const std::optional<std::string>& section,
                     std::string_view field);

// The days of a plan: from start to end (the first day it no longer applies; none: open-ended).
struct PlanDays {
  std::int64_t child_id = 0;
  std::string kind;
  util::Date start;
  std::optional<util::Date> end;
  std::int64_t plan_id = 0;  // the plan itself when it is stored, else 0
};
// No two plans of a kind of a child share a day, and a child protection plan starts strictly after
// the previous one ended (census 8940); a child protection plan and a child in need plan of a child
// share no day either, though one may start on the day the other ended (4001, 4016, 4017). Conflict on
// `child_field` when both are open, else InvalidInput on `start_field`.
void require_no_overlap(store::Database& db, const PlanDays& days, std::string_view child_field,
                        std::string_view start_field);

}  // namespace ics::record
