#pragma once
// The rules of a child's path to a plan (returns-spec §5.4, with the census rule numbers), each written
// once: record/episodes.hpp and record/plans.hpp call these, and so does the bulk import of the same
// records. `field` and the other names are how the caller knows the values (a command's option, a
// file's column); a broken rule throws InvalidInput naming it (Conflict when it is about what is open),
// with the rule in words and the records involved, and nothing is written.
#include <ics/model/types.hpp>
#include <ics/store/episodes.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/calendar.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ics::record {

// --- Episodes ---------------------------------------------------------------------------------------

// A referral source of schemas/codes/referral-source.yaml (8866); returns it.
std::string require_referral_source(std::string_view source, std::string_view field);
// A primary need of schemas/codes/primary-need.yaml on an episode that is not no-further-action, and
// none on one that is (8610, 8650).
void require_primary_need(bool nfa, const std::optional<std::string>& need, std::string_view field);
// A referral is not more than 280 days before the child's (expected) birth (8606).
void require_referral_after_conception(const model::Child& child, util::Date referral,
                                       std::string_view field);

// The days of an episode of a child: from its referral up to its closure (an open one: no end, unless
// it is no-further-action).
struct EpisodeDays {
  std::int64_t child_id = 0;
  util::Date referral;
  std::optional<util::Date> closure;
  bool nfa = false;
  std::int64_t episode_id = 0;  // the episode itself when it is stored, else 0
};
// Episodes of a child never overlap, and a child has at most one open episode (8815, 8816, 8820):
// Conflict on `child_field` when both are open, else InvalidInput on `date_field`.
void require_no_episode_overlap(store::Database& db, const EpisodeDays& days, std::string_view child_field,
                                std::string_view date_field);

// A closed episode takes nothing new and is not closed again (Conflict).
void require_episode_open(const model::Episode& episode);
// A no-further-action episode holds nothing but its referral (8831, 8832, 4000); `what` names the
// record refused ("an assessment").
void require_not_nfa(const model::Episode& episode, std::string_view what);
// Everything in an episode is dated on or after its referral and on or before its closure (1103,
// 1104, 1105, 2889, 4015, 8565).
void require_within_episode(const model::Episode& episode, util::Date date, std::string_view field);

// Whether an episode may close on `date` with `reason` (a closure-reason code, returned): not before
// the referral nor after today (8630), every assessment completed (8867), every enquiry ended (8868),
// every plan closed, nothing dated after the closure (8565), and with RC8/RC9 no enquiry, conference
// or plan (2990).
std::string require_closable(store::Database& db, const model::Episode& episode, util::Date date,
                             std::string_view reason, util::Date today, std::string_view date_field,
                             std::string_view reason_field);

// --- Assessments ------------------------------------------------------------------------------------

// At most one open assessment per episode (8896): Conflict naming the open one.
void require_no_open_assessment(store::Database& db, const model::Episode& episode, std::string_view field);
// The episode's open assessment (Conflict when it has none).
model::Assessment require_open_assessment(store::Database& db, const model::Episode& episode,
                                          std::string_view field);
// A completion on or after the assessment's start (8608).
void require_completed_after_start(const model::Assessment& assessment, util::Date date,
                                   std::string_view field);
// Factors of schemas/codes/assessment-factor.yaml, at least one, none twice (8898), and "21" (no
// factors) alone (8869); returns them.
std::vector<std::string> require_factors(const std::vector<std::string>& factors, std::string_view field);

// --- Section 47 enquiries and conferences -------------------------------------------------------

// The conference target: 15 working days after the enquiry starts (by `calendar`, which must cover it).
util::Date conference_target(util::Date start, const util::Calendar& calendar, std::string_view field);
// At most one open enquiry per episode (8839), and none starts within another of the episode (8890).
void require_enquiry_may_start(store::Database& db, const model::Episode& episode, util::Date start,
                               std::string_view field);
// The episode's open enquiry (Conflict when it has none).
store::EnquiryRow require_open_enquiry(store::Database& db, const model::Episode& episode,
                                       std::string_view field);
// An enquiry ends on or after its start.
void require_enquiry_end(const model::Enquiry& enquiry, util::Date end, std::string_view field);
// A conference is not on a Saturday or Sunday (8875) and not before its enquiry's start (8615).
void require_conference_date(util::Date date, const model::Enquiry* enquiry, std::string_view field);
// A conference's outcome: "plan" or "no-plan"; returns it.
std::string require_conference_outcome(std::string_view outcome, std::string_view field);

// --- Plans in episodes ------------------------------------------------------------------------------

// A plan filed in `episode` (kind "child-protection" or "child-in-need") starting on `start`: the
// episode is open, not no-further-action, and `start` is within it.
void require_plan_fits_episode(const model::Episode& episode, util::Date start,
                               std::string_view episode_field, std::string_view start_field);
// A child protection plan starts on the date of an initial conference of its episode (2885): the id of
// that conference (one with outcome plan first); InvalidInput on `start_field` when there is none.
std::int64_t require_plan_conference(store::Database& db, const model::Episode& episode, util::Date start,
                                     std::string_view start_field);
// The episode's conference on `date`, if any (one with outcome plan first).
std::optional<std::int64_t> conference_on(store::Database& db, std::int64_t episode_id, util::Date date);

}  // namespace ics::record
