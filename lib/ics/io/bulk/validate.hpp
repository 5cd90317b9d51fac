#pragma once
// The values of one bulk row turned into a record and checked on their own and against each other,
// with the rules of the single commands. Rules that need the database come later (bulk_import).
// Every function throws InvalidInput naming the column at fault.
#include <ics/io/bulk/reader.hpp>
#include <ics/model/types.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace ics::io {

// The number of the public id in the row's id column (C12 -> 12); nullopt when it is blank.
std::optional<std::int64_t> row_id(const BulkRow& row);

// A child: every rule of add-child against `today` (model::validate_child), except that an expected
// date of birth may be past and both dates may be blank (records migrated from a register hold both);
// refs are space-separated, disabilities comma-separated. Its ethnicity is checked when the row is
// imported (a value the child already holds is kept).
model::Child child_from_row(const BulkRow& row, util::Date today);

struct PlanFields {
  model::Plan plan;   // template_name, kind (may be empty: the template's), categories, dates, texts
  std::string child;  // the child column as written: C12, nhs:N, upn:U or ref:R
  std::optional<int> template_version;   // blank: the template's current version
  std::optional<int> previous_cp_plans;  // blank: counted from the database
  std::optional<std::string> legacy_ref;
  // plan.episode_id, plan.conference_id: 0 when blank (the episode: the child's open one, as open-plan)
};
// A plan: codes, dates not after today, end date not before the start and given with its reason;
// categories are checked against the template when the row is imported.
PlanFields plan_from_row(const BulkRow& row, util::Date today);

// An action: texts, dates, a status consistent with its completion date and cancel reason.
model::Action action_from_row(const BulkRow& row, util::Date today);

// A review: its plan, a review kind, a date not after today; a next_review_due only for a review
// conference (record-review sets it for no other kind). Its category, seen and seen_alone are checked
// (against the plan's template, the review's kind) when the row is imported.
model::Review review_from_row(const BulkRow& row, util::Date today);

struct EpisodeFields {
  model::Episode episode;  // codes are checked against their lists when the row is imported
  std::string child;       // the child column as written: C12, nhs:N, upn:U or ref:R
};
// An episode: a referral date not after today, nfa yes or no (blank: no), a closure date given with
// its reason.
EpisodeFields episode_from_row(const BulkRow& row, util::Date today);

// An assessment: its episode, its dates, factors as codes joined by ','.
model::Assessment assessment_from_row(const BulkRow& row, util::Date today);

struct EnquiryFields {
  model::Enquiry enquiry;                       // conference_target left to be counted
  std::optional<util::Date> conference_target;  // as the file gives it (blank: none)
};
// A section 47 enquiry: its episode and its dates.
EnquiryFields enquiry_from_row(const BulkRow& row, util::Date today);

// A conference: its episode, its enquiry (blank: a transfer-in), its date and outcome (plan, no-plan).
model::Conference conference_from_row(const BulkRow& row, util::Date today);

}  // namespace ics::io
