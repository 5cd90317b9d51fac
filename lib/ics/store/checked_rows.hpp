#pragma once
// The records db check and the batch seals read (private to store): each kind's check_* statement
// (schemas/queries/audit.sql: a record's id, its group, then its image, the columns its audit images
// hold, named as their keys), and where each record's audit records are, found in one pass over the
// audit trail's entity index rather than looked up record by record.
#include <ics/model/identifiers.hpp>
#include <ics/store/batch_digest.hpp>
#include <ics/store/database.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ics::store {

using Text = std::optional<std::string>;
using TextView = std::optional<std::string_view>;

struct Kind {
  std::string_view name;   // as batch_digest.kind
  std::string_view query;  // check_*
  model::EntityKind entity;
};
// Parents before children, as an import writes them.
std::span<const Kind> record_kinds();
const Kind& kind_named(std::string_view name);

// Columns of a check_* row before its image.
enum CheckColumn { k_id, k_group, k_image };
inline constexpr std::int64_t k_last_id = std::numeric_limits<std::int64_t>::max();

// Binds a check_* statement to one batch's rows (none: every row) with ids from..to.
void bind_rows(SQLite::Statement& q, std::optional<std::int64_t> batch, std::int64_t from, std::int64_t to);

// The first and latest audit record of each record of a kind (0: none), by id: in vectors as far
// as the ids run on from each other, beyond in a map (an id far out cannot make it allocate much).
class AuditSeqs {
 public:
  void add(std::int64_t id, std::int64_t seq);
  std::pair<std::int64_t, std::int64_t> first_latest(std::int64_t id) const;
  // Calls each(id, latest) for every id with audit records, in id order.
  void each(const std::function<void(std::int64_t, std::int64_t)>& each) const;

 private:
  std::vector<std::int64_t> m_first, m_latest;
  std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> m_far;
};
AuditSeqs audit_seqs(Database& db, const Kind& kind);

// One record of a check_* statement, with its audit records' sequence numbers.
struct CheckedRow {
  std::int64_t id = 0, group = 0;
  std::int64_t latest_seq = 0, first_seq = 0;  // 0: none
  std::vector<TextView> image;                 // the columns k_image on, SQLite's text in place
};

// Every record of a kind in id order, with `seqs` (none: their seqs are 0); `names` gets the
// image's column names. A row's image is valid only during the call of `each` that gets it.
void scan(Database& db, const Kind& kind, const AuditSeqs* seqs, std::vector<std::string>& names,
          const std::function<void(const CheckedRow&)>& each);

// The hash of an image (store/batch_digest.hpp); of the current row of a check_* statement, framed
// straight from SQLite's text.
util::Sha256Digest image_hash(std::span<const TextView> image, std::string& bytes);
std::vector<TextView> views_of(const std::vector<Text>& image);
util::Sha256Digest row_hash(SQLite::Statement& q, std::string& bytes);

}  // namespace ics::store
