#pragma once
// A write transaction that lands with its audit records, or not at all.
#include <ics/store/database.hpp>

#include <optional>
#include <string>

namespace ics::store {

// Who is changing what: recorded with every audit record.
struct AuditContext {
  std::string actor;
  std::string command;  // e.g. "add-child"
  std::string now_utc;  // ISO 8601, e.g. 2026-11-22T10:15:00Z
};

class WriteTransaction {
 public:
  // BEGIN IMMEDIATE: takes the write lock now, waiting up to the busy timeout.
  WriteTransaction(Database& db, AuditContext context);
  ~WriteTransaction();  // rolls back unless committed
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  // Appends an audit record for `entity` (a public id) with JSON images before and after.
  void audit(const std::string& entity, const std::optional<std::string>& before,
             const std::optional<std::string>& after);
  void commit();
  Database& db() { return m_db; }
  const AuditContext& context() const { return m_context; }

 private:
  Database& m_db;
  AuditContext m_context;
  bool m_done = false;
};

}  // namespace ics::store
