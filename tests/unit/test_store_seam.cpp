// The store's interface as a second backend would have to honour it: typed errors, savepoints,
// read snapshots, and the rows of `show` and `log`.
#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/store/bulk.hpp>
#include <ics/store/records.hpp>
#include <ics/store/rows.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/error.hpp>

using namespace ics;

namespace {

struct Store : ics_test::ScratchDb {
  store::Provenance batch(store::WriteTransaction& tx) {
    return {store::insert_batch(tx, "children", "children.csv"), 2};
  }
  static model::Child child(std::int64_t id, std::string name) {
    model::Child c;
    c.id = id;
    c.given_names = std::move(name);
    c.family_name = "Smith";
    c.date_of_birth = util::Date(2015, 5, 1);
    return c;
  }
  long children(store::Database& on) {
    util::RowBuffer rows;
    store::export_rows(on, model::EntityKind::child, rows);
    return static_cast<long>(rows.rows().size());
  }
};

}  // namespace

TEST_CASE_FIXTURE(Store, "store: a write the schema refuses throws ConstraintViolation, a StorageError") {
  store::WriteTransaction tx(*db, context());
  auto from = batch(tx);
  store::insert_child_with_id(tx, child(7, "Amy"), from);
  CHECK_THROWS_AS(store::insert_child_with_id(tx, child(7, "Ben"), from), ConstraintViolation);
  CHECK_THROWS_AS(store::insert_child_with_id(tx, child(7, "Ben"), from), StorageError);
  CHECK(store::get_child(*db, 7).given_names == "Amy");
  CHECK_THROWS_AS(store::get_child(*db, 8), NotFound);
}

TEST_CASE_FIXTURE(Store, "store: a savepoint keeps its part when released and nothing of it otherwise") {
  store::WriteTransaction tx(*db, context());
  auto from = batch(tx);
  {
    store::Savepoint part(tx);
    store::insert_child_with_id(tx, child(1, "Amy"), from);
    part.undo();
  }
  {
    store::Savepoint part(tx);
    store::insert_child_with_id(tx, child(2, "Ben"), from);
  }  // left without release: undone
  {
    store::Savepoint part(tx);
    store::insert_child_with_id(tx, child(3, "Cara"), from);
    part.release();
  }
  tx.commit();
  CHECK(count("child") == 1);
  CHECK(store::bulk_row(*db, model::EntityKind::child, 3).has_value());
  CHECK_FALSE(store::bulk_row(*db, model::EntityKind::child, 1).has_value());
}

TEST_CASE_FIXTURE(Store, "store: a read transaction sees one state while another connection writes") {
  store::Database writer(dir / "ics.db", store::OpenMode::write);
  auto add = [&](std::int64_t id) {
    store::WriteTransaction tx(writer, context());
    store::insert_child_with_id(tx, child(id, "Amy"), batch(tx));
    tx.commit();
  };
  add(1);
  {
    store::ReadTransaction snapshot(*db);
    CHECK(children(*db) == 1);
    add(2);
    CHECK(children(*db) == 1);
  }
  CHECK(children(*db) == 2);
}

TEST_CASE_FIXTURE(Store, "store: a record's view and the audit log") {
  store::WriteTransaction tx(*db, context("add-child"));
  auto from = batch(tx);
  store::insert_child_with_id(tx, child(4, "Amy"), from);
  tx.audit("C4", std::nullopt, R"({"child_id":"C4"})");
  tx.audit("C5", std::nullopt, R"({"child_id":"C5"})");
  tx.commit();

  auto view = store::record_view(*db, {model::EntityKind::child, 4});
  REQUIRE(view.record.rows().size() == 1);
  CHECK(view.record.columns()[0].name == "child_id");
  CHECK(std::get<std::string>(view.record.rows()[0][0]) == "C4");
  REQUIRE(view.related.size() == 2);
  CHECK(view.related[0].first == "episodes");
  CHECK(view.related[0].second.rows().empty());
  CHECK(view.related[1].first == "plans");
  CHECK(view.related[1].second.rows().empty());
  CHECK(store::record_view(*db, {model::EntityKind::plan, 1}).record.rows().empty());

  util::RowBuffer log;
  store::audit_log(*db, std::string("C4"), 10, log);
  REQUIRE(log.rows().size() == 1);
  util::RowBuffer newest;
  store::audit_log(*db, std::nullopt, 1, newest);
  REQUIRE(newest.rows().size() == 1);
  CHECK(std::get<std::string>(newest.rows()[0][4]) == "C5");
}
