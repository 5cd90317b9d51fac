#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/store/register_writes.hpp>
#include <ics/store/row_batch.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace ics;

namespace {

struct Batch : ics_test::ScratchDb {
  using Children = store::RowBatch<store::RegisterChild>;
  static void add_child(Children& b, std::int64_t id, std::string_view family_name) {
    std::string legacy_id = "P" + std::to_string(id);
    b.add({.id = id,
           .given_names = "Zoë",
           .family_name = family_name,
           .date_of_birth = util::Date(2015, 2, 1),
           .sex = "F",
           .upn = "A123456789012",
           .source_line = 40 + id,
           .legacy_id = legacy_id});
  }
  std::string children() {
    return ics::store::connection(*db)
        .execAndGet(
            "SELECT group_concat(id || '|' || given_names || '|' || family_name || '|' || "
            "date_of_birth || '|' || coalesce(expected_dob, '-') || '|' || coalesce(nhs_number, '-') "
            "|| '|' || upn || '|' || source_line || '|' || legacy_id || '|' || coalesce(batch_id, '-'), ';') "
            "FROM child")
        .getString();
  }
};

}  // namespace

TEST_CASE_FIXTURE(Batch, "row batch: rows held in memory, inserted by one statement as they are") {
  store::WriteTransaction tx(*db, context());
  ics::store::connection(*db).exec(
      "INSERT INTO import_batch (id, kind, file_name, sha256, actor, imported_at) "
      "VALUES (5, 'register', 'f.csv', 'x', 'me', '2024-01-01T00:00:00Z')");
  Children batch(*db, "register_children", "register_insert_children", 3);
  batch.bind("batch_id", std::int64_t{5});  // a value every row shares, bound once for every batch
  batch.flush();                            // nothing held: nothing done
  add_child(batch, 7, "O'Brien; DROP TABLE child");
  add_child(batch, 9, "Smith");
  CHECK(batch.rows() == 2);
  CHECK(count("child") == 0);  // not before the flush
  batch.flush();
  CHECK(batch.rows() == 0);
  CHECK(children() ==
        "7|Zoë|O'Brien; DROP TABLE child|2015-02-01|-|-|A123456789012|47|P7|5;"
        "9|Zoë|Smith|2015-02-01|-|-|A123456789012|49|P9|5");
  add_child(batch, 10, "Jones");  // the batch is used again
  add_child(batch, 11, "Brown");
  CHECK(count("child") == 2);
  add_child(batch, 12, "Green");  // a third row fills the batch: inserted at once
  CHECK(batch.rows() == 0);
  CHECK(count("child") == 5);
  CHECK(ics::store::connection(*db).execAndGet("SELECT count(*) FROM child WHERE batch_id = 5").getInt() ==
        5);
  CHECK_THROWS_AS(batch.bind("no_such_parameter", "x"), SQLite::Exception);
}

TEST_CASE_FIXTURE(Batch,
                  "row batch: the table's columns are the row's names; a failing insert; the table gone") {
  store::WriteTransaction tx(*db, context());
  {
    Children batch(*db, "register_children", "register_insert_children", 3);
    CHECK(ics::store::connection(*db)
              .execAndGet("SELECT group_concat(name) FROM pragma_table_info('register_children')")
              .getString() ==
          "id,given_names,family_name,date_of_birth,expected_dob,sex,nhs_number,upn,source_line,legacy_id");
    add_child(batch, 3, "Smith");
    add_child(batch, 3, "Jones");  // the same id twice
    CHECK_THROWS_AS(batch.flush(), SQLite::Exception);
    CHECK(batch.rows() == 0);
  }
  CHECK_THROWS_AS(ics::store::connection(*db).exec("SELECT * FROM register_children"), SQLite::Exception);
}

TEST_CASE_FIXTURE(Batch, "register writes: SQLite's error is a StorageError, and nothing is left written") {
  {
    store::RegisterWrites writes(*db, context(),
                                 {.file_name = "f.csv", .template_name = "t", .plan_kind = "k"});
    CHECK(writes.batch_id() == 1);
    CHECK_FALSE(writes.had_children());
    writes.add(store::RegisterChild{.id = 3, .family_name = "Smith", .sex = "U"});
    writes.add(store::RegisterChild{.id = 3, .family_name = "Jones", .sex = "U"});  // the same id twice
    CHECK_THROWS_WITH_AS(writes.flush(), doctest::Contains("import failed: UNIQUE constraint failed"),
                         StorageError);
  }  // not committed: rolled back
  CHECK(count("child") == 0);
  CHECK(count("import_batch") == 0);
}
