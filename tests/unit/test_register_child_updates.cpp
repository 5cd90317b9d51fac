#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/io/register/child_updates.hpp>
#include <ics/store/register_writes.hpp>
#include <ics/store/sqlite.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace ics;
using util::Date;

namespace {

struct Updates : ics_test::ScratchDb {
  // The import's writes, whose transaction the test's children are written in.
  store::RegisterWrites writes() {
    return store::RegisterWrites(
        *db, context(), {.file_name = "f.csv", .template_name = "t", .plan_kind = "k", .dry_run = true});
  }
  void add_child(int id, const char* given, const char* dob, const char* expected_dob, const char* sex,
                 const char* nhs) {
    SQLite::Statement q(ics::store::connection(*db),
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
        ics::store::connection(*db),
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
  auto w = writes();
  add_child(1, "Amy", nullptr, nullptr, "F", nullptr);
  add_child(2, "Unborn", nullptr, "2021-06-01", "U", "9434765919");
  add_child(3, "Tom", "2015-01-01", nullptr, "M", nullptr);
  io::ChildUpdates updates(w);
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
  auto w = writes();
  add_child(1, "Unborn", nullptr, "2021-06-01", "U", nullptr);
  add_child(2, "Ann", "2010-03-03", nullptr, "F", nullptr);
  io::ChildUpdates updates(w);
  auto unborn = row("Unborn", {}, "U");
  unborn.expected_dob = Date(2021, 7, 1);
  updates.add(1, unborn, true);
  updates.add(2, unborn, true);  // a date of birth is known: no expected one
  updates.flush();
  CHECK(child(1) == "Unborn|Smith-Unborn|-|2021-07-01|U|-|-");
  CHECK(child(2) == "Unborn|Smith-Unborn|2010-03-03|-|F|-|-");
}

namespace {

// A child as the import creates it from `r`, and the row's fingerprint.
io::RegisterRow create(Updates& u, io::ChildUpdates& updates, int id, io::RegisterRow r) {
  r.details = io::details_fingerprint(r);
  SQLite::Statement q(ics::store::connection(*u.db),
                      "INSERT INTO child (id, given_names, family_name, date_of_birth, expected_dob, sex, "
                      "nhs_number, upn) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, id);
  q.bind(2, r.given_names);
  q.bind(3, r.family_name);
  r.date_of_birth ? q.bind(4, r.date_of_birth->iso()) : q.bind(4);
  r.expected_dob ? q.bind(5, r.expected_dob->iso()) : q.bind(5);
  q.bind(6, r.sex);
  r.nhs_number ? q.bind(7, *r.nhs_number) : q.bind(7);
  r.upn ? q.bind(8, *r.upn) : q.bind(8);
  q.exec();
  updates.created(id, r.details);
  return r;
}

io::RegisterRow fingerprinted(io::RegisterRow r) {
  r.details = io::details_fingerprint(r);
  return r;
}

}  // namespace

TEST_CASE("details fingerprint: equal for equal details, different when any one differs") {
  auto base = Updates::row("Amy", Date(2015, 2, 1), "F", "9434765919", "A123456789012");
  base.ref = "R1";  // not a detail of the child
  auto same = Updates::row("Amy", Date(2015, 2, 1), "F", "9434765919", "A123456789012");
  same.ref = "R2";
  same.lead_worker = "Someone";
  CHECK(io::details_fingerprint(base) == io::details_fingerprint(same));
  CHECK(io::details_fingerprint(base) != 0);
  std::vector<io::RegisterRow> changed(8, base);
  changed[0].given_names = "Amie";
  changed[1].family_name = "Smith";
  changed[2].date_of_birth.reset();
  changed[3].expected_dob = Date(2015, 2, 1);
  changed[4].sex = "U";
  changed[5].nhs_number.reset();
  changed[6].upn = "A123456789013";
  changed[7].given_names = "AmySmith-";  // the same letters, split differently between the names
  changed[7].family_name = "Amy";
  for (const auto& row : changed) CHECK(io::details_fingerprint(row) != io::details_fingerprint(base));
}

TEST_CASE_FIXTURE(Updates, "child updates: a later row that repeats its child's details is dropped") {
  auto w = writes();
  io::ChildUpdates updates(w);
  auto amy = create(*this, updates, 1, row("Amy", Date(2015, 2, 1), "F", "9434765919"));
  auto tom = create(*this, updates, 2, row("Tom", Date(2016, 3, 1), "M"));
  auto unborn = row("Unborn", {}, "U");
  unborn.expected_dob = Date(2021, 6, 1);
  create(*this, updates, 3, unborn);
  updates.add(1, amy, true);
  updates.add(1, amy, false);
  updates.add(3, fingerprinted(unborn), true);
  CHECK(updates.size() == 0);
  // A change is held, and after it the child's details are no longer known: a row repeating the
  // first details is applied too, so the child ends with them as it would row by row.
  updates.add(2, fingerprinted(row("Thomas", Date(2016, 3, 1), "M")), true);
  updates.add(2, tom, true);
  CHECK(updates.size() == 1);
  updates.flush();
  CHECK(child(1) == "Amy|Smith-Amy|2015-02-01|-|F|9434765919|-");
  CHECK(child(2) == "Tom|Smith-Tom|2016-03-01|-|M|-|-");
  CHECK(child(3) == "Unborn|Smith-Unborn|-|2021-06-01|U|-|-");
  updates.add(2, tom, true);  // still not known after the flush
  CHECK(updates.size() == 1);
}

TEST_CASE_FIXTURE(Updates,
                  "child updates: a repeated row that would clear an expected date of birth is kept") {
  auto w = writes();
  io::ChildUpdates updates(w);
  auto both = row("Sam", Date(2021, 5, 30), "M");
  both.expected_dob = Date(2021, 6, 1);
  both = create(*this, updates, 2, both);
  // Children not created through `created` (below the first, or past the last) are never skipped,
  // even with the details of one that was.
  updates.add(1, both, true);
  updates.add(3, both, true);
  CHECK(updates.size() == 2);
  updates.add(2, both, true);
  CHECK(updates.size() == 3);
  updates.flush();
  CHECK(child(2) == "Sam|Smith-Sam|2021-05-30|-|M|-|-");
}
