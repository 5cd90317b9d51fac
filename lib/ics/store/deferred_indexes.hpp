#pragma once
// Indexes set aside while one transaction loads many rows into their tables, and built again
// before it commits. Inserting a million random keys (NHS numbers, legacy person ids) into a
// b-tree one at a time costs several times more than building the index in one sorted pass. The
// indexes are recreated from their own CREATE statements as the schema has them, so nothing here
// repeats the schema; a rollback brings them back untouched.
#include <ics/store/transaction.hpp>

#include <string>
#include <vector>

namespace ics::store {

class DeferredIndexes {
 public:
  // Drops the indexes the schema declares on `tables` (not primary keys or UNIQUE column
  // constraints, which cannot be dropped).
  DeferredIndexes(WriteTransaction& tx, const std::vector<std::string>& tables);
  // Builds them again; a UNIQUE index that the loaded rows violate throws SQLite::Exception.
  void rebuild();

 private:
  struct Index {
    std::string name;
    std::string sql;
  };
  WriteTransaction& m_tx;
  std::vector<Index> m_dropped;
};

}  // namespace ics::store
