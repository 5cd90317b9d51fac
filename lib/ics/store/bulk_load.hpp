#pragma once
// Connection settings for one transaction that loads many rows whose references the loader itself
// guarantees (a register import creates the batch, the children and the plans that point at them).
// Made before the transaction begins and undone after it ends: SQLite changes neither setting
// inside a transaction.
//
// - Foreign keys are not checked row by row: each row cost four parent lookups (the plan's child,
//   template and batch, and the child's batch), about 1 s of a million-row import.
// - A load into a database with no plans yet may write through a rollback journal instead of the
//   write-ahead log: the journal keeps only the pages that existed before, so the new pages are
//   written once, not to the log and then again to the database. The journal mode changes only if
//   no other connection has the database open; otherwise the load runs in WAL as usual.
#include <ics/store/database.hpp>

namespace ics::store {

class BulkLoad {
 public:
  struct Options {
    bool rollback_journal = false;  // ask for the rollback journal (see above)
  };
  BulkLoad(Database& db, Options options);
  ~BulkLoad();  // foreign keys on again, and WAL again if the journal changed
  BulkLoad(const BulkLoad&) = delete;
  BulkLoad& operator=(const BulkLoad&) = delete;

  // Whether this load writes through a rollback journal.
  bool rollback_journal() const { return m_rollback_journal; }

 private:
  Database& m_db;
  bool m_rollback_journal = false;
};

}  // namespace ics::store
