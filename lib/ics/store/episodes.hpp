#pragma once
// Repositories of a child's path to a plan: episodes of need, assessments, section 47 enquiries and
// initial child protection conferences (SQL: schemas/queries/episodes.sql). Writes take the open
// WriteTransaction, and every insert records the transaction's entered_on() as the record's
// recorded_on (each later change of state its own *_recorded_on). Look-ups see the rows written
// earlier in the same transaction, so a bulk import sees the records of its own file.
#include <ics/api.hpp>
#include <ics/model/types.hpp>
#include <ics/store/records.hpp>
#include <ics/store/transaction.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

ICS_API_BEGIN
namespace ics::store {

std::int64_t insert_episode(WriteTransaction& tx, const model::Episode& episode,
                            const std::optional<Provenance>& from = std::nullopt);
model::Episode get_episode(Database& db, std::int64_t id);                         // throws NotFound
std::vector<std::int64_t> episodes_of_child(Database& db, std::int64_t child_id);  // by referral date
// The child's latest open episode that is not no-further-action.
std::optional<std::int64_t> open_episode_of_child(Database& db, std::int64_t child_id);
// The days of an episode: from the referral up to `until` (not included): its closure; open, no end
// (std::nullopt), unless it is no-further-action (its referral date: no days after it).
std::optional<util::Date> episode_until(const model::Episode& episode);
// An episode of the child other than `except` that meets one referred on `referral` whose days run up
// to `until` (none: no end): they share a referral date, or either's referral falls within the
// other's days (census rule 8820).
std::optional<std::int64_t> overlapping_episode(Database& db, std::int64_t child_id, util::Date referral,
                                                std::optional<util::Date> until, std::int64_t except = 0);
void set_episode_closure(WriteTransaction& tx, std::int64_t id, util::Date date, const std::string& reason);

std::int64_t insert_assessment(WriteTransaction& tx, const model::Assessment& assessment,
                               const std::optional<Provenance>& from = std::nullopt);
model::Assessment get_assessment(Database& db, std::int64_t id);  // throws NotFound
std::vector<model::Assessment> assessments_of_episode(Database& db, std::int64_t episode_id);  // by start
// The episode's assessment not yet completed (the rules keep at most one).
std::optional<std::int64_t> open_assessment_of_episode(Database& db, std::int64_t episode_id);
void set_assessment_completed(WriteTransaction& tx, std::int64_t id, util::Date date,
                              const std::vector<std::string>& factors);

// An enquiry as stored, with the date of its initial conference, if it has one.
struct EnquiryRow {
  model::Enquiry enquiry;
  std::optional<util::Date> conference_date;
  // Ended: with a conference, or with no conference needed.
  bool ended() const { return enquiry.end_date || conference_date; }
  // The day it ended (its conference's or its end date), if it has.
  std::optional<util::Date> ended_on() const { return conference_date ? conference_date : enquiry.end_date; }
};
std::int64_t insert_enquiry(WriteTransaction& tx, const model::Enquiry& enquiry,
                            const std::optional<Provenance>& from = std::nullopt);
EnquiryRow get_enquiry(Database& db, std::int64_t id);                                // throws NotFound
std::vector<EnquiryRow> enquiries_of_episode(Database& db, std::int64_t episode_id);  // by start
// The episode's enquiry not yet ended (the rules keep at most one).
std::optional<std::int64_t> open_enquiry_of_episode(Database& db, std::int64_t episode_id);
void set_enquiry_end(WriteTransaction& tx, std::int64_t id, util::Date date);

std::int64_t insert_conference(WriteTransaction& tx, const model::Conference& conference,
                               const std::optional<Provenance>& from = std::nullopt);
model::Conference get_conference(Database& db, std::int64_t id);  // throws NotFound
std::vector<model::Conference> conferences_of_episode(Database& db, std::int64_t episode_id);  // by date

// The plans (both kinds) filed in the episode, by start.
std::vector<std::int64_t> plans_of_episode(Database& db, std::int64_t episode_id);
// The latest end of the child's child protection plans, if one has ended.
std::optional<util::Date> latest_cp_plan_end(Database& db, std::int64_t child_id);

// JSON images for the audit trail.
std::string to_json(const model::Episode& episode);
std::string to_json(const model::Assessment& assessment);
std::string to_json(const model::Enquiry& enquiry);
std::string to_json(const model::Conference& conference);

}  // namespace ics::store
ICS_API_END
