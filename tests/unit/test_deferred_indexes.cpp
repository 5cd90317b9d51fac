#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/store/deferred_indexes.hpp>
#include <ics/store/sqlite.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace ics;

namespace {

struct Indexes : ics_test::ScratchDb {
  // The CREATE INDEX statements of the child tables, as the schema has them.
  std::string schema() {
    return ics::store::connection(*db)
        .execAndGet(
            "SELECT group_concat(name || ': ' || sql, '; ') FROM (SELECT name, sql FROM sqlite_schema "
            "WHERE type = 'index' AND tbl_name IN ('child', 'child_ref') AND sql IS NOT NULL ORDER BY name)")
        .getString();
  }
  void add_child(int id, const char* nhs) {
    SQLite::Statement q(
        ics::store::connection(*db),
        "INSERT INTO child (id, given_names, family_name, sex, nhs_number) VALUES (?, 'A', 'B', 'U', ?)");
    q.bind(1, id);
    q.bind(2, nhs);
    q.exec();
  }
};

}  // namespace

TEST_CASE_FIXTURE(Indexes, "deferred indexes: dropped for the load, rebuilt from the schema's own SQL") {
  std::string before = schema();
  REQUIRE(before.find("child_nhs: CREATE UNIQUE INDEX") != std::string::npos);
  REQUIRE(before.find("child_ref_child: CREATE INDEX") != std::string::npos);
  store::WriteTransaction tx(*db, context());
  ics::store::statement(*db, "register_any_child")
      .executeStep();  // a statement left open must not block the drop
  store::DeferredIndexes deferred(tx, {"child", "child_ref"});
  CHECK(schema().empty());
  add_child(1, "9434765919");
  add_child(2, "9434765927");
  ics::store::connection(*db).exec("PRAGMA cache_size = -12345");
  deferred.rebuild();
  CHECK(schema() == before);
  // the settings of the build are put back
  CHECK(ics::store::connection(*db).execAndGet("PRAGMA cache_size").getInt() == -12345);
  CHECK(ics::store::connection(*db).execAndGet("PRAGMA threads").getInt() == 0);
  CHECK(ics::store::connection(*db)
            .execAndGet("SELECT id FROM child INDEXED BY child_nhs WHERE nhs_number = '9434765927'")
            .getInt() == 2);
  tx.commit();
  CHECK(schema() == before);
}

TEST_CASE_FIXTURE(Indexes,
                  "deferred indexes: a rollback brings them back; a broken UNIQUE index fails the rebuild") {
  std::string before = schema();
  {
    store::WriteTransaction tx(*db, context());
    store::DeferredIndexes deferred(tx, {"child"});
    add_child(1, "9434765919");
    add_child(2, "9434765919");  // no index to refuse it yet
    CHECK_THROWS_AS(deferred.rebuild(), SQLite::Exception);
  }  // rolled back
  CHECK(schema() == before);
  CHECK(count("child") == 0);
}
