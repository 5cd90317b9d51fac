#include <ics/store/bulk.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

namespace ics::store {

namespace {

struct KindQueries {
  std::string_view all;  // every record, ordered by id
  std::string_view one;  // the record :id
};

KindQueries queries_of(model::EntityKind kind) {
  switch (kind) {
    case model::EntityKind::child: return {"export_children", "bulk_child_row"};
    case model::EntityKind::plan: return {"export_plans", "bulk_plan_row"};
    case model::EntityKind::action: return {"export_actions", "bulk_action_row"};
    case model::EntityKind::review: return {"export_reviews", "bulk_review_row"};
    case model::EntityKind::episode: return {"export_episodes", "bulk_episode_row"};
    case model::EntityKind::assessment: return {"export_assessments", "bulk_assessment_row"};
    case model::EntityKind::enquiry: return {"export_enquiries", "bulk_enquiry_row"};
    case model::EntityKind::conference: return {"export_conferences", "bulk_conference_row"};
    case model::EntityKind::batch: break;
  }
  throw InvalidInput("kind", std::string(model::name_of(kind)), "has no bulk rows");
}

void bind_id(SQLite::Statement& q, std::int64_t id) {
  if (id > 0)
    q.bind(1, id);
  else
    q.bind(1);
}

// An id that names another record, 0 for none.
void bind_reference(SQLite::Statement& q, int index, std::int64_t id) {
  if (id > 0)
    q.bind(index, id);
  else
    q.bind(index);
}

// The date the records written now were entered (recorded_on, and the *_recorded_on of a change of state).
void bind_action(SQLite::Statement& q, const model::Action& a) {
  bind_action_fields(q, 2, a);
  q.bind(8, a.status);
  bind_optional(q, 9, a.completed_date);
  bind_optional(q, 10, a.cancel_reason);
}

void bind_review(SQLite::Statement& q, const model::Review& r) {
  bind_review_fields(q, 2, r);
  bind_optional(q, 8, r.seen);
  bind_optional(q, 9, r.seen_alone);
}

// ?2 … ?9: child_id … made_by.
void bind_episode(SQLite::Statement& q, const model::Episode& e) {
  q.bind(2, e.child_id);
  q.bind(3, e.referral_date.iso());
  bind_optional(q, 4, e.referral_source);
  bind_optional(q, 5, e.primary_need);
  q.bind(6, e.nfa ? 1 : 0);
  bind_optional(q, 7, e.closure_date);
  bind_optional(q, 8, e.closure_reason);
  bind_optional(q, 9, e.made_by);
}

std::optional<std::string> joined_factors(const model::Assessment& a) {
  if (a.factors.empty()) return std::nullopt;
  std::string text;
  for (const auto& factor : a.factors) text += (text.empty() ? "" : ",") + factor;
  return text;
}

// ?2 … ?5: episode_id … factors.
void bind_assessment(SQLite::Statement& q, const model::Assessment& a) {
  q.bind(2, a.episode_id);
  q.bind(3, a.start_date.iso());
  bind_optional(q, 4, a.completed_date);
  bind_optional(q, 5, joined_factors(a));
}

// ?2 … ?5: episode_id … end_date.
void bind_enquiry(SQLite::Statement& q, const model::Enquiry& e) {
  q.bind(2, e.episode_id);
  q.bind(3, e.start_date.iso());
  q.bind(4, e.conference_target.iso());
  bind_optional(q, 5, e.end_date);
}

// ?2 … ?5: episode_id … outcome.
void bind_conference(SQLite::Statement& q, const model::Conference& c) {
  q.bind(2, c.episode_id);
  bind_reference(q, 3, c.enquiry_id);
  q.bind(4, c.conference_date.iso());
  q.bind(5, c.outcome);
}

}  // namespace

void export_rows(Database& db, model::EntityKind kind, util::RowSink& sink) {
  run_named(db, queries_of(kind).all, {}, sink);
}

std::optional<std::vector<util::Value>> bulk_row(Database& db, model::EntityKind kind, std::int64_t id) {
  util::RowBuffer buffer;
  run_named(db, queries_of(kind).one, {{"id", id}}, buffer);
  if (buffer.rows().empty()) return std::nullopt;
  return buffer.rows().front();
}

std::int64_t insert_batch(WriteTransaction& tx, std::string_view kind, const std::string& file_name) {
  auto& q = statement(tx.db(), "bulk_insert_batch");
  q.bind(1, std::string(kind));
  q.bind(2, file_name);
  q.bind(3, tx.context().actor);
  q.bind(4, tx.context().now_utc);
  exec(q);
  return last_insert_id(tx.db());
}

void finish_batch(WriteTransaction& tx, std::int64_t batch_id, const std::string& sha256,
                  const std::string& counts_json) {
  auto& q = statement(tx.db(), "bulk_finish_batch");
  q.bind(1, batch_id);
  q.bind(2, sha256);
  q.bind(3, counts_json);
  exec(q);
}

std::int64_t insert_child_with_id(WriteTransaction& tx, const model::Child& child, const Provenance& from) {
  auto& q = statement(tx.db(), "bulk_insert_child");
  bind_id(q, child.id);
  bind_child_fields(q, 2, child);
  bind_provenance(q, 2 + k_child_field_count, from);
  bind_entered_on(q, 4 + k_child_field_count, tx);
  exec(q);
  std::int64_t id = last_insert_id(tx.db());
  for (const auto& ref : child.refs) insert_child_ref(tx, ref, id);
  return id;
}

void replace_child(WriteTransaction& tx, const model::Child& child) {
  auto& q = statement(tx.db(), "bulk_update_child");
  q.bind(1, child.id);
  bind_child_fields(q, 2, child);
  exec(q);
  for (auto query :
       {"bulk_delete_child_refs", "bulk_clear_child_legacy_id"}) {  // the file's refs replace them
    auto& clear = statement(tx.db(), query);
    clear.bind(1, child.id);
    exec(clear);
  }
  for (const auto& ref : child.refs) insert_child_ref(tx, ref, child.id);
}

std::int64_t insert_plan_with_id(WriteTransaction& tx, const PlanRow& row, const Provenance& from) {
  auto& q = statement(tx.db(), "bulk_insert_plan");
  bind_id(q, row.plan.id);
  bind_plan_fields(q, 2, row);
  bind_provenance(q, 16, from);
  bind_reference(q, 18, row.plan.episode_id);
  bind_reference(q, 19, row.plan.conference_id);
  bind_entered_on(q, 20, tx);
  exec(q);
  return last_insert_id(tx.db());
}

void replace_plan(WriteTransaction& tx, const PlanRow& row) {
  auto& q = statement(tx.db(), "bulk_update_plan");
  q.bind(1, row.plan.id);
  bind_plan_fields(q, 2, row);
  bind_reference(q, 16, row.plan.episode_id);
  bind_reference(q, 17, row.plan.conference_id);
  bind_entered_on(q, 18, tx);
  exec(q);
}

std::int64_t insert_action_with_id(WriteTransaction& tx, const model::Action& action) {
  auto& q = statement(tx.db(), "bulk_insert_action");
  bind_id(q, action.id);
  bind_action(q, action);
  bind_entered_on(q, 11, tx);
  exec(q);
  return last_insert_id(tx.db());
}

void replace_action(WriteTransaction& tx, const model::Action& action) {
  auto& q = statement(tx.db(), "bulk_update_action");
  q.bind(1, action.id);
  bind_action(q, action);
  bind_entered_on(q, 11, tx);
  exec(q);
}

std::int64_t insert_review_with_id(WriteTransaction& tx, const model::Review& review) {
  auto& q = statement(tx.db(), "bulk_insert_review");
  bind_id(q, review.id);
  bind_review(q, review);
  bind_entered_on(q, 10, tx);
  exec(q);
  return last_insert_id(tx.db());
}

void replace_review(WriteTransaction& tx, const model::Review& review) {
  auto& q = statement(tx.db(), "bulk_update_review");
  q.bind(1, review.id);
  bind_review(q, review);
  exec(q);
}

std::int64_t insert_episode_with_id(WriteTransaction& tx, const model::Episode& episode,
                                    const Provenance& from) {
  auto& q = statement(tx.db(), "bulk_insert_episode");
  bind_id(q, episode.id);
  bind_episode(q, episode);
  bind_provenance(q, 10, from);
  bind_entered_on(q, 12, tx);
  exec(q);
  return last_insert_id(tx.db());
}

void replace_episode(WriteTransaction& tx, const model::Episode& episode) {
  auto& q = statement(tx.db(), "bulk_update_episode");
  q.bind(1, episode.id);
  bind_episode(q, episode);
  bind_entered_on(q, 10, tx);
  exec(q);
}

std::int64_t insert_assessment_with_id(WriteTransaction& tx, const model::Assessment& assessment,
                                       const Provenance& from) {
  auto& q = statement(tx.db(), "bulk_insert_assessment");
  bind_id(q, assessment.id);
  bind_assessment(q, assessment);
  bind_provenance(q, 6, from);
  bind_entered_on(q, 8, tx);
  exec(q);
  return last_insert_id(tx.db());
}

void replace_assessment(WriteTransaction& tx, const model::Assessment& assessment) {
  auto& q = statement(tx.db(), "bulk_update_assessment");
  q.bind(1, assessment.id);
  bind_assessment(q, assessment);
  bind_entered_on(q, 6, tx);
  exec(q);
}

std::int64_t insert_enquiry_with_id(WriteTransaction& tx, const model::Enquiry& enquiry,
                                    const Provenance& from) {
  auto& q = statement(tx.db(), "bulk_insert_enquiry");
  bind_id(q, enquiry.id);
  bind_enquiry(q, enquiry);
  bind_provenance(q, 6, from);
  bind_entered_on(q, 8, tx);
  exec(q);
  return last_insert_id(tx.db());
}

void replace_enquiry(WriteTransaction& tx, const model::Enquiry& enquiry) {
  auto& q = statement(tx.db(), "bulk_update_enquiry");
  q.bind(1, enquiry.id);
  bind_enquiry(q, enquiry);
  bind_entered_on(q, 6, tx);
  exec(q);
}

std::int64_t insert_conference_with_id(WriteTransaction& tx, const model::Conference& conference,
                                       const Provenance& from) {
  auto& q = statement(tx.db(), "bulk_insert_conference");
  bind_id(q, conference.id);
  bind_conference(q, conference);
  bind_provenance(q, 6, from);
  bind_entered_on(q, 8, tx);
  exec(q);
  return last_insert_id(tx.db());
}

void replace_conference(WriteTransaction& tx, const model::Conference& conference) {
  auto& q = statement(tx.db(), "bulk_update_conference");
  q.bind(1, conference.id);
  bind_conference(q, conference);
  exec(q);
}

std::optional<std::int64_t> plan_by_legacy_ref(Database& db, const std::string& legacy_ref) {
  auto& q = statement(db, "bulk_plan_by_legacy_ref");
  q.bind(1, legacy_ref);
  return single_id(q);
}

std::optional<std::pair<std::int64_t, std::string>> snapshot_of_version(Database& db, const std::string& name,
                                                                        int version) {
  auto& q = statement(db, "bulk_snapshot_by_name_version");
  q.bind(1, name);
  q.bind(2, version);
  if (!step(q)) return std::nullopt;
  return std::make_pair<std::int64_t, std::string>(q.getColumn(0).getInt64(), q.getColumn(1).getString());
}

}  // namespace ics::store
