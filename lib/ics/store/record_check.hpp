#pragma once
// That every record is as the audit trail last showed it: each child, plan, action, review,
// episode, assessment, enquiry and conference matches the `after` image of its latest audit record,
// and the records an import batch wrote without one audit record each (the register import) match
// the digest the batch's audit record holds. What a row's image is: the check_* statements of
// schemas/queries/audit.sql (the columns named as the images' keys).
#include <ics/api.hpp>
#include <ics/store/transaction.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

ICS_API_BEGIN
namespace ics::store {

// One line per record that differs from its audited image or its batch's digest, naming the record
// and what differs, e.g. "P3: start_date is '2025-01-06', audit record 12 has '2025-01-05'".
std::vector<std::string> record_problems(Database& db);

// record_problems in pieces, for checking kinds of record on several connections at once (db
// check): construct it, call check_kind(own connection, k) once for each k < kind_count(), from
// any threads (one connection each), then problems() once they have all returned. The problems
// are in record_problems' order, whichever thread checked what.
class RecordCheck {
 public:
  explicit RecordCheck(Database& db);  // reads the sealed groups
  ~RecordCheck();
  RecordCheck(const RecordCheck&) = delete;
  RecordCheck& operator=(const RecordCheck&) = delete;

  static std::size_t kind_count();
  // The kinds, those with the most records first (their largest ids).
  std::vector<std::size_t> kinds_largest_first(Database& db) const;
  void check_kind(Database& db, std::size_t kind);
  std::vector<std::string> problems(Database& db);

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

// Seals an import batch: the digest of every row it wrote (children, episodes, conferences, plans,
// assessments, enquiries with its batch id), a chunk of 1024 ids at a time, and its audit record,
// whose image is `image` (a JSON object) with "rows_sha256" added. Group 0 seals the records that
// have neither audit record nor batch (a migration's; entity "database").
void audit_sealed_batch(WriteTransaction& tx, std::int64_t batch_id, const std::string& image);

}  // namespace ics::store
ICS_API_END
