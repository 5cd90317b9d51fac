#include <ics/store/bulk_load.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace ics::store {

BulkLoad::BulkLoad(Database& db, Options options) : m_db(db) {
  m_db.reset_queries();  // a cached query left mid-result holds a read transaction open
  connection(m_db).exec("PRAGMA foreign_keys = OFF");
  if (options.rollback_journal) {
    // Leaving WAL needs the database to itself: when another connection has it open, the load
    // goes on in WAL at once rather than waiting out the busy timeout.
    int timeout = connection(m_db).execAndGet("PRAGMA busy_timeout").getInt();
    connection(m_db).exec("PRAGMA busy_timeout = 0");
    try {
      m_rollback_journal =
          connection(m_db).execAndGet("PRAGMA journal_mode = DELETE").getString() == "delete";
    } catch (const SQLite::Exception&) {  // SQLITE_BUSY
    }
    connection(m_db).exec(fmt::format("PRAGMA busy_timeout = {}", timeout));
  }
}

BulkLoad::~BulkLoad() {
  try {
    m_db.reset_queries();  // as above: WAL cannot be set again while a read transaction is open
    if (m_rollback_journal) connection(m_db).exec("PRAGMA journal_mode = WAL");
  } catch (...) {  // the next connection to open the database sets WAL again
  }
  try {
    connection(m_db).exec("PRAGMA foreign_keys = ON");
  } catch (...) {
  }
}

}  // namespace ics::store
