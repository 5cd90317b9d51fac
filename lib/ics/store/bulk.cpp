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
    case model::EntityKind::batch: break;
    case model::EntityKind::episode:
    case model::EntityKind::assessment:
    case model::EntityKind::enquiry:
    case model::EntityKind::conference: break;
  }
  throw InvalidInput("kind", std::string(model::name_of(kind)), "has no bulk rows");
}

void bind_id(SQLite::Statement& q, std::int64_t id) {
  if (id > 0)
    q.bind(1, id);
  else
    q.bind(1);
}

void bind_action(SQLite::Statement& q, const model::Action& a) {
  bind_action_fields(q, 2, a);
  q.bind(8, a.status);
  bind_optional(q, 9, a.completed_date);
  bind_optional(q, 10, a.cancel_reason);
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
  bind_provenance(q, 10, from);
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
  exec(q);
  return last_insert_id(tx.db());
}

void replace_plan(WriteTransaction& tx, const PlanRow& row) {
  auto& q = statement(tx.db(), "bulk_update_plan");
  q.bind(1, row.plan.id);
  bind_plan_fields(q, 2, row);
  exec(q);
}

std::int64_t insert_action_with_id(WriteTransaction& tx, const model::Action& action) {
  auto& q = statement(tx.db(), "bulk_insert_action");
  bind_id(q, action.id);
  bind_action(q, action);
  exec(q);
  return last_insert_id(tx.db());
}

void replace_action(WriteTransaction& tx, const model::Action& action) {
  auto& q = statement(tx.db(), "bulk_update_action");
  q.bind(1, action.id);
  bind_action(q, action);
  exec(q);
}

std::int64_t insert_review_with_id(WriteTransaction& tx, const model::Review& review) {
  auto& q = statement(tx.db(), "bulk_insert_review");
  bind_id(q, review.id);
  bind_review_fields(q, 2, review);
  exec(q);
  return last_insert_id(tx.db());
}

void replace_review(WriteTransaction& tx, const model::Review& review) {
  auto& q = statement(tx.db(), "bulk_update_review");
  q.bind(1, review.id);
  bind_review_fields(q, 2, review);
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
