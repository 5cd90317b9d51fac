#include <ics/model/code_lists.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/model/validate.hpp>
#include <ics/store/records.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace ics::store {

void bind_child_fields(SQLite::Statement& q, int first, const model::Child& c) {
  q.bind(first, c.given_names);
  q.bind(first + 1, c.family_name);
  bind_optional(q, first + 2, c.date_of_birth);
  bind_optional(q, first + 3, c.expected_dob);
  q.bind(first + 4, c.sex);
  bind_optional(q, first + 5, c.nhs_number);
  bind_optional(q, first + 6, c.upn);
  bind_optional(q, first + 7, c.ethnicity);
  bind_optional(q, first + 8,
                c.disabilities.empty() ? std::nullopt : std::optional(model::join_codes(c.disabilities)));
  bind_optional(q, first + 9, c.upn_unknown);
  bind_optional(q, first + 10, c.former_upn);
  bind_optional(q, first + 11, c.mother_nhs_number);
  bind_optional(q, first + 12, c.date_of_death);
}

std::int64_t insert_child(WriteTransaction& tx, const model::Child& c,
                          const std::optional<Provenance>& from) {
  auto& q = statement(tx.db(), "insert_child");
  bind_child_fields(q, 1, c);
  if (from) bind_provenance(q, 1 + k_child_field_count, *from);
  bind_entered_on(q, 4 + k_child_field_count, tx);
  exec(q);
  std::int64_t id = last_insert_id(tx.db());
  for (const auto& ref : c.refs) insert_child_ref(tx, ref, id);
  return id;
}

void insert_child_ref(WriteTransaction& tx, const std::string& ref, std::int64_t child_id) {
  auto& q = statement(tx.db(), "insert_child_ref");
  q.bind(1, ref);
  q.bind(2, child_id);
  try {
    exec(q);
  } catch (const ConstraintViolation& e) {
    auto held = child_id_by_ref(tx.db(), ref);
    if (!held) throw StorageError(fmt::format("cannot store legacy reference '{}': {}", ref, e.what()));
    throw Conflict(fmt::format("legacy reference '{}' is already held by child {}", ref,
                               model::format_id(model::EntityKind::child, *held)));
  }
}

model::Child get_child(Database& db, std::int64_t id) {
  auto& q = statement(db, "child_by_id");
  q.bind(1, id);
  if (!step(q)) throw NotFound(fmt::format("no child '{}'", model::format_id(model::EntityKind::child, id)));
  model::Child c;
  c.id = q.getColumn(0).getInt64();
  c.given_names = q.getColumn(1).getString();
  c.family_name = q.getColumn(2).getString();
  c.date_of_birth = optional_date(q.getColumn(3));
  c.expected_dob = optional_date(q.getColumn(4));
  c.sex = q.getColumn(5).getString();
  c.nhs_number = optional_string(q.getColumn(6));
  c.upn = optional_string(q.getColumn(7));
  c.ethnicity = optional_string(q.getColumn(8));
  c.disabilities = model::split_codes(optional_string(q.getColumn(9)).value_or(""));
  c.upn_unknown = optional_string(q.getColumn(10));
  c.former_upn = optional_string(q.getColumn(11));
  c.mother_nhs_number = optional_string(q.getColumn(12));
  c.date_of_death = optional_date(q.getColumn(13));
  auto& refs = statement(db, "child_refs");
  refs.bind(1, id);
  while (step(refs)) c.refs.push_back(refs.getColumn(0).getString());
  return c;
}

void set_child_death(WriteTransaction& tx, std::int64_t child_id, util::Date date) {
  auto& q = statement(tx.db(), "set_child_death");
  q.bind(1, child_id);
  q.bind(2, date.iso());
  exec(q);
}

std::optional<util::Date> child_death(Database& db, std::int64_t child_id) {
  auto& q = statement(db, "child_death");
  q.bind(1, child_id);
  if (!step(q))
    throw NotFound(fmt::format("no child '{}'", model::format_id(model::EntityKind::child, child_id)));
  return optional_date(q.getColumn(0));
}

std::optional<DatedRecord> child_record_after(Database& db, std::int64_t child_id, util::Date date) {
  auto& q = statement(db, "child_record_after");
  q.bind(1, child_id);
  q.bind(2, date.iso());
  if (!step(q)) return std::nullopt;
  return DatedRecord{q.getColumn(0).getString(), q.getColumn(1).getString(), *optional_date(q.getColumn(2))};
}

std::vector<std::int64_t> open_plans_of_child(Database& db, std::int64_t child_id) {
  auto& q = statement(db, "open_plans_of_child");
  q.bind(1, child_id);
  std::vector<std::int64_t> out;
  while (step(q)) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<std::string> uncoded_ethnicities(Database& db) {
  std::vector<std::string> out;
  const auto& codes = model::code_list("ethnicity");
  auto& q = statement(db, "child_ethnicities");
  while (step(q)) {
    auto ethnicity = q.getColumn(0).getString();
    if (codes.contains(ethnicity)) continue;
    auto count = q.getColumn(1).getInt64();
    out.push_back(
        fmt::format("ethnicity '{}' of {} child{} (first {}) is not a code of schemas/codes/ethnicity.yaml",
                    ethnicity, count, count == 1 ? "" : "ren",
                    model::format_id(model::EntityKind::child, q.getColumn(2).getInt64())));
  }
  return out;
}

std::optional<std::int64_t> child_id_by_nhs(Database& db, const std::string& nhs_number) {
  auto& q = statement(db, "child_id_by_nhs");
  q.bind(1, nhs_number);
  return single_id(q);
}

std::optional<std::int64_t> child_id_by_upn(Database& db, const std::string& upn) {
  auto& q = statement(db, "child_id_by_upn");
  q.bind(1, upn);
  return single_id(q);
}

std::optional<std::int64_t> child_id_by_ref(Database& db, const std::string& ref) {
  auto& q = statement(db, "child_id_by_ref");
  q.bind(1, ref);
  return single_id(q);
}

std::int64_t resolve_child(Database& db, std::string_view reference) {
  std::string text(reference);
  std::optional<std::int64_t> id;
  if (text.starts_with("nhs:")) {
    auto nhs = model::normalise_nhs_number(text.substr(4));
    if (!nhs) throw InvalidInput("child", text, "is not a valid NHS number");
    id = child_id_by_nhs(db, *nhs);
  } else if (text.starts_with("upn:")) {
    auto upn = model::normalise_upn(text.substr(4));
    if (!upn) throw InvalidInput("child", text, "is not a valid UPN");
    id = child_id_by_upn(db, *upn);
  } else if (text.starts_with("ref:")) {
    id = child_id_by_ref(db, text.substr(4));
  } else {
    auto n = model::parse_id(text);
    if (!n || n->kind != model::EntityKind::child)
      throw InvalidInput("child", text, "is not a child (C123, nhs:N, upn:U or ref:R)");
    auto& q = statement(db, "child_by_id");
    q.bind(1, n->number);
    id = single_id(q);
  }
  if (!id) throw NotFound(fmt::format("no child '{}'", text));
  return *id;
}

}  // namespace ics::store
