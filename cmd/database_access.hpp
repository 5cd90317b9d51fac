#pragma once
// The database as a command's table row (Access) lets its runner use it. Each is opened on first use,
// so that a command's own checks come first (a bad value is reported before a missing database).
#include "command.hpp"

#include <ics/store/database.hpp>
#include <ics/store/transaction.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace icsctl {

class Session;

// What to say when another process held the database past the wait: that it is writing, where,
// for how long we waited and how to wait longer (`error` is SQLite's own words, kept at the end).
std::string busy_message(const Session& session, const std::exception& error);

class DatabaseAccess {
 public:
  // bulk_write and bulk_load catch interrupts from here on (interrupt.hpp).
  DatabaseAccess(Access access, Session& session);
  ~DatabaseAccess();  // an open transaction not committed by finish() rolls back
  DatabaseAccess(const DatabaseAccess&) = delete;
  DatabaseAccess& operator=(const DatabaseAccess&) = delete;

  // Access::read: a connection that cannot write. Restricted children are left out of it, or the
  // read is audited, as restricted_reads.hpp's table says for `what` is read: the command's path
  // unless given (a report gives "report NAME"). Decided when the connection opens, on first use.
  ics::store::Database& read(std::string_view what = {});
  // Whether the restricted children were left out of this command's reads.
  bool hid_restricted() const { return m_hid_restricted; }
  // Access::write and bulk_write: the command's one write transaction, begun on first use.
  ics::store::WriteTransaction& write();
  // Access::bulk_load and schema: a connection for writing, outside any transaction.
  ics::store::Database& connection();
  // Access::write and bulk_write, before write(): the connection the transaction will use, to read
  // what a confirmation names (how many open actions a close cancels).
  ics::store::Database& peek();
  // A destructive command's confirmation (confirm.hpp), which must come before any write: refused
  // once write() has begun the transaction.
  // `stdin_is_input`: standard input is the command's data (FILE -), so no answer can be read from it.
  void confirm(const std::string& what, bool stdin_is_input = false);
  // In a dry run, what the command itself printed on stdout is its report of what it would do (the
  // register import's counts, the CP-IS extract), printed instead of the audit records.
  void own_dry_run_report() { m_own_dry_run_report = true; }
  // Access::schema: creates the database or applies its pending migrations (Database::init);
  // returns how many were applied.
  int init_schema();
  // What to do once the work has landed (print the new id, a summary, an exit code for rows left
  // out): after the commit of write and bulk_write, after the runner for the other kinds.
  void after_commit(std::function<void()> step);

  // The dispatcher's part, after the runner returned: commits the transaction (asking first whether
  // an import was interrupted) and closes the database, says so if an interrupt came too late, then
  // runs the after_commit steps. In a dry run it reads the audit records the transaction wrote, rolls
  // it back, runs the after_commit steps (their exit code is the real run's) and prints those records
  // on stdout (or the command's own report) instead of what the command printed there.
  void finish();

 private:
  // Every way to the database's files passes here first (database_files.hpp), once.
  void guard_files();
  ics::store::Database& open(ics::store::OpenMode mode);
  bool interruptible() const { return m_access == Access::bulk_write || m_access == Access::bulk_load; }
  void finish_dry_run();

  Access m_access;
  Session& m_session;
  bool m_guarded = false;
  std::unique_ptr<ics::store::Database> m_db;
  std::unique_ptr<ics::store::WriteTransaction> m_tx;
  std::vector<std::function<void()>> m_after_commit;
  bool m_hid_restricted = false;
  // A dry run: the audit trail's last record before the transaction, and stdout held back meanwhile.
  std::int64_t m_audit_mark = 0;
  bool m_own_dry_run_report = false;
  std::ostringstream m_held_stdout;
  std::streambuf* m_stdout = nullptr;  // the real stdout's buffer while it is held back
};

}  // namespace icsctl
