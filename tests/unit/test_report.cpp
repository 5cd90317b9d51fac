#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/report/definition.hpp>
#include <ics/report/runner.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>
#include <ics/util/rows.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <string>
#include <vector>

using ics::report::Definition;
using ics::store::Params;

namespace {

constexpr const char* k_d1 = "2025-11-15";  // before P2 ends and before P5 starts
constexpr const char* k_d2 = "2026-01-15";  // after P2 ended; P4 starts later still

// Children, plans (open, closed, future, a stale duplicate), actions and reviews; the expected
// rows below are worked out by hand from these.
void fill_fixture(ics::store::Database& db) {
  ics::store::connection(db).exec(R"SQL(
    INSERT INTO template_snapshot (id, name, version, hash, body) VALUES
      (1, 'child-protection', 1, 'h1', 'name: child-protection'),
      (2, 'child-in-need', 1, 'h2', 'name: child-in-need');
    INSERT INTO child (id, given_names, family_name, date_of_birth, expected_dob, sex) VALUES
      (1, 'Amy', 'Brown', '2015-05-01', NULL, 'F'),
      (2, 'Ben', 'Adams', '2018-02-10', NULL, 'M'),
      (3, 'Cara', 'Brown', '2012-09-09', NULL, 'F'),
      (4, 'Unborn', 'Young', NULL, '2026-03-01', 'U'),
      (5, 'Eve', 'Zed', '2010-01-01', NULL, 'F');
    INSERT INTO plan (id, child_id, template_id, kind, initial_category, latest_category, start_date,
                      end_date, end_reason, lead_worker, team, first_review_due) VALUES
      (1, 1, 1, 'child-protection', 'NEG', 'EMO', '2025-06-02', NULL, NULL, 'Sam Smith', 'North', '2025-09-02'),
      (2, 2, 1, 'child-protection', 'PHY', 'PHY', '2025-01-10', '2025-12-01', 'no-longer-at-risk',
       'Sam Smith', 'North', '2025-04-10'),
      (3, 3, 2, 'child-in-need', NULL, NULL, '2025-03-01', NULL, NULL, 'Ann Jones', 'South', '2025-06-01'),
      (4, 2, 1, 'child-protection', 'SAB', 'SAB', '2026-02-01', NULL, NULL, 'Sam Smith', 'North', '2026-05-01'),
      (5, 3, 1, 'child-protection', 'MUL', 'MUL', '2025-11-20', NULL, NULL, NULL, NULL, '2026-01-29'),
      (6, 1, 1, 'child-protection', 'NEG', 'NEG', '2025-01-05', NULL, NULL, 'Old Worker', 'North', '2025-04-05');
    INSERT INTO action (id, plan_id, section, what, owner, agency, due_date, status, completed_date,
                        cancel_reason) VALUES
      (1, 1, 'safety', 'Hold core group', 'Sam Smith', 'social-care', '2025-06-16', 'done', '2025-06-12', NULL),
      (2, 1, 'health', 'Health assessment', 'Nurse', 'health', '2025-07-01', 'open', NULL, NULL),
      (3, 1, 'education', 'Report attendance', 'DSL', 'education', '2025-12-01', 'done', '2025-12-10', NULL),
      (4, 1, 'safety', 'Safety plan', 'Sam Smith', 'social-care', '2025-11-01', 'done', '2025-11-20', NULL),
      (5, 1, 'family-support', 'Parenting course', 'FS worker', 'social-care', '2026-02-01', 'open', NULL, NULL),
      (6, 2, 'safety', 'Visit', 'Sam Smith', 'social-care', '2025-03-01', 'cancelled', '2025-02-20', 'not needed'),
      (7, 2, 'health', 'GP check', 'GP', 'health', '2025-10-01', 'open', NULL, NULL),
      (8, 3, 'support', 'Support plan', 'Ann Jones', 'social-care', '2025-11-15', 'open', NULL, NULL),
      (9, 5, 'safety', 'Core group', 'Lead', 'social-care', '2025-12-04', 'open', NULL, NULL);
    INSERT INTO review (id, plan_id, kind, review_date, outcome, category, next_review_due) VALUES
      (1, 1, 'initial-conference', '2025-06-02', 'plan', 'NEG', NULL),
      (2, 1, 'review-conference', '2025-09-01', 'continue', NULL, '2026-03-01'),
      (3, 1, 'review-conference', '2025-12-01', 'continue', 'EMO', '2026-06-01'),
      (4, 2, 'review-conference', '2025-04-08', 'continue', NULL, '2025-10-08'),
      (5, 1, 'core-group', '2025-06-12', NULL, NULL, NULL);
  )SQL");
}

std::string text(const ics::util::Value& value) {
  if (std::holds_alternative<std::monostate>(value)) return "NULL";
  if (const auto* n = std::get_if<std::int64_t>(&value)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&value)) return "real:" + std::to_string(*d);
  return std::get<std::string>(value);
}

// Every value has its declared column's type (null allowed).
void check_types(const Definition& def, const ics::util::RowBuffer& buffer) {
  REQUIRE(buffer.columns().size() == def.columns.size());
  for (size_t i = 0; i < def.columns.size(); ++i) {
    CHECK(buffer.columns()[i].name == def.columns[i].name);
    CHECK(buffer.columns()[i].type == def.columns[i].type);
  }
  for (const auto& row : buffer.rows()) {
    REQUIRE(row.size() == def.columns.size());
    for (size_t i = 0; i < row.size(); ++i) {
      if (std::holds_alternative<std::monostate>(row[i])) continue;
      INFO(def.name, ".", def.columns[i].name, " = ", text(row[i]));
      if (def.columns[i].type == "integer")
        CHECK(std::holds_alternative<std::int64_t>(row[i]));
      else
        CHECK(std::holds_alternative<std::string>(row[i]));
    }
  }
}

// The report's rows, each as its values joined by '|'.
std::vector<std::string> run(ics::store::Database& db, const std::string& name, Params params) {
  const Definition& def = ics::report::find_definition(name);
  ics::util::RowBuffer buffer;
  ics::report::run_report(db, def, params, buffer);
  check_types(def, buffer);
  std::vector<std::string> out;
  for (const auto& row : buffer.rows()) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) line += (i ? "|" : "") + text(row[i]);
    out.push_back(line);
  }
  return out;
}

using Rows = std::vector<std::string>;

Params as_of(const char* date) {
  return {{"as_of", std::string(date)}};
}

}  // namespace

TEST_CASE("report register: one row per child on a child protection plan, as of a date") {
  ics_test::ScratchDb s;
  fill_fixture(*s.db);
  // C1 has two open plans (P6 is a stale duplicate): listed once, with the later P1. The category
  // is the latest set by a review on or before the date.
  CHECK(run(*s.db, "register", as_of(k_d1)) ==
        Rows{"C2|Ben Adams|2018-02-10|PHY|P2|2025-01-10|Sam Smith|North|2025-10-08|NULL",
             "C1|Amy Brown|2015-05-01|NEG|P1|2025-06-02|Sam Smith|North|2026-03-01|NULL"});
  CHECK(run(*s.db, "register", as_of(k_d2)) ==
        Rows{"C1|Amy Brown|2015-05-01|EMO|P1|2025-06-02|Sam Smith|North|2026-06-01|NULL",
             "C3|Cara Brown|2012-09-09|MUL|P5|2025-11-20|NULL|NULL|2026-01-29|NULL"});
}

TEST_CASE("report open-plans: counts actions open on the date, even when finished later") {
  ics_test::ScratchDb s;
  fill_fixture(*s.db);
  CHECK(
      run(*s.db, "open-plans", as_of(k_d1)) ==
      Rows{
          "P6|C1|Amy Brown|child-protection|NEG|2025-01-05|314|Old "
          "Worker|North|2025-04-05|0|0|2015-05-01|NULL",
          "P2|C2|Ben Adams|child-protection|PHY|2025-01-10|309|Sam "
          "Smith|North|2025-10-08|1|1|2018-02-10|NULL",
          "P3|C3|Cara Brown|child-in-need|NULL|2025-03-01|259|Ann Jones|South|2025-06-01|1|0|2012-09-09|NULL",
          "P1|C1|Amy Brown|child-protection|NEG|2025-06-02|166|Sam "
          "Smith|North|2026-03-01|4|2|2015-05-01|NULL"});
  CHECK(
      run(*s.db, "open-plans", as_of(k_d2)) ==
      Rows{
          "P6|C1|Amy Brown|child-protection|NEG|2025-01-05|375|Old "
          "Worker|North|2025-04-05|0|0|2015-05-01|NULL",
          "P3|C3|Cara Brown|child-in-need|NULL|2025-03-01|320|Ann Jones|South|2025-06-01|1|1|2012-09-09|NULL",
          "P1|C1|Amy Brown|child-protection|EMO|2025-06-02|227|Sam "
          "Smith|North|2026-06-01|2|1|2015-05-01|NULL",
          "P5|C3|Cara Brown|child-protection|MUL|2025-11-20|56|NULL|NULL|2026-01-29|1|1|2012-09-09|NULL"});
  // The day a plan starts it is open; the day it ends it is not.
  CHECK(run(*s.db, "open-plans", as_of("2025-11-20")).size() == 5);
  CHECK(run(*s.db, "open-plans", as_of("2025-12-01")).size() == 4);
}

TEST_CASE("report overdue-actions: open on the date, due before it, of open plans only") {
  ics_test::ScratchDb s;
  fill_fixture(*s.db);
  // A4 was done after D1, so on D1 it was open and overdue; A8 falls due on D1 itself: not yet overdue.
  CHECK(run(*s.db, "overdue-actions", as_of(k_d1)) ==
        Rows{"A2|P1|C1|health|Health assessment|Nurse|health|2025-07-01|137|Amy Brown|2015-05-01|NULL",
             "A7|P2|C2|health|GP check|GP|health|2025-10-01|45|Ben Adams|2018-02-10|NULL",
             "A4|P1|C1|safety|Safety plan|Sam Smith|social-care|2025-11-01|14|Amy Brown|2015-05-01|NULL"});
  // A7 is still open but its plan has ended.
  CHECK(run(*s.db, "overdue-actions", as_of(k_d2)) ==
        Rows{"A2|P1|C1|health|Health assessment|Nurse|health|2025-07-01|198|Amy Brown|2015-05-01|NULL",
             "A8|P3|C3|support|Support plan|Ann Jones|social-care|2025-11-15|61|Cara Brown|2012-09-09|NULL",
             "A9|P5|C3|safety|Core group|Lead|social-care|2025-12-04|42|Cara Brown|2012-09-09|NULL"});
}

TEST_CASE("report reviews-due: due date from the latest review conference on or before the date") {
  ics_test::ScratchDb s;
  fill_fixture(*s.db);
  CHECK(run(*s.db, "reviews-due", as_of(k_d1)) ==
        Rows{"P6|C1|Amy Brown|NULL|2025-04-05|-224|overdue|2025-01-05|2015-05-01|NULL",
             "P3|C3|Cara Brown|NULL|2025-06-01|-167|overdue|2025-03-01|2012-09-09|NULL",
             "P2|C2|Ben Adams|2025-04-08|2025-10-08|-38|overdue|2025-01-10|2018-02-10|NULL",
             "P1|C1|Amy Brown|2025-09-01|2026-03-01|106|ok|2025-06-02|2015-05-01|NULL"});
  // P5 is due in exactly 14 days: due soon.
  CHECK(run(*s.db, "reviews-due", as_of(k_d2)) ==
        Rows{"P6|C1|Amy Brown|NULL|2025-04-05|-285|overdue|2025-01-05|2015-05-01|NULL",
             "P3|C3|Cara Brown|NULL|2025-06-01|-228|overdue|2025-03-01|2012-09-09|NULL",
             "P5|C3|Cara Brown|NULL|2026-01-29|14|due-soon|2025-11-20|2012-09-09|NULL",
             "P1|C1|Amy Brown|2025-12-01|2026-06-01|137|ok|2025-06-02|2015-05-01|NULL"});
  CHECK(run(*s.db, "reviews-due", as_of("2026-01-14"))[2] ==
        "P5|C3|Cara Brown|NULL|2026-01-29|15|ok|2025-11-20|2012-09-09|NULL");
  // No review conference and no first review date: no status, listed last.
  ics::store::connection(*s.db).exec("UPDATE plan SET first_review_due = NULL WHERE id = 3");
  CHECK(run(*s.db, "reviews-due", as_of(k_d1)).back() ==
        "P3|C3|Cara Brown|NULL|NULL|NULL|NULL|2025-03-01|2012-09-09|NULL");
}

TEST_CASE("report caseload: open plans and actions per worker and team") {
  ics_test::ScratchDb s;
  fill_fixture(*s.db);
  CHECK(run(*s.db, "caseload", as_of(k_d1)) ==
        Rows{"Ann Jones|South|1|1|0", "Old Worker|North|1|0|0", "Sam Smith|North|2|5|3"});
  CHECK(run(*s.db, "caseload", as_of(k_d2)) ==
        Rows{"NULL|NULL|1|1|1", "Ann Jones|South|1|1|1", "Old Worker|North|1|0|0", "Sam Smith|North|1|2|1"});
}

TEST_CASE("report chronology: a child's dated events up to the date, in a fixed order") {
  ics_test::ScratchDb s;
  fill_fixture(*s.db);
  Params c1 = as_of(k_d2);
  c1["child"] = std::int64_t{1};
  // Within a day: plan-start before a conference, a review before an action falling due. A1 was
  // done before it fell due, so it has no action-due event; A5 falls due after the date.
  CHECK(run(*s.db, "chronology", c1) ==
        Rows{"2015-05-01|birth|C1|born", "2025-01-05|plan-start|P6|child-protection plan started (NEG)",
             "2025-06-02|plan-start|P1|child-protection plan started (NEG)",
             "2025-06-02|initial-conference|R1|initial conference (P1): plan; category NEG",
             "2025-06-12|core-group|R5|core group (P1)", "2025-06-12|action-done|A1|done: Hold core group",
             "2025-07-01|action-due|A2|due: Health assessment (health)",
             "2025-09-01|review-conference|R2|review conference (P1): continue; next review due 2026-03-01",
             "2025-11-01|action-due|A4|due: Safety plan (social-care)",
             "2025-11-20|action-done|A4|done: Safety plan",
             "2025-12-01|review-conference|R3|review conference (P1): continue; category EMO; next review "
             "due 2026-06-01",
             "2025-12-01|action-due|A3|due: Report attendance (education)",
             "2025-12-10|action-done|A3|done: Report attendance"});
  c1["as_of"] = std::string(k_d1);
  CHECK(run(*s.db, "chronology", c1).size() == 9);
  CHECK(run(*s.db, "chronology", c1).back() == "2025-11-01|action-due|A4|due: Safety plan (social-care)");

  Params c2 = as_of(k_d2);
  c2["child"] = std::int64_t{2};
  CHECK(run(*s.db, "chronology", c2) ==
        Rows{"2018-02-10|birth|C2|born", "2025-01-10|plan-start|P2|child-protection plan started (PHY)",
             "2025-02-20|action-cancelled|A6|cancelled: Visit (not needed)",
             "2025-04-08|review-conference|R4|review conference (P2): continue; next review due 2025-10-08",
             "2025-10-01|action-due|A7|due: GP check (health)",
             "2025-12-01|plan-end|P2|child-protection plan ended (no-longer-at-risk)"});

  Params unborn = as_of(k_d2);
  unborn["child"] = std::int64_t{4};
  CHECK(run(*s.db, "chronology", unborn).empty());
}

TEST_CASE("report list-children, list-plans and list-actions") {
  ics_test::ScratchDb s;
  fill_fixture(*s.db);
  CHECK(run(*s.db, "list-children", as_of(k_d1)) == Rows{"C1|Amy|Brown|2015-05-01|NULL|F|NULL|NULL|NULL|2",
                                                         "C2|Ben|Adams|2018-02-10|NULL|M|NULL|NULL|NULL|1",
                                                         "C3|Cara|Brown|2012-09-09|NULL|F|NULL|NULL|NULL|1",
                                                         "C4|Unborn|Young|NULL|2026-03-01|U|NULL|NULL|NULL|0",
                                                         "C5|Eve|Zed|2010-01-01|NULL|F|NULL|NULL|NULL|0"});

  auto ids = [](const Rows& rows) {
    std::string out;
    for (const auto& row : rows) out += (out.empty() ? "" : " ") + row.substr(0, row.find('|'));
    return out;
  };
  CHECK(ids(run(*s.db, "list-plans", as_of(k_d1))) == "P1 P2 P3 P4 P5 P6");
  CHECK(run(*s.db, "list-plans", as_of(k_d1))[1] ==
        "P2|C2|child-protection|child-protection|PHY|PHY|2025-01-10|2025-12-01|no-longer-at-risk|Sam "
        "Smith|North");
  Params p = as_of(k_d1);
  p["child"] = std::int64_t{2};
  CHECK(ids(run(*s.db, "list-plans", p)) == "P2 P4");
  p["open_only"] = std::int64_t{1};
  CHECK(ids(run(*s.db, "list-plans", p)) == "P2");
  p["as_of"] = std::string(k_d2);
  CHECK(run(*s.db, "list-plans", p).empty());
  p.erase("child");
  CHECK(ids(run(*s.db, "list-plans", p)) == "P1 P3 P5 P6");
  p["open_only"] = std::int64_t{0};
  CHECK(ids(run(*s.db, "list-plans", p)) == "P1 P2 P3 P4 P5 P6");

  CHECK(ids(run(*s.db, "list-actions", as_of(k_d1))) == "A1 A2 A3 A4 A5 A6 A7 A8 A9");
  Params a = as_of(k_d1);
  a["plan"] = std::int64_t{1};
  CHECK(run(*s.db, "list-actions", a) ==
        Rows{"A1|P1|safety|Hold core group|Sam Smith|social-care|2025-06-16|done|2025-06-12|C1",
             "A2|P1|health|Health assessment|Nurse|health|2025-07-01|open|NULL|C1",
             "A3|P1|education|Report attendance|DSL|education|2025-12-01|done|2025-12-10|C1",
             "A4|P1|safety|Safety plan|Sam Smith|social-care|2025-11-01|done|2025-11-20|C1",
             "A5|P1|family-support|Parenting course|FS worker|social-care|2026-02-01|open|NULL|C1"});
  a["status"] = std::string("done");
  CHECK(ids(run(*s.db, "list-actions", a)) == "A1 A3 A4");
  a["plan"] = std::monostate{};
  a["status"] = std::string("open");
  CHECK(ids(run(*s.db, "list-actions", a)) == "A2 A5 A7 A8 A9");
}

// The fixture with some records entered late: P5 (started 2025-11-20) on 2025-11-25; P2's end
// (2025-12-01), A9, review R3 (2025-12-01, category EMO) and child C5 on 2026-01-20; A4's
// completion (2025-11-20) on 2025-11-24. The rest have no recorded_on: entered before it was kept.
void enter_late(ics::store::Database& db) {
  ics::store::connection(db).exec(R"SQL(
    UPDATE plan SET recorded_on = '2025-11-25' WHERE id = 5;
    UPDATE plan SET end_recorded_on = '2026-01-20' WHERE id = 2;
    UPDATE action SET completed_recorded_on = '2025-11-24' WHERE id = 4;
    UPDATE action SET recorded_on = '2026-01-20' WHERE id = 9;
    UPDATE review SET recorded_on = '2026-01-20' WHERE id = 3;
    UPDATE child SET recorded_on = '2026-01-20' WHERE id = 5;
    INSERT INTO import_batch (id, kind, file_name, sha256, actor, imported_at) VALUES
      (1, 'plans', 'a.csv', 'x', 'tester', '2025-11-10T09:00:00Z'),
      (2, 'plans', 'b.csv', 'y', 'tester', '2026-01-20T09:00:00Z');
  )SQL");
}

Params known(const char* as_of_date, const char* known_at) {
  return {{"as_of", std::string(as_of_date)}, {"known_at", std::string(known_at)}};
}

constexpr const char* k_d0 = "2025-11-21";  // after A4 was done, before that was entered

TEST_CASE("reports known at a date: leave out what was entered later, and later ends and completions") {
  ics_test::ScratchDb s;
  fill_fixture(*s.db);
  enter_late(*s.db);
  // register: P2's end not yet entered (open), R3 not yet (category NEG, next review from R2).
  CHECK(run(*s.db, "register", known(k_d2, k_d2)) ==
        Rows{"C2|Ben Adams|2018-02-10|PHY|P2|2025-01-10|Sam Smith|North|2025-10-08|NULL",
             "C1|Amy Brown|2015-05-01|NEG|P1|2025-06-02|Sam Smith|North|2026-03-01|NULL",
             "C3|Cara Brown|2012-09-09|MUL|P5|2025-11-20|NULL|NULL|2026-01-29|NULL"});
  CHECK(run(*s.db, "register", as_of(k_d2)) ==
        Rows{"C1|Amy Brown|2015-05-01|EMO|P1|2025-06-02|Sam Smith|North|2026-06-01|NULL",
             "C3|Cara Brown|2012-09-09|MUL|P5|2025-11-20|NULL|NULL|2026-01-29|NULL"});
  // P5 started on D0 but was entered after it: as of D0 it counts only with everything known.
  CHECK(run(*s.db, "register", known(k_d0, k_d0)).size() == 2);
  CHECK(run(*s.db, "register", as_of(k_d0)).size() == 3);

  // overdue-actions: A4 was done on 2025-11-20, entered on 2025-11-24: on D0 it was still overdue.
  const Rows overdue_d0{
      "A2|P1|C1|health|Health assessment|Nurse|health|2025-07-01|143|Amy Brown|2015-05-01|NULL",
      "A7|P2|C2|health|GP check|GP|health|2025-10-01|51|Ben Adams|2018-02-10|NULL",
      "A4|P1|C1|safety|Safety plan|Sam Smith|social-care|2025-11-01|20|Amy Brown|2015-05-01|NULL",
      "A8|P3|C3|support|Support plan|Ann Jones|social-care|2025-11-15|6|Cara Brown|2012-09-09|NULL"};
  CHECK(run(*s.db, "overdue-actions", known(k_d0, k_d0)) == overdue_d0);
  CHECK(run(*s.db, "overdue-actions", known(k_d0, "2025-11-23")) == overdue_d0);
  Rows without_a4 = overdue_d0;
  without_a4.erase(without_a4.begin() + 2);
  CHECK(run(*s.db, "overdue-actions", known(k_d0, "2025-11-24")) == without_a4);
  CHECK(run(*s.db, "overdue-actions", as_of(k_d0)) == without_a4);
  // A later known_at than as_of: the situation on D0 with what was known on D2.
  CHECK(run(*s.db, "overdue-actions", known(k_d0, k_d2)) == without_a4);
  // On D2: A9 not yet entered; P2 not yet ended, so A7 still counts.
  CHECK(run(*s.db, "overdue-actions", known(k_d2, k_d2)) ==
        Rows{"A2|P1|C1|health|Health assessment|Nurse|health|2025-07-01|198|Amy Brown|2015-05-01|NULL",
             "A7|P2|C2|health|GP check|GP|health|2025-10-01|106|Ben Adams|2018-02-10|NULL",
             "A8|P3|C3|support|Support plan|Ann Jones|social-care|2025-11-15|61|Cara Brown|2012-09-09|NULL"});

  CHECK(
      run(*s.db, "open-plans", known(k_d2, k_d2)) ==
      Rows{
          "P6|C1|Amy Brown|child-protection|NEG|2025-01-05|375|Old "
          "Worker|North|2025-04-05|0|0|2015-05-01|NULL",
          "P2|C2|Ben Adams|child-protection|PHY|2025-01-10|370|Sam "
          "Smith|North|2025-10-08|1|1|2018-02-10|NULL",
          "P3|C3|Cara Brown|child-in-need|NULL|2025-03-01|320|Ann Jones|South|2025-06-01|1|1|2012-09-09|NULL",
          "P1|C1|Amy Brown|child-protection|NEG|2025-06-02|227|Sam "
          "Smith|North|2026-03-01|2|1|2015-05-01|NULL",
          "P5|C3|Cara Brown|child-protection|MUL|2025-11-20|56|NULL|NULL|2026-01-29|0|0|2012-09-09|NULL"});
  CHECK(run(*s.db, "caseload", known(k_d2, k_d2)) ==
        Rows{"NULL|NULL|1|0|0", "Ann Jones|South|1|1|1", "Old Worker|North|1|0|0", "Sam Smith|North|2|3|2"});
  CHECK(run(*s.db, "reviews-due", known(k_d2, k_d2)) ==
        Rows{"P6|C1|Amy Brown|NULL|2025-04-05|-285|overdue|2025-01-05|2015-05-01|NULL",
             "P3|C3|Cara Brown|NULL|2025-06-01|-228|overdue|2025-03-01|2012-09-09|NULL",
             "P2|C2|Ben Adams|2025-04-08|2025-10-08|-99|overdue|2025-01-10|2018-02-10|NULL",
             "P5|C3|Cara Brown|NULL|2026-01-29|14|due-soon|2025-11-20|2012-09-09|NULL",
             "P1|C1|Amy Brown|2025-09-01|2026-03-01|45|ok|2025-06-02|2015-05-01|NULL"});

  // chronology: no R3 on D2; no A4 done on D0; no end of P2 on D2.
  Params c1 = known(k_d2, k_d2);
  c1["child"] = std::int64_t{1};
  Rows c1_rows = run(*s.db, "chronology", c1);
  CHECK(c1_rows.size() == 12);
  CHECK(std::none_of(c1_rows.begin(), c1_rows.end(), [](const auto& r) { return r.find("|R3|") != r.npos; }));
  c1["as_of"] = c1["known_at"] = std::string(k_d0);
  CHECK(run(*s.db, "chronology", c1).size() == 9);
  CHECK(run(*s.db, "chronology", c1).back() == "2025-11-01|action-due|A4|due: Safety plan (social-care)");
  c1.erase("known_at");
  CHECK(run(*s.db, "chronology", c1).back() == "2025-11-20|action-done|A4|done: Safety plan");
  Params c2 = known(k_d2, k_d2);
  c2["child"] = std::int64_t{2};
  CHECK(run(*s.db, "chronology", c2).back() == "2025-10-01|action-due|A7|due: GP check (health)");

  CHECK(run(*s.db, "migration", known("2026-02-01", k_d2)).size() == 1);
  CHECK(run(*s.db, "migration", as_of("2026-02-01")).size() == 2);
}

TEST_CASE("lists known at a date: records as they were, later ones left out") {
  ics_test::ScratchDb s;
  fill_fixture(*s.db);
  enter_late(*s.db);
  auto ids = [](const Rows& rows) {
    std::string out;
    for (const auto& row : rows) out += (out.empty() ? "" : " ") + row.substr(0, row.find('|'));
    return out;
  };
  // C5 entered later; C2's P2 not yet ended.
  CHECK(run(*s.db, "list-children", known(k_d2, k_d2)) ==
        Rows{"C1|Amy|Brown|2015-05-01|NULL|F|NULL|NULL|NULL|2",
             "C2|Ben|Adams|2018-02-10|NULL|M|NULL|NULL|NULL|1",
             "C3|Cara|Brown|2012-09-09|NULL|F|NULL|NULL|NULL|2",
             "C4|Unborn|Young|NULL|2026-03-01|U|NULL|NULL|NULL|0"});
  CHECK(ids(run(*s.db, "list-children", as_of(k_d2))) == "C1 C2 C3 C4 C5");

  // P1's latest category as R3 (entered later) had not yet set it; P2 not yet ended.
  Rows plans = run(*s.db, "list-plans", known(k_d2, k_d2));
  CHECK(ids(plans) == "P1 P2 P3 P4 P5 P6");
  CHECK(plans[0] == "P1|C1|child-protection|child-protection|NEG|NEG|2025-06-02|NULL|NULL|Sam Smith|North");
  CHECK(plans[1] == "P2|C2|child-protection|child-protection|PHY|PHY|2025-01-10|NULL|NULL|Sam Smith|North");
  CHECK(run(*s.db, "list-plans", as_of(k_d2))[0] ==
        "P1|C1|child-protection|child-protection|NEG|EMO|2025-06-02|NULL|NULL|Sam Smith|North");
  CHECK(ids(run(*s.db, "list-plans", known(k_d0, k_d0))) == "P1 P2 P3 P4 P6");
  Params open = known(k_d2, k_d2);
  open["open_only"] = std::int64_t{1};
  CHECK(ids(run(*s.db, "list-plans", open)) == "P1 P2 P3 P5 P6");
  open["child"] = std::int64_t{2};
  CHECK(ids(run(*s.db, "list-plans", open)) == "P2");

  // A4 done on 2025-11-20, entered on 2025-11-24: open as known on D0; A9 not yet entered.
  Params a = known(k_d0, k_d0);
  a["plan"] = std::int64_t{1};
  CHECK(run(*s.db, "list-actions", a)[3] ==
        "A4|P1|safety|Safety plan|Sam Smith|social-care|2025-11-01|open|NULL|C1");
  a["status"] = std::string("done");
  CHECK(ids(run(*s.db, "list-actions", a)) == "A1 A3");
  a["plan"] = std::monostate{};
  a["status"] = std::string("open");
  CHECK(ids(run(*s.db, "list-actions", a)) == "A2 A4 A5 A7 A8");
  a.erase("known_at");
  CHECK(ids(run(*s.db, "list-actions", a)) == "A2 A5 A7 A8 A9");
}

TEST_CASE("report builtins: every definition runs on an empty and a full database with its columns") {
  auto defs = ics::report::builtin_definitions();
  std::vector<std::string> names;
  for (const auto& def : defs) names.push_back(def.name);
  CHECK(std::is_sorted(names.begin(), names.end()));
  // The reports of this fixture; other modules may add definitions of their own.
  const std::vector<std::string> k_mine = {"caseload",        "chronology", "list-actions",
                                           "list-children",   "list-plans", "open-plans",
                                           "overdue-actions", "register",   "reviews-due"};
  for (const auto& name : k_mine) CHECK(std::find(names.begin(), names.end(), name) != names.end());
  for (const auto& def : defs) {
    CHECK(def.source == "reports/" + def.name + ".yaml");
    // unlisted: the definitions behind `list`, `export annex-a`, `export cp-is` and `export actions
    // --for-agency`
    CHECK(def.listed == !(def.name.starts_with("list-") || def.name.starts_with("annex-a-") ||
                          def.name == "cp-is" || def.name == "agency-actions"));
    CHECK(def.parameters.front() == "as_of");
  }
  CHECK(ics::report::find_definition("chronology").parameters == std::vector<std::string>{"as_of", "child"});
  CHECK(ics::report::find_definition("list-plans").optional_parameters ==
        std::vector<std::string>{"open_only"});
  CHECK(ics::report::find_definition("list-plans").filters.size() == 7);

  ics_test::ScratchDb empty, full;
  fill_fixture(*full.db);
  for (auto* db : {empty.db.get(), full.db.get()}) {
    for (const auto& def : defs) {
      INFO("report ", def.name);
      Params params = as_of(k_d2);
      for (const auto& name : def.parameters)
        if (name != "as_of") params[name] = std::int64_t{1};
      ics::util::RowBuffer buffer;
      REQUIRE_NOTHROW(ics::report::run_report(*db, def, params, buffer));
      check_types(def, buffer);
      bool mine = std::find(k_mine.begin(), k_mine.end(), def.name) != k_mine.end();
      if (db == empty.db.get() && def.name != "plan-stats")  // plan-stats: its indicators, each 0
        CHECK(buffer.rows().empty());
      else if (mine)
        CHECK_FALSE(buffer.rows().empty());
    }
  }
}

TEST_CASE("report runner: refuses missing, unknown and malformed parameters") {
  ics_test::ScratchDb s;
  ics::util::RowBuffer buffer;
  const Definition& chronology = ics::report::find_definition("chronology");
  CHECK_THROWS_WITH_AS(ics::report::run_report(*s.db, chronology, as_of(k_d1), buffer),
                       "report 'chronology' needs the parameter 'child'", ics::InvalidInput);
  Params null_child = as_of(k_d1);
  null_child["child"] = std::monostate{};
  CHECK_THROWS_AS(ics::report::run_report(*s.db, chronology, null_child, buffer), ics::InvalidInput);
  const Definition& reg = ics::report::find_definition("register");
  CHECK_THROWS_WITH_AS(ics::report::run_report(*s.db, reg, {}, buffer),
                       "report 'register' needs the parameter 'as_of'", ics::InvalidInput);
  CHECK_THROWS_AS(ics::report::run_report(*s.db, reg, as_of("15/11/2025"), buffer), ics::InvalidInput);
  CHECK_THROWS_AS(ics::report::run_report(*s.db, reg, {{"as_of", std::int64_t{20251115}}}, buffer),
                  ics::InvalidInput);
  Params extra = as_of(k_d1);
  extra["plan"] = std::int64_t{1};
  CHECK_THROWS_WITH_AS(ics::report::run_report(*s.db, reg, extra, buffer),
                       "report 'register' has no parameter 'plan'", ics::InvalidInput);
}

TEST_CASE("report runner: binds known_at on every report, the given date or 9999-12-31") {
  ics_test::ScratchDb s;
  ics::util::RowBuffer buffer;
  Definition def = ics::report::parse_definition(R"(
name: dates
title: Dates
row: one
parameters: [as_of]
columns:
  - {name: as_of, type: date, description: as of}
  - {name: known_at, type: date, description: known at}
query: SELECT :as_of AS as_of, :known_at AS known_at
)",
                                                 "dates.yaml");
  auto dates = [&](const Params& params) {
    ics::util::RowBuffer rows;
    ics::report::run_report(*s.db, def, params, rows);
    REQUIRE(rows.rows().size() == 1);
    return std::get<std::string>(rows.rows()[0][0]) + " " + std::get<std::string>(rows.rows()[0][1]);
  };
  CHECK(dates(as_of(k_d1)) == "2025-11-15 9999-12-31");  // left out: everything entered is known
  Params known = as_of(k_d2);
  known["known_at"] = std::string(k_d1);  // earlier than as_of: allowed
  CHECK(dates(known) == "2026-01-15 2025-11-15");
  known["known_at"] = std::monostate{};  // null: as if left out
  CHECK(dates(known) == "2026-01-15 9999-12-31");
  def.optional_parameters = {"known_at"};  // listed as optional: bound all the same, never null
  CHECK(dates(as_of(k_d1)) == "2025-11-15 9999-12-31");
  // A report that lists no parameter but as_of still takes known_at; a bad one is refused by name.
  const Definition& reg = ics::report::find_definition("register");
  known["known_at"] = std::string("2025-02-30");
  CHECK_THROWS_WITH_AS(ics::report::run_report(*s.db, reg, known, buffer),
                       "'known_at' is not a date (YYYY-MM-DD): '2025-02-30'", ics::InvalidInput);
  known["known_at"] = std::int64_t{20251115};
  CHECK_THROWS_AS(ics::report::run_report(*s.db, reg, known, buffer), ics::InvalidInput);
  known["known_at"] = std::string(k_d1);
  CHECK_NOTHROW(ics::report::run_report(*s.db, reg, known, buffer));
}

TEST_CASE("report runner: a query whose columns are not the declared ones is a storage error") {
  ics_test::ScratchDb s;
  ics::util::RowBuffer buffer;
  Definition def = ics::report::parse_definition(R"(
name: broken
title: Broken
row: nothing
parameters: [as_of]
columns:
  - {name: a, type: text, description: first}
  - {name: b, type: integer, description: second}
query: SELECT 'x' AS a, 1 AS c
)",
                                                 "broken.yaml");
  CHECK_THROWS_WITH_AS(ics::report::run_report(*s.db, def, as_of(k_d1), buffer),
                       "report 'broken': the query returns the columns (a, c), not those declared in "
                       "broken.yaml (a, b)",
                       ics::StorageError);
  def.query = "SELECT 'x' AS a";
  CHECK_THROWS_AS(ics::report::run_report(*s.db, def, as_of(k_d1), buffer), ics::StorageError);
  def.query = "SELECT 'x' AS a, 1 AS b FROM no_such_table";
  CHECK_THROWS_AS(ics::report::run_report(*s.db, def, as_of(k_d1), buffer), ics::StorageError);
  CHECK(buffer.columns().empty());  // the sink saw nothing
  def.query = "SELECT :as_of AS a, 7 AS b";
  ics::report::run_report(*s.db, def, as_of(k_d1), buffer);
  REQUIRE(buffer.rows().size() == 1);
  CHECK(std::get<std::string>(buffer.rows()[0][0]) == k_d1);
  CHECK(buffer.columns()[1].type == "integer");
}

TEST_CASE("report definitions: find_definition and parse errors with file, line and column") {
  CHECK_THROWS_WITH_AS(ics::report::find_definition("no-such"), "no report 'no-such'", ics::NotFound);
  CHECK(ics::report::find_definition("register").title == "Child protection register");

  const std::string good =
      "name: demo\n"                                              // 1
      "title: Demo\n"                                             // 2
      "row: thing\n"                                              // 3
      "parameters: [as_of, plan]\n"                               // 4
      "optional_parameters: [status]\n"                           // 5
      "listed: false\n"                                           // 6
      "columns:\n"                                                // 7
      "  - {name: plan_id, type: text, description: the plan}\n"  // 8
      "  - {name: n, type: integer, description: a count}\n"      // 9
      "query: |\n"                                                // 10
      "  SELECT 1\n";                                             // 11
  Definition def = ics::report::parse_definition(good, "demo.yaml");
  CHECK(def.name == "demo");
  CHECK(def.row == "thing");
  CHECK(def.parameters == std::vector<std::string>{"as_of", "plan"});
  CHECK(def.optional_parameters == std::vector<std::string>{"status"});
  CHECK_FALSE(def.listed);
  REQUIRE(def.columns.size() == 2);
  CHECK(def.columns[1].name == "n");
  CHECK(def.columns[1].type == "integer");
  CHECK(def.columns[1].description == "a count");
  CHECK(def.query == "SELECT 1\n");
  CHECK(def.source == "demo.yaml");

  auto error = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    try {
      ics::report::parse_definition(text, "demo.yaml");
    } catch (const ics::InvalidInput& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error("type: integer", "type: number") ==
        "demo.yaml:9:21: column type 'number' is not one of text, integer, date");
  CHECK(error("listed: false", "colour: red") ==
        "demo.yaml:6:1: unknown key 'colour' in report definition (expected name, title, row, parameters, "
        "optional_parameters, thresholds, filters, listed, columns, query)");
  CHECK(error("listed: false", "listed: maybe") == "demo.yaml:6:9: 'listed' must be true or false");
  CHECK(error("[as_of, plan]", "[plan]") == "demo.yaml:4:13: 'parameters' must include as_of");
  CHECK(error("[status]", "[plan]") == "demo.yaml:5:23: parameter 'plan' is listed twice");
  CHECK(error("[as_of, plan]", "[as_of, known_at]") ==
        "demo.yaml:4:21: known_at is bound for every report (runner.hpp): it is not a required parameter");
  CHECK(error("[status]", "[known_at]") == "no error");  // optional: as if not listed
  CHECK(error("name: n,", "name: plan_id,") == "demo.yaml:9:12: column 'plan_id' is listed twice");
  CHECK(error("name: demo", "name: Demo Report") ==
        "demo.yaml:1:7: report name 'Demo Report' must be lower-case letters, digits and '-'");
  CHECK(error("title: Demo\n", "") == "demo.yaml:1:1: missing required key 'title' in report definition");
  CHECK(error("row: thing", "row: [a").starts_with("demo.yaml:"));
  CHECK(error("description: a count", "description: \xff") ==
        "demo.yaml:9:43: text is not valid UTF-8 (byte 0xff)");
  CHECK(error("query: |\n  SELECT 1\n", "query:\n") == "demo.yaml:10:1: 'query' must not be empty");
  CHECK_THROWS_WITH_AS(ics::report::parse_definition("", "empty.yaml"),
                       "empty.yaml:1:1: report definition is empty", ics::InvalidInput);
  // thresholds: a name not taken by a parameter, a whole-number default
  const std::string line6 = "listed: false";
  auto with = [&](const std::string& item) { return error(line6, "thresholds:\n  - " + item); };
  CHECK(with("{name: days, default: 10, description: d}") == "no error");
  CHECK(with("{name: days, default: -1, description: d}") ==
        "demo.yaml:7:27: a threshold's default must be a whole number >= 0");
  CHECK(with("{name: days, default: ten, description: d}") ==
        "demo.yaml:7:27: a threshold's default must be a whole number >= 0");
  CHECK(with("{name: status, default: 1, description: d}") ==
        "demo.yaml:7:12: 'status' is listed twice among the parameters and thresholds");
  CHECK(with("{name: Days, default: 1, description: d}") ==
        "demo.yaml:7:12: threshold name 'Days' must be lower-case letters, digits and '_'");
  CHECK(with("{name: days, default: 1}") == "demo.yaml:7:5: missing required key 'description' in threshold");
}

TEST_CASE("report thresholds: the definition's value bound unless given, a given one checked") {
  ics_test::ScratchDb s;
  Definition def = ics::report::parse_definition(R"(
name: demo
title: Demo
row: one
parameters: [as_of]
thresholds:
  - {name: days, default: 10, description: a number of days}
columns:
  - {name: days, type: integer, description: the threshold}
query: SELECT :days AS days
)",
                                                 "demo.yaml");
  REQUIRE(def.thresholds.size() == 1);
  CHECK(def.thresholds[0].value == 10);
  CHECK(def.thresholds[0].description == "a number of days");
  auto run = [&](Params params) {
    ics::util::RowBuffer buffer;
    ics::report::run_report(*s.db, def, params, buffer);
    REQUIRE(buffer.rows().size() == 1);
    return std::get<std::int64_t>(buffer.rows()[0][0]);
  };
  CHECK(run(as_of(k_d1)) == 10);
  Params given = as_of(k_d1);
  given["days"] = std::string("3");
  CHECK(run(given) == 3);
  given["days"] = std::string("0");
  CHECK(run(given) == 0);
  given["days"] = std::string("3x");
  CHECK_THROWS_WITH_AS(run(given), "'days' is not a whole number of at most 9 digits: '3x'",
                       ics::InvalidInput);
  given["days"] = std::string("1234567890");
  CHECK_THROWS_AS(run(given), ics::InvalidInput);
  CHECK(ics::report::parse_threshold("007") == 7);
  CHECK_FALSE(ics::report::parse_threshold("").has_value());
  CHECK_FALSE(ics::report::parse_threshold("+1").has_value());
}

TEST_CASE(
    "report filters: declared by name or with values, each read by the query, errors with file:line:column") {
  const std::string good =
      "name: demo\n"                                                                                 // 1
      "title: Demo\n"                                                                                // 2
      "row: thing\n"                                                                                 // 3
      "parameters: [as_of]\n"                                                                        // 4
      "optional_parameters: [plan]\n"                                                                // 5
      "filters: [agency, {name: status, values: [open, done]}, due_before]\n"                        // 6
      "columns:\n"                                                                                   // 7
      "  - {name: n, type: integer, description: a count}\n"                                         // 8
      "query: |\n"                                                                                   // 9
      "  SELECT count(*) AS n WHERE (:agency IS NULL OR :status IS NULL OR :due_before IS NULL)\n";  // 10
  Definition def = ics::report::parse_definition(good, "demo.yaml");
  REQUIRE(def.filters.size() == 3);
  CHECK(def.filters[0].name == "agency");
  CHECK(def.filters[0].values.empty());
  CHECK(def.filters[1].name == "status");
  CHECK(def.filters[1].values == std::vector<std::string>{"open", "done"});
  CHECK(ics::report::find_filter(def, "due_before") == &def.filters[2]);
  CHECK(ics::report::find_filter(def, "owner") == nullptr);

  auto error = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    try {
      ics::report::parse_definition(text, "demo.yaml");
    } catch (const ics::InvalidInput& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error("[agency,", "[agnecy,") ==
        "demo.yaml:6:11: unknown filter 'agnecy' (the filters are agency, owner, worker, team, child, "
        "category, kind, status, due_before, due_after, since, until)");
  CHECK(error("due_before]", "agency]") ==
        "demo.yaml:6:57: 'agency' is listed twice among the parameters, thresholds and filters");
  CHECK(error("[agency,", "[plan,") ==
        "demo.yaml:6:11: unknown filter 'plan' (the filters are agency, owner, "
        "worker, team, child, category, kind, status, due_before, due_after, "
        "since, until)");
  CHECK(error("OR :due_before IS NULL", "") ==
        "demo.yaml:6:57: filter 'due_before' is not read by the query (:due_before)");
  // ":agency_x" is another parameter, not :agency
  CHECK(error("(:agency IS NULL", "(:agency_x IS NULL") ==
        "demo.yaml:6:11: filter 'agency' is not read by the query (:agency)");
  CHECK(error("{name: status, values: [open, done]}", "{name: agency, values: [x]}")
            .find("filter 'agency' takes the values of its own kind: it has no 'values'") !=
        std::string::npos);
  CHECK(error("values: [open, done]", "values: []") ==
        "demo.yaml:6:42: 'values' must list the values the filter takes");
  CHECK(error("values: [open, done]", "colours: [red]")
            .starts_with("demo.yaml:6:34: unknown key 'colours' in filter"));
}

TEST_CASE("report filters: bound as null when not given, a value checked as its kind says") {
  ics_test::ScratchDb s;
  fill_fixture(*s.db);
  auto ids = [](const Rows& rows) {
    std::string out;
    for (const auto& row : rows) out += (out.empty() ? "" : " ") + row.substr(0, row.find('|'));
    return out;
  };
  Params p = as_of(k_d2);
  // overdue-actions on k_d2: A2 (health), A5 is not yet due, A7's plan ended, A8 (P3, CIN), A9 (P5)
  CHECK(ids(run(*s.db, "overdue-actions", p)) == "A2 A8 A9");
  p["agency"] = std::string("health");
  CHECK(ids(run(*s.db, "overdue-actions", p)) == "A2");
  p.erase("agency");
  p["kind"] = std::string("child-in-need");
  CHECK(ids(run(*s.db, "overdue-actions", p)) == "A8");
  p.erase("kind");
  p["child"] = std::int64_t{3};
  CHECK(ids(run(*s.db, "overdue-actions", p)) == "A8 A9");
  p["due_before"] = std::string("2025-12-01");
  CHECK(ids(run(*s.db, "overdue-actions", p)) == "A8");
  p["due_before"] = std::string("2025-11-15");  // before: the day itself is not included
  CHECK(ids(run(*s.db, "overdue-actions", p)).empty());

  const auto& reviews = ics::report::find_definition("reviews-due");
  const auto& status = *ics::report::find_filter(reviews, "status");
  CHECK(std::get<std::string>(ics::report::filter_text_value(status, "overdue")) == "overdue");
  CHECK_THROWS_WITH_AS(ics::report::filter_text_value(status, "late"),
                       "'status' must be one of overdue, due-soon, ok: 'late'", ics::InvalidInput);
  const auto& overdue = ics::report::find_definition("overdue-actions");
  CHECK_THROWS_WITH_AS(ics::report::filter_text_value(*ics::report::find_filter(overdue, "agency"), "helth"),
                       doctest::Contains("is not in the agency list"), ics::InvalidInput);
  CHECK_THROWS_AS(ics::report::filter_text_value(*ics::report::find_filter(overdue, "owner"), "  "),
                  ics::InvalidInput);
  CHECK_THROWS_AS(
      ics::report::filter_text_value(
          *ics::report::find_filter(ics::report::find_definition("register"), "category"), "NEGLECT"),
      ics::InvalidInput);
  // a filter the definition does not take is refused by the runner too
  Params other = as_of(k_d2);
  other["agency"] = std::string("health");
  ics::util::RowBuffer buffer;
  CHECK_THROWS_WITH_AS(ics::report::run_report(*s.db, reviews, other, buffer),
                       "report 'reviews-due' has no parameter 'agency'", ics::InvalidInput);
}

TEST_CASE("report repeat-plans: within N months of the previous end, a day the month lacks as its last") {
  ics_test::ScratchDb s;
  ics::store::connection(*s.db).exec(R"SQL(
    INSERT INTO template_snapshot (id, name, version, hash, body) VALUES (1, 'child-protection', 1, 'h1', 'x');
    INSERT INTO child (id, given_names, family_name, date_of_birth, sex, nhs_number) VALUES
      (1, 'Amy', 'Brown', '2015-05-01', 'F', '9434765919'), (2, 'Ben', 'Adams', '2016-01-01', 'M', NULL),
      (3, 'Cy', 'Dee', '2017-01-01', 'M', NULL);
    INSERT INTO plan (id, child_id, template_id, kind, initial_category, start_date, end_date, end_reason) VALUES
      (1, 1, 1, 'child-protection', 'NEG', '2023-01-01', '2023-12-31', 'no-longer-at-risk'),
      (2, 1, 1, 'child-protection', 'EMO', '2024-02-29', NULL, NULL),
      (3, 2, 1, 'child-protection', 'PHY', '2023-01-01', '2023-12-31', 'other'),
      (4, 2, 1, 'child-protection', 'PHY', '2024-03-01', NULL, NULL),
      (5, 3, 1, 'child-protection', 'NEG', '2023-06-01', NULL, NULL),
      (6, 3, 1, 'child-protection', 'NEG', '2024-01-01', NULL, NULL);
  )SQL");
  Params p = as_of("2024-06-01");
  p["months"] = std::string("2");
  // 31 December + 2 months is 29 February (2024): P2 is within, P4 (1 March) is not; P6's previous
  // plan has not ended (an imported overlap): no row.
  CHECK(run(*s.db, "repeat-plans", p) ==
        Rows{"C1|Amy Brown|2015-05-01|9434765919|P2|2024-02-29|EMO|NULL|NULL|P1|2023-01-01|2023-12-31|"
             "no-longer-at-risk|60"});
  p["months"] = std::string("3");
  CHECK(run(*s.db, "repeat-plans", p).size() == 2);
  p.erase("months");  // 24 by default
  CHECK(run(*s.db, "repeat-plans", p).size() == 2);
  p["as_of"] = std::string("2024-02-28");  // P2 has not started
  CHECK(run(*s.db, "repeat-plans", p).empty());
}
