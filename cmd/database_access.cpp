#include "database_access.hpp"

#include "confirm.hpp"
#include "database_files.hpp"
#include "interrupt.hpp"
#include "restricted_reads.hpp"
#include "session.hpp"

#include <ics/store/audit_marks.hpp>
#include <ics/store/busy_timeout.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <exception>
#include <iostream>

namespace icsctl {

std::string busy_message(const Session& session, const std::exception& error) {
  auto waited = session.wait().count();
  return fmt::format(
      "another process is writing to '{}': gave up waiting after {}{} s and did nothing; try again, or wait "
      "longer with --wait SECONDS (ICSCTL_WAIT) ({})",
      session.db_path().string(), waited / 1000, waited % 1000 ? fmt::format(".{:03d}", waited % 1000) : "",
      error.what());
}

DatabaseAccess::DatabaseAccess(Access access, Session& session) : m_access(access), m_session(session) {
  if (interruptible()) catch_interrupts();
  if (m_session.dry_run()) m_stdout = std::cout.rdbuf(m_held_stdout.rdbuf());
}

DatabaseAccess::~DatabaseAccess() {
  if (m_stdout) std::cout.rdbuf(m_stdout);  // a dry run that failed: what it held back is dropped
}

void DatabaseAccess::guard_files() {
  if (!m_guarded) guard_database_files(m_session);
  m_guarded = true;
}

ics::store::Database& DatabaseAccess::open(ics::store::OpenMode mode) {
  if (!m_db) {
    guard_files();
    ics::store::set_busy_timeout(m_session.wait());
    m_db = std::make_unique<ics::store::Database>(m_session.db_path(), mode);
  }
  return *m_db;
}

ics::store::Database& DatabaseAccess::read(std::string_view what) {
  if (m_access != Access::read)
    throw ics::StorageError(fmt::format("'{}' is not listed as a command that reads", m_session.command()));
  if (m_db) return *m_db;
  auto& db = open(ics::store::OpenMode::read);
  if (what.empty()) what = m_session.command();
  m_hid_restricted = limit_read(m_session, db, reach_of(what), what);
  return db;
}

ics::store::WriteTransaction& DatabaseAccess::write() {
  if (m_access != Access::write && m_access != Access::bulk_write)
    throw ics::StorageError(fmt::format("'{}' is not listed as a command that writes", m_session.command()));
  if (!m_tx) {
    bool statutory = reach_of(m_session.command()) == Reach::statutory;
    if (statutory && m_session.dry_run()) {
      // A dry run shows the restricted children's records as the real run would: that read is
      // audited, in a transaction of its own that lands (README "Dry runs and confirmation").
      ics::store::WriteTransaction read_audit(open(ics::store::OpenMode::write), m_session.audit_context());
      audit_statutory_write(read_audit);
      read_audit.commit();
    }
    m_tx = std::make_unique<ics::store::WriteTransaction>(open(ics::store::OpenMode::write),
                                                          m_session.audit_context());
    if (m_session.dry_run()) m_audit_mark = ics::store::audit_mark(m_tx->db());
    if (statutory && !m_session.dry_run()) audit_statutory_write(*m_tx);
  }
  return *m_tx;
}

ics::store::Database& DatabaseAccess::connection() {
  if (m_access != Access::bulk_load && m_access != Access::schema)
    throw ics::StorageError(
        fmt::format("'{}' is not listed as a command that manages its transactions", m_session.command()));
  return open(ics::store::OpenMode::write);
}

ics::store::Database& DatabaseAccess::peek() {
  if (m_access != Access::write && m_access != Access::bulk_write)
    throw ics::StorageError(fmt::format("'{}' is not listed as a command that writes", m_session.command()));
  return open(ics::store::OpenMode::write);
}

void DatabaseAccess::confirm(const std::string& what, bool stdin_is_input) {
  if (m_tx)
    throw ics::StorageError(
        fmt::format("'{}' asked for a confirmation after its write began", m_session.command()));
  icsctl::confirm(m_session, what, stdin_is_input);
}

int DatabaseAccess::init_schema() {
  if (m_access != Access::schema)
    throw ics::StorageError(
        fmt::format("'{}' is not listed as a command that makes the schema", m_session.command()));
  guard_database_files(m_session, false);  // a link is init's to refuse
  m_guarded = true;
  ics::store::set_busy_timeout(m_session.wait());
  return ics::store::Database::init(m_session.db_path(), m_session.audit_context());
}

void DatabaseAccess::after_commit(std::function<void()> step) {
  m_after_commit.push_back(std::move(step));
}

void DatabaseAccess::finish() {
  if (m_session.dry_run()) return finish_dry_run();
  if (m_tx) {
    if (interruptible()) throw_if_interrupted();  // the last poll: only the commit follows
    m_tx->commit();
  }
  m_tx.reset();
  m_db.reset();  // closing the last connection checkpoints the WAL: part of the landing
  if (interruptible() && interrupt_requested())
    m_session.warn("interrupt came too late: the import was already committing, and has finished");
  for (const auto& step : m_after_commit) step();
}

void DatabaseAccess::finish_dry_run() {
  ics::util::RowBuffer changes;
  if (m_tx) ics::store::audit_since(m_tx->db(), m_audit_mark, changes);
  if (interruptible()) throw_if_interrupted();
  m_tx.reset();  // rolled back: nothing of it lands
  m_db.reset();
  // The steps run as after the real run's commit, so that the exit code is the same (rows rejected:
  // 3); what they print on stdout is held back with the runner's.
  std::exception_ptr failed;
  try {
    for (const auto& step : m_after_commit) step();
  } catch (...) {
    failed = std::current_exception();
  }
  std::cout.rdbuf(m_stdout);
  m_stdout = nullptr;
  if (m_own_dry_run_report) {
    std::cout << m_held_stdout.str();
  } else if (!changes.columns().empty()) {
    auto out = m_session.output();
    out->begin(changes.columns());
    for (const auto& row : changes.rows()) out->row(row);
    out->end();
  }
  if (!m_own_dry_run_report)
    m_session.info(fmt::format("dry run: nothing was written ({} change{} rolled back)",
                               changes.rows().size(), changes.rows().size() == 1 ? "" : "s"));
  if (failed) std::rethrow_exception(failed);
}

}  // namespace icsctl
