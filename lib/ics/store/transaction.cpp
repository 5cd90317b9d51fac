#include <ics/store/transaction.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace ics::store {

WriteTransaction::WriteTransaction(Database& db, AuditContext context)
    : m_db(db), m_context(std::move(context)) {
  try {
    m_db.sql().exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    throw StorageError(fmt::format("cannot start a write: {}", e.what()));
  }
}

WriteTransaction::~WriteTransaction() {
  if (!m_done) {
    try {
      m_db.sql().exec("ROLLBACK");
    } catch (...) {
    }
  }
}

void WriteTransaction::audit(const std::string& entity, const std::optional<std::string>& before,
                             const std::optional<std::string>& after) {
  auto& q = m_db.query("insert_audit");
  q.bind(1, m_context.now_utc);
  q.bind(2, m_context.actor);
  q.bind(3, m_context.command);
  q.bind(4, entity);
  if (before) q.bind(5, *before);
  if (after) q.bind(6, *after);
  q.exec();
}

void WriteTransaction::commit() {
  try {
    m_db.sql().exec("COMMIT");
    m_done = true;
  } catch (const SQLite::Exception& e) {
    throw StorageError(fmt::format("cannot commit: {}", e.what()));
  }
}

}  // namespace ics::store
