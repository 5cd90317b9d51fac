#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/store/bulk_load.hpp>
#include <ics/store/sqlite.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace ics;

namespace {

struct Load : ics_test::ScratchDb {
  std::string journal_mode() {
    return ics::store::connection(*db).execAndGet("PRAGMA journal_mode").getString();
  }
  int foreign_keys() { return ics::store::connection(*db).execAndGet("PRAGMA foreign_keys").getInt(); }
  // A plan whose child does not exist: refused while foreign keys are checked.
  void insert_orphan_plan() {
    ics::store::connection(*db).exec(
        "INSERT INTO plan (child_id, template_id, kind, start_date) VALUES (999, 999, 'child-protection', "
        "'2024-01-01')");
  }
};

}  // namespace

TEST_CASE_FIXTURE(Load, "bulk load: foreign keys off and a rollback journal for the load, both restored") {
  REQUIRE(journal_mode() == "wal");
  REQUIRE(foreign_keys() == 1);
  ics::store::statement(*db, "register_any_plan")
      .executeStep();  // a cached query left mid-result must not block it
  {
    store::BulkLoad load(*db, {.rollback_journal = true});
    CHECK(load.rollback_journal());
    CHECK(journal_mode() == "delete");
    CHECK(foreign_keys() == 0);
    store::WriteTransaction tx(*db, context());
    insert_orphan_plan();  // not checked during the load
    ics::store::statement(*db, "register_any_child")
        .executeStep();  // nor must one left mid-result during the load
  }                      // rolled back, then restored
  CHECK(journal_mode() == "wal");
  CHECK(foreign_keys() == 1);
  CHECK(count("plan") == 0);
  CHECK_THROWS_AS(insert_orphan_plan(), SQLite::Exception);
  CHECK_FALSE(std::filesystem::exists(dir / "ics.db-journal"));
}

TEST_CASE_FIXTURE(Load, "bulk load: a database another connection has open stays in WAL") {
  store::Database reader(dir / "ics.db", store::OpenMode::read);
  ics::store::connection(reader).execAndGet("SELECT count(*) FROM child");
  store::BulkLoad load(*db, {.rollback_journal = true});
  CHECK_FALSE(load.rollback_journal());
  CHECK(journal_mode() == "wal");
  CHECK(foreign_keys() == 0);
  CHECK(ics::store::connection(*db).execAndGet("PRAGMA busy_timeout").getInt() > 0);  // restored
}

TEST_CASE_FIXTURE(Load, "bulk load: the journal is left alone unless asked for") {
  store::BulkLoad load(*db, {});
  CHECK_FALSE(load.rollback_journal());
  CHECK(journal_mode() == "wal");
}
