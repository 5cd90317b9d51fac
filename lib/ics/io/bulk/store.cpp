#include <ics/io/bulk/store.hpp>
#include <ics/io/json_value.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/store/rows.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace ics::io {

model::Plan plan_of(store::Database& db, std::int64_t plan_id) {
  try {
    return store::get_plan(db, plan_id);
  } catch (const NotFound&) {
    throw InvalidInput("plan_id", model::format_id(model::EntityKind::plan, plan_id),
                       "is not a plan in the database");
  }
}

namespace {

auto i64(std::int64_t v) {
  return static_cast<int64_t>(v);
}

void bind_id(SQLite::Statement& q, std::int64_t id) {
  if (id > 0)
    q.bind(1, i64(id));
  else
    q.bind(1);
}

void bind_provenance(SQLite::Statement& q, int index, const store::Provenance& from) {
  q.bind(index, i64(from.batch_id));
  q.bind(index + 1, i64(from.source_line));
}

std::optional<std::int64_t> single_id(SQLite::Statement& q) {
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::string_view row_query(RecordKind kind) {
  switch (kind) {
    case RecordKind::child: return "bulk_child_row";
    case RecordKind::plan: return "bulk_plan_row";
    case RecordKind::action: return "bulk_action_row";
    case RecordKind::review: return "bulk_review_row";
  }
  return "";
}

void bind_child(SQLite::Statement& q, const model::Child& c) {
  q.bind(2, c.given_names);
  q.bind(3, c.family_name);
  store::bind_optional(q, 4, c.date_of_birth);
  store::bind_optional(q, 5, c.expected_dob);
  q.bind(6, c.sex);
  store::bind_optional(q, 7, c.nhs_number);
  store::bind_optional(q, 8, c.upn);
  store::bind_optional(q, 9, c.ethnicity);
}

void bind_plan(SQLite::Statement& q, const store::PlanRow& row) {
  const auto& p = row.plan;
  q.bind(2, i64(p.child_id));
  q.bind(3, i64(row.template_id));
  q.bind(4, p.kind);
  store::bind_optional(q, 5, p.initial_category);
  store::bind_optional(q, 6, p.latest_category);
  q.bind(7, p.start_date.iso());
  store::bind_optional(q, 8, p.end_date);
  store::bind_optional(q, 9, p.end_reason);
  store::bind_optional(q, 10, p.lead_worker);
  store::bind_optional(q, 11, p.team);
  store::bind_optional(q, 12, p.contingency);
  store::bind_optional(q, 13, p.first_review_due);
  q.bind(14, p.previous_cp_plans);
  store::bind_optional(q, 15, row.legacy_ref);
}

void bind_action(SQLite::Statement& q, const model::Action& a) {
  q.bind(2, i64(a.plan_id));
  store::bind_optional(q, 3, a.section);
  q.bind(4, a.what);
  q.bind(5, a.owner);
  q.bind(6, a.agency);
  q.bind(7, a.due_date.iso());
  q.bind(8, a.status);
  store::bind_optional(q, 9, a.completed_date);
  store::bind_optional(q, 10, a.cancel_reason);
}

void bind_review(SQLite::Statement& q, const model::Review& r) {
  q.bind(2, i64(r.plan_id));
  q.bind(3, r.kind);
  q.bind(4, r.review_date.iso());
  store::bind_optional(q, 5, r.outcome);
  store::bind_optional(q, 6, r.category);
  store::bind_optional(q, 7, r.next_review_due);
}

}  // namespace

RowSavepoint::RowSavepoint(store::Database& db) : m_db(db) {
  m_db.query("bulk_row_savepoint").exec();
}

RowSavepoint::~RowSavepoint() {
  if (!m_open) return;
  try {
    undo();
  } catch (...) {
  }
}

void RowSavepoint::release() {
  m_db.query("bulk_row_release").exec();
  m_open = false;
}

void RowSavepoint::undo() {
  m_db.query("bulk_row_undo").exec();
  release();
}

std::int64_t insert_batch(store::WriteTransaction& tx, RecordKind kind, const std::string& file_name) {
  auto& q = tx.db().query("bulk_insert_batch");
  q.bind(1, std::string(record_plural(kind)));
  q.bind(2, file_name);
  q.bind(3, tx.context().actor);
  q.bind(4, tx.context().now_utc);
  q.exec();
  return tx.db().sql().getLastInsertRowid();
}

void finish_batch(store::WriteTransaction& tx, std::int64_t batch_id, const std::string& sha256,
                  const std::string& counts_json) {
  auto& q = tx.db().query("bulk_finish_batch");
  q.bind(1, i64(batch_id));
  q.bind(2, sha256);
  q.bind(3, counts_json);
  q.exec();
}

std::optional<std::vector<util::Value>> record_image(store::Database& db, RecordKind kind, std::int64_t id) {
  util::RowBuffer buffer;
  store::run_named(db, row_query(kind), {{"id", id}}, buffer);
  if (buffer.rows().empty()) return std::nullopt;
  return buffer.rows().front();
}

std::string image_json(RecordKind kind, const std::vector<util::Value>& image) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  auto columns = bulk_columns(kind);
  for (size_t i = 0; i < image.size() && i < columns.size(); ++i) {
    j[std::string(columns[i])] = to_json(image[i]);
  }
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::int64_t insert_child_with_id(store::WriteTransaction& tx, const model::Child& child,
                                  const store::Provenance& from) {
  auto& q = tx.db().query("bulk_insert_child");
  bind_id(q, child.id);
  bind_child(q, child);
  bind_provenance(q, 10, from);
  q.exec();
  std::int64_t id = tx.db().sql().getLastInsertRowid();
  for (const auto& ref : child.refs) store::insert_child_ref(tx, ref, id);
  return id;
}

void replace_child(store::WriteTransaction& tx, const model::Child& child) {
  auto& q = tx.db().query("bulk_update_child");
  q.bind(1, i64(child.id));
  bind_child(q, child);
  q.exec();
  for (auto query :
       {"bulk_delete_child_refs", "bulk_clear_child_legacy_id"}) {  // the file's refs replace them
    auto& clear = tx.db().query(query);
    clear.bind(1, i64(child.id));
    clear.exec();
  }
  for (const auto& ref : child.refs) store::insert_child_ref(tx, ref, child.id);
}

std::int64_t insert_plan_with_id(store::WriteTransaction& tx, const store::PlanRow& row,
                                 const store::Provenance& from) {
  auto& q = tx.db().query("bulk_insert_plan");
  bind_id(q, row.plan.id);
  bind_plan(q, row);
  bind_provenance(q, 16, from);
  q.exec();
  return tx.db().sql().getLastInsertRowid();
}

void replace_plan(store::WriteTransaction& tx, const store::PlanRow& row) {
  auto& q = tx.db().query("bulk_update_plan");
  q.bind(1, i64(row.plan.id));
  bind_plan(q, row);
  q.exec();
}

std::int64_t insert_action_with_id(store::WriteTransaction& tx, const model::Action& action) {
  auto& q = tx.db().query("bulk_insert_action");
  bind_id(q, action.id);
  bind_action(q, action);
  q.exec();
  return tx.db().sql().getLastInsertRowid();
}

void replace_action(store::WriteTransaction& tx, const model::Action& action) {
  auto& q = tx.db().query("bulk_update_action");
  q.bind(1, i64(action.id));
  bind_action(q, action);
  q.exec();
}

std::int64_t insert_review_with_id(store::WriteTransaction& tx, const model::Review& review) {
  auto& q = tx.db().query("bulk_insert_review");
  bind_id(q, review.id);
  bind_review(q, review);
  q.exec();
  return tx.db().sql().getLastInsertRowid();
}

void replace_review(store::WriteTransaction& tx, const model::Review& review) {
  auto& q = tx.db().query("bulk_update_review");
  q.bind(1, i64(review.id));
  bind_review(q, review);
  q.exec();
}

std::optional<std::int64_t> plan_by_legacy_ref(store::Database& db, const std::string& legacy_ref) {
  auto& q = db.query("bulk_plan_by_legacy_ref");
  q.bind(1, legacy_ref);
  return single_id(q);
}

std::optional<std::pair<std::int64_t, std::string>> snapshot_of_version(store::Database& db,
                                                                        const std::string& name,
                                                                        int version) {
  auto& q = db.query("bulk_snapshot_by_name_version");
  q.bind(1, name);
  q.bind(2, version);
  if (!q.executeStep()) return std::nullopt;
  return std::make_pair<std::int64_t, std::string>(q.getColumn(0).getInt64(), q.getColumn(1).getString());
}

}  // namespace ics::io
