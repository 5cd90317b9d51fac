#pragma once
// A child's path to a plan: a referral opens an episode of need; assessments, section 47 enquiries and
// initial child protection conferences belong to it; the episode closes with a reason. Each function
// checks every rule (record/rules.hpp, record/episode_rules.hpp), writes through the open transaction
// and appends the audit records; a broken rule throws InvalidInput or Conflict before anything is
// written. An episode id is enough for every step: the rules keep at most one open assessment and one
// open enquiry per episode.
#include <ics/api.hpp>
#include <ics/plan/calendars.hpp>
#include <ics/plan/template.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::record {

// The plan template an initial conference opens its child protection plan from; its calendar counts
// an enquiry's conference target.
inline constexpr std::string_view k_conference_template = "child-protection";

struct NewReferral {
  std::int64_t child_id = 0;
  util::Date date;
  std::string source;               // referral-source code
  std::optional<std::string> need;  // primary-need code; none with nfa
  bool nfa = false;
};
// Opens an episode with its referral; returns the episode's id.
std::int64_t open_referral(store::WriteTransaction& tx, const NewReferral& referral, util::Date today);

// Starts the episode's assessment on `date`; returns its id.
std::int64_t start_assessment(store::WriteTransaction& tx, std::int64_t episode_id, util::Date date,
                              util::Date today);
// Completes (authorises) the episode's open assessment with the factors it found ("21" alone: none).
std::int64_t complete_assessment(store::WriteTransaction& tx, std::int64_t episode_id, util::Date date,
                                 const std::vector<std::string>& factors, util::Date today);

// Starts a section 47 enquiry on `date` (the strategy discussion); its conference target is 15
// working days later by `calendar`. Returns its id.
std::int64_t start_enquiry(store::WriteTransaction& tx, std::int64_t episode_id, util::Date date,
                           const util::Calendar& calendar, util::Date today);
// Ends the episode's open enquiry on `date` with no conference needed; returns its id.
std::int64_t end_enquiry(store::WriteTransaction& tx, std::int64_t episode_id, util::Date date,
                         util::Date today);

struct NewConference {
  std::int64_t episode_id = 0;
  util::Date date;
  bool plan = false;  // outcome: a child protection plan (else no plan)
  std::optional<std::string> category;
  std::optional<std::string> worker;
  std::optional<std::string> team;
};
struct ConferenceResult {
  std::int64_t conference_id = 0;
  std::int64_t plan_id = 0;  // the child protection plan it opened (0: none)
};
// Records the initial conference of the episode's open enquiry (or, with none, a transfer-in
// conference of the episode); with a plan outcome, opens the child protection plan from `tmpl`
// starting that day.
ConferenceResult record_conference(store::WriteTransaction& tx, const NewConference& conference,
                                   const plan::Template& tmpl, const util::Calendar& calendar,
                                   util::Date today);

// Closes the episode on `date` with a closure-reason code.
void close_episode(store::WriteTransaction& tx, std::int64_t episode_id, util::Date date,
                   const std::string& reason, util::Date today);

}  // namespace ics::record
ICS_API_END
