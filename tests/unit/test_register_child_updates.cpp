#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/io/register_import_child_updates.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace ics;
using util::Date;

namespace {

struct Updates : ics_test::ScratchDb {
  void add_child(int id, const char* given, const char* dob, const char* expected_dob, const char* sex,
                 const char* nhs) {
    SQLite::Statement q(db->sql(),
                        "INSERT INTO child (id, given_names, family_name, date_of_birth, expected_dob, sex, "
                        "nhs_number) VALUES (?, ?, 'Smith', ?, ?, ?, ?)");
    q.bind(1, id);
    q.bind(2, given);
    dob ? q.bind(3, dob) : q.bind(3);
    expected_dob ? q.bind(4, expected_dob) : q.bind(4);
    q.bind(5, sex);
    nhs ? q.bind(6, nhs) : q.bind(6);
    q.exec();
  }
  static io::RegisterRow row(std::string given, std::optional<Date> dob, std::string sex,
                             std::optional<std::string> nhs = {}, std::optional<std::string> upn = {}) {
    io::RegisterRow r;
    r.given_names = std::move(given);
    r.family_name = "Smith-" + r.given_names;
    r.date_of_birth = dob;
    r.sex = std::move(sex);
    r.nhs_number = std::move(nhs);
    r.upn = std::move(upn);
    return r;
  }
  std::string child(int id) {
    SQLite::Statement q(
        db->sql(),
        "SELECT given_names || '|' || family_name || '|' || coalesce(date_of_birth, '-') || '|' || "
        "coalesce(expected_dob, '-') || '|' || sex || '|' || coalesce(nhs_number, '-') || '|' || "
        "coalesce(upn, '-') FROM child WHERE id = ?");
    q.bind(1, id);
    REQUIRE(q.executeStep());
    return q.getColumn(0).getString();
  }
};

}  // namespace

TEST_CASE_FIXTURE(Updates,
                  "child updates: the rows of a child merged give what applying them in turn gives") {
  store::WriteTransaction tx(*db, context());
  add_child(1, "Amy", nullptr, nullptr, "F", nullptr);
  add_child(2, "Unborn", nullptr, "2021-06-01", "U", "9434765919");
  add_child(3, "Tom", "2015-01-01", nullptr, "M", nullptr);
  io::ChildUpdates updates(*db, 2);  // two children to a statement: a flush takes two
  // child 1: a latest row, a row that only brings identifiers, then a later latest row without a
  // date of birth or sex
  updates.add(1, row("Amy Rose", Date(2015, 2, 1), "F"), true);
  updates.add(1, row("Amelia", {}, "U", "9434765927", "A123456789012"), false);
  updates.add(1, row("Amelia", {}, "U", "9434765935"), true);
  // child 2: born after all; its NHS number is kept
  auto born = row("Sam", Date(2021, 5, 30), "M", "9434765927");
  updates.add(2, born, true);
  // child 3: a row that is not the latest and brings nothing is no update at all
  updates.add(3, row("Thomas", Date(2016, 1, 1), "U"), false);
  CHECK(updates.size() == 2);
  CHECK(child(1) == "Amy|Smith|-|-|F|-|-");  // nothing applied before the flush
  updates.flush();
  CHECK(updates.size() == 0);
  CHECK(child(1) == "Amelia|Smith-Amelia|2015-02-01|-|F|9434765927|A123456789012");
  CHECK(child(2) == "Sam|Smith-Sam|2021-05-30|-|M|9434765919|-");
  CHECK(child(3) == "Tom|Smith|2015-01-01|-|M|-|-");
}

TEST_CASE_FIXTURE(Updates, "child updates: an expected date of birth while no date of birth is known") {
  store::WriteTransaction tx(*db, context());
  add_child(1, "Unborn", nullptr, "2021-06-01", "U", nullptr);
  add_child(2, "Ann", "2010-03-03", nullptr, "F", nullptr);
  io::ChildUpdates updates(*db, 10);
  auto unborn = row("Unborn", {}, "U");
  unborn.expected_dob = Date(2021, 7, 1);
  updates.add(1, unborn, true);
  updates.add(2, unborn, true);  // a date of birth is known: no expected one
  updates.flush();
  CHECK(child(1) == "Unborn|Smith-Unborn|-|2021-07-01|U|-|-");
  CHECK(child(2) == "Unborn|Smith-Unborn|2010-03-03|-|F|-|-");
}
