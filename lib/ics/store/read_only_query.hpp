#pragma once
// Checking a query someone else wrote (a user's report definition, README "Writing your own report")
// before it runs: one statement that only reads. Internal to libics (report/ uses it).
#include <ics/util/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ics::store {

class Database;

// What a checked query returns and takes.
struct QueryShape {
  std::vector<std::string> columns;     // the result's column names, in order
  std::vector<std::string> parameters;  // its ":name" parameters, without the colon, in order
};

// A query refused, and the byte of its text the problem is at (0 when it is the whole query's).
class QueryRefused : public InvalidInput {
 public:
  QueryRefused(std::size_t offset, const std::string& reason) : InvalidInput(reason), m_offset(offset) {}
  std::size_t offset() const { return m_offset; }

 private:
  std::size_t m_offset;
};

// Prepares `sql` on `db` without running it, and refuses (QueryRefused) a query that does not
// prepare, is more than one statement, returns no rows, takes parameters not named ":name", or
// does anything but read: only reading tables and views, calling functions and selecting are
// allowed while it is prepared (SQLite's authorizer), so INSERT, UPDATE, DELETE, PRAGMA, ATTACH,
// DETACH, transactions and temporary tables are refused by name, and besides SQLite must find it
// read-only (sqlite3_stmt_readonly).
QueryShape check_read_only_query(Database& db, std::string_view sql);

// The same against an empty database of the schema this build makes, in memory.
QueryShape check_read_only_query(std::string_view sql);

}  // namespace ics::store
