#include <ics/model/identifiers.hpp>
#include <ics/store/episodes.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>
#include <ics/util/text.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace ics::store {

namespace {

using model::EntityKind;
using model::format_id;

const std::string k_no_end = "9999-12-31";

[[noreturn]] void not_found(EntityKind kind, std::int64_t id) {
  throw NotFound(fmt::format("no {} '{}'", model::name_of(kind), format_id(kind, id)));
}

std::vector<std::int64_t> ids_of(SQLite::Statement& q) {
  std::vector<std::int64_t> ids;
  while (step(q)) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

std::string join_factors(const std::vector<std::string>& factors) {
  return fmt::format("{}", fmt::join(factors, ","));
}

std::vector<std::string> split_factors(const std::optional<std::string>& text) {
  std::vector<std::string> out;
  if (!text || text->empty()) return out;
  size_t pos = 0;
  while (pos <= text->size()) {
    auto comma = text->find(',', pos);
    if (comma == std::string::npos) comma = text->size();
    out.emplace_back(text->substr(pos, comma - pos));
    pos = comma + 1;
  }
  return out;
}

model::Assessment read_assessment(SQLite::Statement& q) {
  model::Assessment a;
  a.id = q.getColumn(0).getInt64();
  a.episode_id = q.getColumn(1).getInt64();
  a.start_date = *optional_date(q.getColumn(2));
  a.completed_date = optional_date(q.getColumn(3));
  a.factors = split_factors(optional_string(q.getColumn(4)));
  return a;
}

EnquiryRow read_enquiry(SQLite::Statement& q) {
  EnquiryRow row;
  auto& e = row.enquiry;
  e.id = q.getColumn(0).getInt64();
  e.episode_id = q.getColumn(1).getInt64();
  e.start_date = *optional_date(q.getColumn(2));
  e.conference_target = *optional_date(q.getColumn(3));
  e.end_date = optional_date(q.getColumn(4));
  row.conference_date = optional_date(q.getColumn(5));
  return row;
}

model::Conference read_conference(SQLite::Statement& q) {
  model::Conference c;
  c.id = q.getColumn(0).getInt64();
  c.episode_id = q.getColumn(1).getInt64();
  if (!q.getColumn(2).isNull()) c.enquiry_id = q.getColumn(2).getInt64();
  c.conference_date = *optional_date(q.getColumn(3));
  c.outcome = q.getColumn(4).getString();
  return c;
}

}  // namespace

std::int64_t insert_episode(WriteTransaction& tx, const model::Episode& e,
                            const std::optional<Provenance>& from) {
  auto& q = statement(tx.db(), "insert_episode");
  q.bind(1, e.child_id);
  q.bind(2, e.referral_date.iso());
  bind_optional(q, 3, e.referral_source);
  bind_optional(q, 4, e.primary_need);
  q.bind(5, e.nfa ? 1 : 0);
  bind_optional(q, 6, e.closure_date);
  bind_optional(q, 7, e.closure_reason);
  bind_optional(q, 8, e.made_by);
  bind_entered_on(q, 9, tx);
  if (from) bind_provenance(q, 10, *from);
  exec(q);
  return last_insert_id(tx.db());
}

model::Episode get_episode(Database& db, std::int64_t id) {
  auto& q = statement(db, "episode_by_id");
  q.bind(1, id);
  if (!step(q)) not_found(EntityKind::episode, id);
  model::Episode e;
  e.id = q.getColumn(0).getInt64();
  e.child_id = q.getColumn(1).getInt64();
  e.referral_date = *optional_date(q.getColumn(2));
  e.referral_source = optional_string(q.getColumn(3));
  e.primary_need = optional_string(q.getColumn(4));
  e.nfa = q.getColumn(5).getInt() != 0;
  e.closure_date = optional_date(q.getColumn(6));
  e.closure_reason = optional_string(q.getColumn(7));
  e.made_by = optional_string(q.getColumn(8));
  return e;
}

std::vector<std::int64_t> episodes_of_child(Database& db, std::int64_t child_id) {
  auto& q = statement(db, "episodes_of_child");
  q.bind(1, child_id);
  return ids_of(q);
}

std::optional<std::int64_t> open_episode_of_child(Database& db, std::int64_t child_id) {
  auto& q = statement(db, "open_episode_of_child");
  q.bind(1, child_id);
  return single_id(q);
}

std::optional<util::Date> episode_until(const model::Episode& e) {
  if (e.closure_date) return e.closure_date;
  if (e.nfa) return e.referral_date;
  return std::nullopt;
}

std::optional<std::int64_t> overlapping_episode(Database& db, std::int64_t child_id, util::Date referral,
                                                std::optional<util::Date> until, std::int64_t except) {
  auto& q = statement(db, "overlapping_episode");
  q.bind(1, child_id);
  q.bind(2, except);
  q.bind(3, referral.iso());
  q.bind(4, until ? until->iso() : k_no_end);
  return single_id(q);
}

void set_episode_closure(WriteTransaction& tx, std::int64_t id, util::Date date, const std::string& reason) {
  auto& q = statement(tx.db(), "close_episode");
  q.bind(1, id);
  q.bind(2, date.iso());
  q.bind(3, reason);
  bind_entered_on(q, 4, tx);
  exec(q);
}

std::int64_t insert_assessment(WriteTransaction& tx, const model::Assessment& a,
                               const std::optional<Provenance>& from) {
  auto& q = statement(tx.db(), "insert_assessment");
  q.bind(1, a.episode_id);
  q.bind(2, a.start_date.iso());
  bind_optional(q, 3, a.completed_date);
  if (!a.factors.empty()) q.bind(4, join_factors(a.factors));
  bind_entered_on(q, 5, tx);
  if (from) bind_provenance(q, 6, *from);
  exec(q);
  return last_insert_id(tx.db());
}

model::Assessment get_assessment(Database& db, std::int64_t id) {
  auto& q = statement(db, "assessment_by_id");
  q.bind(1, id);
  if (!step(q)) not_found(EntityKind::assessment, id);
  return read_assessment(q);
}

std::vector<model::Assessment> assessments_of_episode(Database& db, std::int64_t episode_id) {
  auto& q = statement(db, "assessments_of_episode");
  q.bind(1, episode_id);
  std::vector<model::Assessment> out;
  while (step(q)) out.push_back(read_assessment(q));
  return out;
}

std::optional<std::int64_t> open_assessment_of_episode(Database& db, std::int64_t episode_id) {
  for (const auto& a : assessments_of_episode(db, episode_id))
    if (!a.completed_date) return a.id;
  return std::nullopt;
}

void set_assessment_completed(WriteTransaction& tx, std::int64_t id, util::Date date,
                              const std::vector<std::string>& factors) {
  auto& q = statement(tx.db(), "complete_assessment");
  q.bind(1, id);
  q.bind(2, date.iso());
  q.bind(3, join_factors(factors));
  bind_entered_on(q, 4, tx);
  exec(q);
}

std::int64_t insert_enquiry(WriteTransaction& tx, const model::Enquiry& e,
                            const std::optional<Provenance>& from) {
  auto& q = statement(tx.db(), "insert_enquiry");
  q.bind(1, e.episode_id);
  q.bind(2, e.start_date.iso());
  q.bind(3, e.conference_target.iso());
  bind_optional(q, 4, e.end_date);
  bind_entered_on(q, 5, tx);
  if (from) bind_provenance(q, 6, *from);
  exec(q);
  return last_insert_id(tx.db());
}

EnquiryRow get_enquiry(Database& db, std::int64_t id) {
  auto& q = statement(db, "enquiry_by_id");
  q.bind(1, id);
  if (!step(q)) not_found(EntityKind::enquiry, id);
  return read_enquiry(q);
}

std::vector<EnquiryRow> enquiries_of_episode(Database& db, std::int64_t episode_id) {
  auto& q = statement(db, "enquiries_of_episode");
  q.bind(1, episode_id);
  std::vector<EnquiryRow> out;
  while (step(q)) out.push_back(read_enquiry(q));
  return out;
}

std::optional<std::int64_t> open_enquiry_of_episode(Database& db, std::int64_t episode_id) {
  for (const auto& e : enquiries_of_episode(db, episode_id))
    if (!e.ended()) return e.enquiry.id;
  return std::nullopt;
}

void set_enquiry_end(WriteTransaction& tx, std::int64_t id, util::Date date) {
  auto& q = statement(tx.db(), "end_enquiry");
  q.bind(1, id);
  q.bind(2, date.iso());
  bind_entered_on(q, 3, tx);
  exec(q);
}

std::int64_t insert_conference(WriteTransaction& tx, const model::Conference& c,
                               const std::optional<Provenance>& from) {
  auto& q = statement(tx.db(), "insert_conference");
  q.bind(1, c.episode_id);
  if (c.enquiry_id) q.bind(2, c.enquiry_id);
  q.bind(3, c.conference_date.iso());
  q.bind(4, c.outcome);
  bind_entered_on(q, 5, tx);
  if (from) bind_provenance(q, 6, *from);
  exec(q);
  return last_insert_id(tx.db());
}

model::Conference get_conference(Database& db, std::int64_t id) {
  auto& q = statement(db, "conference_by_id");
  q.bind(1, id);
  if (!step(q)) not_found(EntityKind::conference, id);
  return read_conference(q);
}

std::vector<model::Conference> conferences_of_episode(Database& db, std::int64_t episode_id) {
  auto& q = statement(db, "conferences_of_episode");
  q.bind(1, episode_id);
  std::vector<model::Conference> out;
  while (step(q)) out.push_back(read_conference(q));
  return out;
}

std::vector<std::int64_t> plans_of_episode(Database& db, std::int64_t episode_id) {
  auto& q = statement(db, "plans_of_episode");
  q.bind(1, episode_id);
  return ids_of(q);
}

std::optional<util::Date> latest_cp_plan_end(Database& db, std::int64_t child_id) {
  auto& q = statement(db, "latest_cp_plan_end");
  q.bind(1, child_id);
  step(q);
  return optional_date(q.getColumn(0));
}

}  // namespace ics::store
