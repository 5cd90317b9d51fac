#include <ics/model/identifiers.hpp>
#include <ics/store/records.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace ics::store {

std::int64_t template_snapshot(WriteTransaction& tx, const std::string& name, int version,
                               const std::string& hash, const std::string& body) {
  auto& find = statement(tx.db(), "template_snapshot_by_hash");
  find.bind(1, hash);
  if (step(find)) return find.getColumn(0).getInt64();
  auto& q = statement(tx.db(), "insert_template_snapshot");
  q.bind(1, name);
  q.bind(2, version);
  q.bind(3, hash);
  q.bind(4, body);
  exec(q);
  return last_insert_id(tx.db());
}

void bind_plan_fields(SQLite::Statement& q, int first, const PlanRow& row) {
  const auto& p = row.plan;
  q.bind(first, p.child_id);
  q.bind(first + 1, row.template_id);
  q.bind(first + 2, p.kind);
  bind_optional(q, first + 3, p.initial_category);
  bind_optional(q, first + 4, p.latest_category);
  q.bind(first + 5, p.start_date.iso());
  bind_optional(q, first + 6, p.end_date);
  bind_optional(q, first + 7, p.end_reason);
  bind_optional(q, first + 8, p.lead_worker);
  bind_optional(q, first + 9, p.team);
  bind_optional(q, first + 10, p.contingency);
  bind_optional(q, first + 11, p.first_review_due);
  q.bind(first + 12, p.previous_cp_plans);
  bind_optional(q, first + 13, row.legacy_ref);
}

std::int64_t insert_plan(WriteTransaction& tx, const PlanRow& row, const std::optional<Provenance>& from) {
  auto& q = statement(tx.db(), "insert_plan");
  bind_plan_fields(q, 1, row);
  bind_optional(q, 15, row.legacy_end_reason);
  if (from) bind_provenance(q, 16, *from);
  if (row.plan.episode_id) q.bind(18, row.plan.episode_id);
  if (row.plan.conference_id) q.bind(19, row.plan.conference_id);
  bind_entered_on(q, 20, tx);
  exec(q);
  return last_insert_id(tx.db());
}

model::Plan get_plan(Database& db, std::int64_t id) {
  auto& q = statement(db, "plan_by_id");
  q.bind(1, id);
  if (!step(q)) throw NotFound(fmt::format("no plan '{}'", model::format_id(model::EntityKind::plan, id)));
  model::Plan p;
  p.id = q.getColumn(0).getInt64();
  p.child_id = q.getColumn(1).getInt64();
  p.template_name = q.getColumn(2).getString();
  p.template_version = q.getColumn(3).getInt();
  p.template_hash = q.getColumn(4).getString();
  p.kind = q.getColumn(5).getString();
  p.initial_category = optional_string(q.getColumn(6));
  p.latest_category = optional_string(q.getColumn(7));
  p.start_date = *optional_date(q.getColumn(8));
  p.end_date = optional_date(q.getColumn(9));
  p.end_reason = optional_string(q.getColumn(10));
  p.lead_worker = optional_string(q.getColumn(11));
  p.team = optional_string(q.getColumn(12));
  p.contingency = optional_string(q.getColumn(13));
  p.first_review_due = optional_date(q.getColumn(14));
  p.previous_cp_plans = q.getColumn(15).getInt();
  auto after_review = optional_date(q.getColumn(16));
  p.next_review_due = after_review ? after_review : p.first_review_due;
  if (!q.getColumn(17).isNull()) p.episode_id = q.getColumn(17).getInt64();
  if (!q.getColumn(18).isNull()) p.conference_id = q.getColumn(18).getInt64();
  return p;
}

std::optional<std::int64_t> overlapping_plan(Database& db, std::int64_t child_id, const std::string& kind,
                                             util::Date start, std::optional<util::Date> end,
                                             std::int64_t except) {
  auto& q = statement(db, "overlapping_plan");
  q.bind(1, child_id);
  q.bind(2, kind);
  q.bind(3, except);
  q.bind(4, start.iso());
  bind_optional(q, 5, end);
  if (!step(q)) return std::nullopt;
  return q.getColumn(0).getInt64();
}

int count_plans_of_kind(Database& db, std::int64_t child_id, const std::string& kind) {
  auto& q = statement(db, "count_plans_of_kind");
  q.bind(1, child_id);
  q.bind(2, kind);
  step(q);
  return q.getColumn(0).getInt();
}

std::string template_body_of_plan(Database& db, std::int64_t plan_id) {
  auto& q = statement(db, "template_body_of_plan");
  q.bind(1, plan_id);
  if (!step(q))
    throw NotFound(fmt::format("no plan '{}'", model::format_id(model::EntityKind::plan, plan_id)));
  return q.getColumn(0).getString();
}

std::optional<std::string> latest_review_category(Database& db, std::int64_t plan_id) {
  auto& q = statement(db, "latest_review_category");
  q.bind(1, plan_id);
  if (!step(q)) return std::nullopt;
  return q.getColumn(0).getString();
}

std::optional<util::Date> last_review_of_plan(Database& db, std::int64_t plan_id) {
  auto& q = statement(db, "last_review_of_plan");
  q.bind(1, plan_id);
  step(q);
  return optional_date(q.getColumn(0));
}

void set_plan_category(WriteTransaction& tx, std::int64_t plan_id,
                       const std::optional<std::string>& category) {
  auto& q = statement(tx.db(), "update_plan_category");
  q.bind(1, plan_id);
  bind_optional(q, 2, category);
  exec(q);
}

void set_plan_end(WriteTransaction& tx, std::int64_t plan_id, util::Date end, const std::string& reason) {
  auto& q = statement(tx.db(), "close_plan");
  q.bind(1, plan_id);
  q.bind(2, end.iso());
  q.bind(3, reason);
  bind_entered_on(q, 4, tx);
  exec(q);
}

void bind_action_fields(SQLite::Statement& q, int first, const model::Action& a) {
  q.bind(first, a.plan_id);
  bind_optional(q, first + 1, a.section);
  q.bind(first + 2, a.what);
  q.bind(first + 3, a.owner);
  q.bind(first + 4, a.agency);
  q.bind(first + 5, a.due_date.iso());
}

std::int64_t insert_action(WriteTransaction& tx, const model::Action& a) {
  auto& q = statement(tx.db(), "insert_action");
  bind_action_fields(q, 1, a);
  bind_entered_on(q, 7, tx);
  exec(q);
  return last_insert_id(tx.db());
}

model::Action get_action(Database& db, std::int64_t id) {
  auto& q = statement(db, "action_by_id");
  q.bind(1, id);
  if (!step(q))
    throw NotFound(fmt::format("no action '{}'", model::format_id(model::EntityKind::action, id)));
  model::Action a;
  a.id = q.getColumn(0).getInt64();
  a.plan_id = q.getColumn(1).getInt64();
  a.section = optional_string(q.getColumn(2));
  a.what = q.getColumn(3).getString();
  a.owner = q.getColumn(4).getString();
  a.agency = q.getColumn(5).getString();
  a.due_date = *optional_date(q.getColumn(6));
  a.status = q.getColumn(7).getString();
  a.completed_date = optional_date(q.getColumn(8));
  a.cancel_reason = optional_string(q.getColumn(9));
  return a;
}

std::vector<std::int64_t> open_actions_of_plan(Database& db, std::int64_t plan_id) {
  auto& q = statement(db, "open_actions_of_plan");
  q.bind(1, plan_id);
  std::vector<std::int64_t> ids;
  while (step(q)) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

void finish_action(WriteTransaction& tx, std::int64_t id, const std::string& status, util::Date on,
                   const std::optional<std::string>& cancel_reason) {
  auto& q = statement(tx.db(), "finish_action");
  q.bind(1, id);
  q.bind(2, status);
  q.bind(3, on.iso());
  bind_optional(q, 4, cancel_reason);
  bind_entered_on(q, 5, tx);
  exec(q);
}

void bind_review_fields(SQLite::Statement& q, int first, const model::Review& r) {
  q.bind(first, r.plan_id);
  q.bind(first + 1, r.kind);
  q.bind(first + 2, r.review_date.iso());
  bind_optional(q, first + 3, r.outcome);
  bind_optional(q, first + 4, r.category);
  bind_optional(q, first + 5, r.next_review_due);
}

std::int64_t insert_review(WriteTransaction& tx, const model::Review& r) {
  auto& q = statement(tx.db(), "insert_review");
  bind_review_fields(q, 1, r);
  bind_optional(q, 7, r.seen);
  bind_optional(q, 8, r.seen_alone);
  bind_entered_on(q, 9, tx);
  exec(q);
  return last_insert_id(tx.db());
}

model::Review get_review(Database& db, std::int64_t id) {
  auto& q = statement(db, "review_by_id");
  q.bind(1, id);
  if (!step(q))
    throw NotFound(fmt::format("no review '{}'", model::format_id(model::EntityKind::review, id)));
  model::Review r;
  r.id = q.getColumn(0).getInt64();
  r.plan_id = q.getColumn(1).getInt64();
  r.kind = q.getColumn(2).getString();
  r.review_date = *optional_date(q.getColumn(3));
  r.outcome = optional_string(q.getColumn(4));
  r.category = optional_string(q.getColumn(5));
  r.next_review_due = optional_date(q.getColumn(6));
  r.seen = optional_string(q.getColumn(7));
  r.seen_alone = optional_string(q.getColumn(8));
  return r;
}

}  // namespace ics::store
