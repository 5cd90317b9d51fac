#pragma once
// Transactions: a write that lands with its audit records or not at all, a savepoint inside it,
// and a read snapshot. Their failures throw the typed errors of util/error.hpp.
#include <ics/api.hpp>
#include <ics/store/database.hpp>

#include <optional>
#include <string>

ICS_API_BEGIN
namespace ics::store {

// Who is changing what: recorded with every audit record.
struct AuditContext {
  std::string actor;
  std::string command;           // e.g. "add-child"
  std::string now_utc;           // ISO 8601, e.g. 2026-11-22T10:15:00Z
  std::string recorded_on = {};  // YYYY-MM-DD: today, the date every record written now was entered
  // recorded_on, or when it is left empty the date of now_utc.
  std::string entered_on() const { return recorded_on.empty() ? now_utc.substr(0, 10) : recorded_on; }
};

class WriteTransaction {
 public:
  // BEGIN IMMEDIATE: takes the write lock now, waiting up to the busy timeout.
  WriteTransaction(Database& db, AuditContext context);
  ~WriteTransaction();  // rolls back unless committed
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  // Appends an audit record for `entity` (a public id) with JSON images before and after, chained
  // after the last one (store/audit_chain.hpp).
  void audit(const std::string& entity, const std::optional<std::string>& before,
             const std::optional<std::string>& after);
  void commit();
  Database& db() { return m_db; }
  const AuditContext& context() const { return m_context; }

 private:
  Database& m_db;
  AuditContext m_context;
  bool m_done = false;
  bool m_chained = false;  // the schema has the audit chain (migrations before it append unchained)
};

// A savepoint inside a write transaction: undone when it ends without release(), so that a part
// that fails (one row of a bulk import) leaves no trace while the transaction goes on.
class Savepoint {
 public:
  explicit Savepoint(WriteTransaction& tx);
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  void release();  // keeps what was done since it began
  void undo();     // rolls back to it now; the savepoint is then finished

 private:
  Database& m_db;
  bool m_open = true;
};

// A read snapshot: every read through the connection until it ends sees the database as one state
// (an export whose records agree with each other).
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Database& m_db;
};

}  // namespace ics::store
ICS_API_END
