#include <ics/store/audit_chain_writes.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/store/transaction.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

namespace ics::store {

WriteTransaction::WriteTransaction(Database& db, AuditContext context)
    : m_db(db), m_context(std::move(context)) {
  try {
    connection(m_db).exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    throw_typed(e, "cannot start a write");
  }
}

WriteTransaction::~WriteTransaction() {
  if (!m_done) {
    try {
      connection(m_db).exec("ROLLBACK");
    } catch (...) {
    }
  }
}

void WriteTransaction::audit(const std::string& entity, const std::optional<std::string>& before,
                             const std::optional<std::string>& after) try {
  if (m_chained || m_db.schema_version() >= k_chain_schema_version) {
    m_chained = true;
    append_audit_record(m_db, AuditRecord{.at = m_context.now_utc,
                                          .actor = m_context.actor,
                                          .command = m_context.command,
                                          .entity = entity,
                                          .before = before,
                                          .after = after});
    return;
  }
  auto& q = statement(m_db, "insert_audit");
  q.bind(1, m_context.now_utc);
  q.bind(2, m_context.actor);
  q.bind(3, m_context.command);
  q.bind(4, entity);
  if (before) q.bind(5, *before);
  if (after) q.bind(6, *after);
  q.exec();
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

void WriteTransaction::commit() {
  try {
    connection(m_db).exec("COMMIT");
    m_done = true;
  } catch (const SQLite::Exception& e) {
    throw_typed(e, "cannot commit");
  }
}

Savepoint::Savepoint(WriteTransaction& tx) try : m_db(tx.db()) {
  statement(m_db, "savepoint_begin").exec();
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

Savepoint::~Savepoint() {
  if (!m_open) return;
  try {
    undo();
  } catch (...) {
  }
}

void Savepoint::release() try {
  statement(m_db, "savepoint_release").exec();
  m_open = false;
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

void Savepoint::undo() try {
  statement(m_db, "savepoint_rollback").exec();
  release();
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

ReadTransaction::ReadTransaction(Database& db) try : m_db(db) {
  statement(m_db, "read_begin").exec();
} catch (const SQLite::Exception& e) {
  throw_typed(e);
}

ReadTransaction::~ReadTransaction() {
  try {
    statement(m_db, "read_end").exec();
  } catch (...) {
  }
}

}  // namespace ics::store
