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

TEST_CASE_FIXTURE(Batch, "row batch: several statements over the same rows, in their order, each bound") {
  store::WriteTransaction tx(*db, context());
  auto& c = ics::store::connection(*db);
  c.exec(
      "INSERT INTO import_batch (id, kind, file_name, sha256, actor, imported_at) "
      "VALUES (5, 'register', 'f.csv', 'x', 'me', '2024-01-01T00:00:00Z')");
  c.exec("INSERT INTO template_snapshot (id, name, version, hash, body) VALUES (1, 't', 1, 'h', '')");
  c.exec("INSERT INTO child (id, given_names, family_name, sex) VALUES (1, 'A', 'B', 'F')");
  store::RowBatch<store::RegisterPlan> plans(
      *db, "register_plans",
      std::vector<std::string_view>{"register_insert_plan_episodes", "register_insert_plan_conferences",
                                    "register_insert_plans"},
      2);
  plans.bind("template_id", std::int64_t{1});  // only register_insert_plans has it
  plans.bind("kind", "child-protection");      // the conferences' and the plans'
  plans.bind("batch_id", std::int64_t{5});     // all three
  plans.bind("recorded_on", "2024-01-02");
  CHECK_THROWS_AS(plans.bind("no_such_parameter", std::int64_t{1}), SQLite::Exception);
  plans.add(
      {.id = 8, .child_id = 1, .category = "NEG", .start_date = util::Date(2020, 1, 6), .legacy_ref = "R8"});
  plans.add({.id = 9,
             .child_id = 1,
             .category = "PHY",
             .start_date = util::Date(2021, 1, 4),
             .end_date = util::Date(2021, 6, 1),
             .legacy_ref = "R9"});  // the batch is full: the three statements ran
  auto text = [&](const char* sql) { return c.execAndGet(sql).getString(); };
  CHECK(text("SELECT group_concat(id || '|' || episode_id || '|' || conference_id || '|' || recorded_on || "
             "'|' || "
             "coalesce(end_recorded_on, '-'), ';') FROM plan") ==
        "8|8|8|2024-01-02|-;9|9|9|2024-01-02|2024-01-02");
  CHECK(text("SELECT group_concat(id || '|' || referral_date || '|' || coalesce(closure_date, '-') || '|' || "
             "coalesce(closure_reason, '-') || '|' || made_by || '|' || batch_id, ';') FROM episode") ==
        "8|2020-01-06|-|-|register|5;9|2021-01-04|2021-06-01|RC7|register|5");
  CHECK(text("SELECT group_concat(id || '|' || episode_id || '|' || conference_date || '|' || outcome, ';') "
             "FROM conference") == "8|8|2020-01-06|plan;9|9|2021-01-04|plan");
}
