#pragma once
// Repositories: reading and writing children, plans, actions and reviews. Writes take the open
// WriteTransaction so that they land with their audit records.
#include <ics/api.hpp>
#include <ics/model/types.hpp>
#include <ics/store/transaction.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::store {

// Where an imported record came from.
struct Provenance {
  std::int64_t batch_id;
  long source_line;
};

std::int64_t insert_child(WriteTransaction& tx, const model::Child& child,
                          const std::optional<Provenance>& from = std::nullopt);
void insert_child_ref(WriteTransaction& tx, const std::string& ref, std::int64_t child_id);
model::Child get_child(Database& db, std::int64_t id);  // throws NotFound
std::optional<std::int64_t> child_id_by_nhs(Database& db, const std::string& nhs_number);
std::optional<std::int64_t> child_id_by_upn(Database& db, const std::string& upn);
std::optional<std::int64_t> child_id_by_ref(Database& db, const std::string& ref);
// A child's death (record/children.hpp record_death): set, read, and what it would contradict.
void set_child_death(WriteTransaction& tx, std::int64_t child_id, util::Date date);
std::optional<util::Date> child_death(Database& db, std::int64_t child_id);
// A record of a child and one of its dates, e.g. {"review R3", "was held", 2026-05-01}.
struct DatedRecord {
  std::string record;
  std::string what;
  util::Date date;
};
// The child's latest record dated after `date` (any date a plan, review, action, episode, assessment,
// enquiry or conference of the child carries), if it has one.
std::optional<DatedRecord> child_record_after(Database& db, std::int64_t child_id, util::Date date);
std::vector<std::int64_t> open_plans_of_child(Database& db, std::int64_t child_id);  // by start
// The ethnicities the children hold that are not codes of schemas/codes/ethnicity.yaml (kept from
// before the list), each with how many hold it and the first of them, for `db check`.
std::vector<std::string> uncoded_ethnicities(Database& db);

// A child named as C123, nhs:NNNNNNNNNN, upn:XXXXXXXXXXXXX or ref:LEGACYREF; throws NotFound/InvalidInput.
std::int64_t resolve_child(Database& db, std::string_view reference);

// The id of the stored snapshot of a template text, stored now if new.
std::int64_t template_snapshot(WriteTransaction& tx, const std::string& name, int version,
                               const std::string& hash, const std::string& body);
struct PlanRow {
  model::Plan plan;
  std::int64_t template_id = 0;
  std::optional<std::string> legacy_ref;
  std::optional<std::string> legacy_end_reason;
};
std::int64_t insert_plan(WriteTransaction& tx, const PlanRow& row,
                         const std::optional<Provenance>& from = std::nullopt);
model::Plan get_plan(Database& db, std::int64_t id);  // throws NotFound
// A plan of the child and kind, other than `except` (0: none excepted), whose days meet those from
// `start` to `end` (the first day no longer covered; none: open-ended). Rows written earlier in the
// same transaction count, so a bulk import sees the plans of its own file.
std::optional<std::int64_t> overlapping_plan(Database& db, std::int64_t child_id, const std::string& kind,
                                             util::Date start, std::optional<util::Date> end = std::nullopt,
                                             std::int64_t except = 0);
int count_plans_of_kind(Database& db, std::int64_t child_id, const std::string& kind);
std::string template_body_of_plan(Database& db, std::int64_t plan_id);
// The category set by the plan's latest review (by date) that set one.
std::optional<std::string> latest_review_category(Database& db, std::int64_t plan_id);
// The date of the plan's latest review, if any.
std::optional<util::Date> last_review_of_plan(Database& db, std::int64_t plan_id);
void set_plan_category(WriteTransaction& tx, std::int64_t plan_id,
                       const std::optional<std::string>& category);
void set_plan_end(WriteTransaction& tx, std::int64_t plan_id, util::Date end, const std::string& reason);

std::int64_t insert_action(WriteTransaction& tx, const model::Action& action);
model::Action get_action(Database& db, std::int64_t id);  // throws NotFound
std::vector<std::int64_t> open_actions_of_plan(Database& db, std::int64_t plan_id);
void finish_action(WriteTransaction& tx, std::int64_t id, const std::string& status, util::Date on,
                   const std::optional<std::string>& cancel_reason);

std::int64_t insert_review(WriteTransaction& tx, const model::Review& review);
model::Review get_review(Database& db, std::int64_t id);  // throws NotFound

// JSON images of records for the audit trail.
std::string to_json(const model::Child& child);
std::string to_json(const model::Plan& plan);
std::string to_json(const model::Action& action);
std::string to_json(const model::Review& review);

}  // namespace ics::store
ICS_API_END
