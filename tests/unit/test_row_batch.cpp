#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/store/row_batch.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace ics;

namespace {

struct Batch : ics_test::ScratchDb {
  // A child row for register_insert_children: id, names, dates, sex, NHS, UPN, line, legacy id (the
  // batch is its parameter ?1).
  static void add_child(store::RowBatch& b, std::int64_t id, std::string_view family_name) {
    b.integer(id);
    b.text("Zoë");
    b.text(family_name);
    b.text("2015-02-01");
    b.null();
    b.text("F");
    b.optional_text(std::nullopt);
    b.optional_text(std::string("A123456789012"));
    b.integer(40 + id);
    b.text("P" + std::to_string(id));
    b.end_row();
  }
  std::string children() {
    return db->sql()
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
  db->sql().exec(
      "INSERT INTO import_batch (id, kind, file_name, sha256, actor, imported_at) "
      "VALUES (5, 'register', 'f.csv', 'x', 'me', '2024-01-01T00:00:00Z')");
  store::RowBatch batch(*db, "register_children", 10, "register_insert_children", 3);
  batch.bind(1, std::int64_t{5});  // a value every row shares, bound once for every batch
  batch.flush();                   // nothing held: nothing done
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
  CHECK(db->sql().execAndGet("SELECT count(*) FROM child WHERE batch_id = 5").getInt() == 5);
  CHECK_THROWS_AS(batch.bind(2, "no such parameter"), SQLite::Exception);
}

TEST_CASE_FIXTURE(Batch, "row batch: a short row, a failing insert, and the table gone with the batch") {
  store::WriteTransaction tx(*db, context());
  {
    store::RowBatch batch(*db, "register_children", 10, "register_insert_children", 3);
    batch.integer(1);
    CHECK_THROWS_WITH_AS(batch.end_row(), "a row of register_children has 1 values where it needs 10",
                         StorageError);
  }
  {
    store::RowBatch batch(*db, "register_children", 10, "register_insert_children", 3);
    add_child(batch, 3, "Smith");
    add_child(batch, 3, "Jones");  // the same id twice
    CHECK_THROWS_AS(batch.flush(), SQLite::Exception);
    CHECK(batch.rows() == 0);
  }
  CHECK_THROWS_AS(db->sql().exec("SELECT * FROM register_children"), SQLite::Exception);
}
