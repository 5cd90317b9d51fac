#pragma once
// Restricted children (schemas/sql/0006_restricted.sql; README "Information sharing"): which children
// are restricted, the restrictions written by `restrict` and `unrestrict`, and a connection on which
// every read leaves them out.
#include <ics/api.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/store/transaction.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

ICS_API_BEGIN
namespace ics::store {
class Database;

struct Restriction {
  std::int64_t child = 0;
  std::string reason;
  std::string restricted_at;  // UTC ISO 8601
  std::string restricted_by;
};

// The numbers of the restricted children, in order.
std::vector<std::int64_t> restricted_children(Database& db);
std::optional<Restriction> restriction_of(Database& db, std::int64_t child);
// Writes or lifts a restriction; the caller checks and audits it (record/restrictions.hpp).
void insert_restriction(WriteTransaction& tx, const Restriction& restriction);
void delete_restriction(WriteTransaction& tx, std::int64_t child);

// From now on every read through `db` leaves out the restricted children and every record of
// theirs (plans, actions, reviews, episodes, assessments, enquiries, conferences, legacy references,
// their audit records), whatever query it runs: each table is shadowed for this connection by a
// temporary view of its name (schemas/queries/restricted.sql). Costs nothing when no child is
// restricted (nothing is shadowed). Never used on a connection that writes.
void hide_restricted(Database& db);

// The restricted child that the record `id` belongs to (a child is its own), read from the base
// tables even under hide_restricted; nullopt when the record is no restricted child's or is not there.
std::optional<std::int64_t> restricted_owner(Database& db, const model::EntityId& id);

}  // namespace ics::store
ICS_API_END
