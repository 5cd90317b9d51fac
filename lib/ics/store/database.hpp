#pragma once
// An open icsctl database, the connection every store function takes: pragmas, migrations and the
// cache of named statements. One Database is used by one thread at a time (its connection is opened
// without SQLite's own locking); open one per thread.
#include <ics/api.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

ICS_API_BEGIN
namespace ics::store {

struct AuditContext;

enum class OpenMode { read, write };

class Database {
 public:
  // Opens an existing database; throws NoDatabase when the file is missing and StorageError when it
  // is not an icsctl database or its schema is newer than this build knows.
  Database(const std::filesystem::path& path, OpenMode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Creates the file (owner-only, in an owner-only folder when it makes one) when missing, tightens
  // an existing file to owner-only, and applies pending migrations, each audited as `context`.
  // Returns the number of migrations applied.
  static int init(const std::filesystem::path& path, const AuditContext& context);

  int schema_version() const;
  // Applies pending migrations, each in its own transaction with its audit record; returns how many.
  int migrate(const AuditContext& context);
  // Resets every named statement, so that none holds a table open (DROP INDEX needs none to).
  void reset_queries();
  const std::filesystem::path& path() const { return m_path; }

 private:
  // The SQLite connection and its named statements are store's own (store/sqlite.hpp); everyone
  // else asks the store's functions (records.hpp, bulk.hpp, rows.hpp, transaction.hpp).
  friend SQLite::Statement& statement(Database& db, std::string_view name);
  friend SQLite::Database& connection(Database& db);
  SQLite::Statement& query(std::string_view name);
  Database(const std::filesystem::path& path, int flags);
  std::filesystem::path m_path;
  std::unique_ptr<SQLite::Database> m_db;
  std::map<std::string, std::unique_ptr<SQLite::Statement>, std::less<>> m_statements;
};

// The schema version this build migrates to.
int latest_schema_version();

}  // namespace ics::store
ICS_API_END
