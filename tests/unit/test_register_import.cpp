#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/io/register_import.hpp>
#include <ics/io/register_import_keys.hpp>
#include <ics/io/register_import_match.hpp>
#include <ics/io/register_import_row.hpp>
#include <ics/plan/calendars.hpp>
#include <ics/plan/operations.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <map>
#include <sstream>

using namespace ics;
using io::ChildMatcher;
using util::Date;

namespace {

const Date k_today(2026, 11, 22);

const std::string k_mapping = R"(date_formats: ["%d/%m/%Y"]
columns:
  ref: ref
  child_ref: person
  family_name: surname
  given_names: forenames
  date_of_birth: dob
  sex: gender
  nhs_number: nhs
  category: category
  start_date: start
  end_date: end
  end_reason: reason
values:
  category: {Neglect: NEG}
  end_reason: {NLR: no-longer-at-risk}
)";
const std::string k_header = "ref,person,surname,forenames,dob,gender,nhs,category,start,end,reason\n";

}  // namespace

TEST_CASE("key index: dense ids, found again after growing") {
  io::KeyIndex keys;
  bool added = false;
  for (int i = 0; i < 5000; ++i) {
    CHECK(keys.intern("PER" + std::to_string(i), added) == static_cast<std::uint32_t>(i));
    CHECK(added);
  }
  CHECK(keys.intern("PER42", added) == 42);
  CHECK_FALSE(added);
  CHECK(keys.find("PER4999") == 4999u);
  CHECK_FALSE(keys.find("PER5000"));
  CHECK(keys.key(17) == "PER17");
  CHECK(keys.intern("", added) == 5000);
}

TEST_CASE("child matcher: person ids and NHS numbers join rows transitively") {
  ChildMatcher m;
  m.add_row("P1", "", Date(2010, 1, 1), 2);            // 0
  m.add_row("P2", "9434765919", Date(2012, 1, 1), 3);  // 1
  m.add_row("P1", "9434765919", Date(2008, 1, 1), 4);  // 2: joins 0 and 1
  m.add_row("", "", Date(2011, 1, 1), 5);              // 3: alone
  m.add_row("P3", "9434765927", Date(2011, 1, 1), 6);  // 4
  m.add_row("", "9434765927", Date(2011, 1, 1), 7);    // 5: same start as 4, later in the file
  auto clashes = m.resolve({}, {});
  CHECK(clashes.empty());
  CHECK(m.group_of(0) == 0);
  CHECK(m.group_of(1) == 0);
  CHECK(m.group_of(2) == 0);
  CHECK(m.group_of(3) == 3);
  CHECK(m.group_of(5) == 4);
  CHECK(m.new_children() == 3);
  CHECK(m.existing_children() == 0);
  // by start date: row 2 (2008), row 0 (2010), row 1 (2012)
  CHECK(m.plans_before(2) == 0);
  CHECK(m.plans_before(0) == 1);
  CHECK(m.plans_before(1) == 2);
  CHECK(m.is_latest(1));
  CHECK_FALSE(m.is_latest(0));
  CHECK(m.plans_before(4) == 0);
  CHECK(m.plans_before(5) == 1);
  CHECK(m.is_latest(5));
  CHECK(m.is_latest(3));
  m.set_child(2, 77);
  CHECK(m.child_of(0) == 77);
  CHECK(m.child_of(3) == 0);
  m.set_child(5, 78);
  // each new person id once, with its child, in the order of its text; not P1 and P3, the person
  // ids of the rows children 77 and 78 are created from (their legacy ids)
  auto persons = m.new_persons();
  REQUIRE(persons.size() == 1);
  CHECK(persons[0].person == "P2");
  CHECK(persons[0].child == 77);
}

TEST_CASE("child matcher: children already in the database") {
  ChildMatcher m;
  m.add_row("P1", "", Date(2010, 1, 1), 2);            // 0: P1 is child 5
  m.add_row("", "9434765919", Date(2011, 1, 1), 3);    // 1: this NHS number is child 5 too
  m.add_row("P9", "9434765927", Date(2012, 1, 1), 4);  // 2: P9 is child 6, the NHS number child 7
  m.add_row("P4", "", Date(2012, 1, 1), 5);            // 3: new
  std::map<std::string, std::int64_t> persons{{"P1", 5}, {"P9", 6}};
  std::map<std::string, std::int64_t> nhs{{"9434765919", 5}, {"9434765927", 7}};
  auto lookup = [](const std::map<std::string, std::int64_t>& table) {
    return [&table](std::string_view key) -> std::optional<std::int64_t> {
      auto it = table.find(std::string(key));
      if (it == table.end()) return std::nullopt;
      return it->second;
    };
  };
  auto clashes = m.resolve(lookup(persons), lookup(nhs));
  CHECK(m.group_of(1) == 0);  // both name child 5: one child
  CHECK(m.child_of(1) == 5);
  CHECK(m.matched_existing(0));
  CHECK(m.child_of(2) == 6);  // by person id first
  REQUIRE(clashes.size() == 1);
  CHECK(clashes[0].field == "nhs_number");
  CHECK(clashes[0].value == "9434765927");
  CHECK(clashes[0].kept == 6);
  CHECK(clashes[0].other == 7);
  CHECK(clashes[0].line == 4);
  CHECK_FALSE(m.matched_existing(3));
  m.set_child(3, 8);
  // P1 and P9 are in the database already; P4 becomes child 8's legacy id as it is created
  CHECK(m.new_persons().empty());
  CHECK(m.existing_children() == 2);
  CHECK(m.new_children() == 1);
}

TEST_CASE("row checker: rejections and warnings") {
  auto mapping = io::parse_mapping(k_mapping, "m.yaml");
  std::vector<std::string> header{"ref", "person",   "surname", "forenames", "dob",   "gender",
                                  "nhs", "category", "start",   "end",       "reason"};
  io::RowChecker checker(mapping, header, k_today, {"NEG", "PHY", "SAB", "EMO", "MUL"});
  auto check = [&](std::vector<std::string> fields, std::vector<io::RowIssue>* warnings = nullptr) {
    std::string ref;
    if (auto issue = checker.read_ref(fields, 9, ref)) return *issue;
    io::RegisterRow row;
    row.ref = ref;
    std::vector<io::RowIssue> w;
    auto issue = checker.read(fields, 9, row, w);
    if (warnings) *warnings = w;
    return issue.value_or(io::RowIssue{});
  };
  auto rejected = [&](std::vector<std::string> fields) {
    auto issue = check(std::move(fields));
    CHECK(issue.rejected);
    return issue.field + " " + issue.reason;
  };
  std::vector<std::string> good{"R1",      "P1",         "Smith", "Amy", "01/02/2015", "F", "9434765919",
                                "Neglect", "01/03/2020", "",      ""};
  CHECK_FALSE(check(good).rejected);
  auto with = [&](size_t column, std::string value) {
    auto fields = good;
    fields[column] = std::move(value);
    return fields;
  };
  CHECK(rejected(with(0, " ")) == "ref is empty");
  CHECK(rejected({"R1", "P1"}) == "row has 2 fields where the header has 11");
  CHECK(rejected(with(2, "")) == "family_name is empty");
  CHECK(rejected(with(8, "")) == "start_date is missing");
  CHECK(rejected(with(8, "31/02/2020")) ==
        "start_date is not a date in the mapping's date formats (%d/%m/%Y)");
  CHECK(rejected(with(8, "23/11/2026")) == "start_date is after today");
  CHECK(rejected(with(9, "2021-01-01")) == "end_date is not a date in the mapping's date formats (%d/%m/%Y)");
  CHECK(rejected(with(9, "29/02/2020")) == "end_date is before the start date (2020-03-01)");
  CHECK(rejected(with(7, "Neglet")) == "category has no mapping");
  CHECK(rejected(with(7, "")) == "category is missing");
  CHECK(rejected(with(3, "Zo\xEB")) == "given_names is not valid UTF-8");
  CHECK(check(with(3, "Zo\xEB")).value == "Zo\\xEB");

  std::vector<io::RowIssue> warnings;
  auto fields = with(6, "1234567890");
  fields[4] = "N/K";
  fields[5] = "X";
  CHECK_FALSE(check(fields, &warnings).rejected);
  REQUIRE(warnings.size() == 3);
  CHECK(warnings[0].field == "date_of_birth");
  CHECK(warnings[1].field == "sex");
  CHECK(warnings[1].reason == "has no mapping (recorded as U)");
  CHECK(warnings[2].field == "nhs_number");
  CHECK(warnings[2].reason == "is not a valid NHS number (dropped)");
}

TEST_CASE("row checker: a mapped column missing from the header names the mapping's line") {
  auto mapping = io::parse_mapping(k_mapping, "m.yaml");
  std::vector<std::string> header{"ref", "person", "surname"};
  CHECK_THROWS_WITH_AS(
      io::RowChecker(mapping, header, k_today, {}),
      doctest::Contains("m.yaml:6:16: column 'forenames' (for 'given_names') is not in the file's header"),
      InvalidInput);
}

namespace {

struct Importer : ics_test::ScratchDb {
  io::Mapping mapping = io::parse_mapping(k_mapping, "m.yaml");
  plan::Template tmpl = plan::TemplateLibrary({}).find("child-protection");
  util::Calendar calendar = plan::load_calendar(tmpl.calendar, {});
  std::ostringstream rejects;
  std::vector<io::RowIssue> issues;

  io::RegisterResult run(const std::string& csv, bool dry_run = false,
                         std::function<bool(const io::ImportProgress&)> progress = {}) {
    std::istringstream in(k_header + csv);
    io::RegisterImport request;
    request.input = &in;
    request.file_name = "export.csv";
    request.mapping = &mapping;
    request.plan_template = &tmpl;
    request.calendar = &calendar;
    request.today = k_today;
    request.dry_run = dry_run;
    request.rejects = &rejects;
    request.on_issue = [this](const io::RowIssue& issue) { issues.push_back(issue); };
    request.on_progress = std::move(progress);
    return io::import_register(*db, context("import register"), request);
  }

  std::string text(const std::string& sql) { return db->sql().execAndGet(sql).getString(); }
  long number(const std::string& sql) { return db->sql().execAndGet(sql).getInt64(); }
};

const std::string k_rows =
    "R1,P1,Smith,Amy,01/02/2015,F,9434765919,Neglect,01/03/2020,01/09/2020,NLR\n"
    "R2,P1,Smith,Amy Rose,01/02/2015,F,,NEG,01/01/2022,,\n"
    "R3,P2,Jones,Unborn,,U,,Neglect,01/01/2021,01/06/2021,Moved away\n"
    "R1,P3,Brown,Tom,01/01/2016,M,,Neglect,01/01/2021,,\n"
    "R4,P4,Green,Ann,N/K,X,9434765927,Neglet,01/01/2021,,\n"
    "R5,,Green,Ann,,F,9434765919,PHY,01/01/2019,01/01/2020,Other\n";

}  // namespace

TEST_CASE_FIXTURE(Importer, "register import: plans, children, rejects, counts and the batch") {
  auto result = run(k_rows);
  const auto& c = result.counts;
  CHECK(c.rows_read == 6);
  CHECK(c.plans_created == 4);
  CHECK(c.rejected == 2);
  CHECK(c.already_imported == 0);
  CHECK(c.rows_read == c.plans_created + c.already_imported + c.rejected);
  CHECK(c.children_created == 2);  // R1, R2, R5 (person P1 and the NHS number) and R3
  CHECK(c.children_matched == 0);
  CHECK(c.warnings == 0);
  REQUIRE(result.batch_id);
  CHECK(count("plan") == 4);
  CHECK(count("child") == 2);
  CHECK(count("action") == 0);
  CHECK(count("audit WHERE command <> 'init'") == 1);
  CHECK(text("SELECT entity FROM audit") == "B1");
  CHECK(text("SELECT counts FROM import_batch") == io::counts_json(c));
  CHECK(text("SELECT sha256 FROM import_batch") == result.sha256);
  CHECK(rejects.str() ==
        "line,ref,field,value,reason\r\n"
        "5,R1,ref,R1,already appears on line 2\r\n"
        "6,R4,category,Neglet,has no mapping\r\n");
  // R5 starts first, then R1, then R2: the child's latest registration (R2) gave its names
  CHECK(number("SELECT previous_cp_plans FROM plan WHERE legacy_ref = 'R5'") == 0);
  CHECK(number("SELECT previous_cp_plans FROM plan WHERE legacy_ref = 'R1'") == 1);
  CHECK(number("SELECT previous_cp_plans FROM plan WHERE legacy_ref = 'R2'") == 2);
  CHECK(text("SELECT given_names FROM child c JOIN plan p ON p.child_id = c.id WHERE legacy_ref = 'R5'") ==
        "Amy Rose");
  CHECK(text("SELECT nhs_number FROM child c JOIN plan p ON p.child_id = c.id WHERE legacy_ref = 'R2'") ==
        "9434765919");
  CHECK(number("SELECT source_line FROM child WHERE id = 1") == 2);
  CHECK(text("SELECT end_reason || '|' || legacy_end_reason FROM plan WHERE legacy_ref = 'R3'") ==
        "other|Moved away");
  CHECK(text("SELECT end_reason FROM plan WHERE legacy_ref = 'R1'") == "no-longer-at-risk");
  CHECK(text("SELECT first_review_due FROM plan WHERE legacy_ref = 'R1'") == "2020-06-01");
  // the unborn child: no date of birth, no expected one either (none was given)
  CHECK(number("SELECT count(*) FROM child WHERE given_names = 'Unborn' AND date_of_birth IS NULL") == 1);
  // each new child keeps the person id of its first row as its legacy id
  CHECK(text("SELECT group_concat(ref) FROM (SELECT ref FROM child_all_refs ORDER BY ref)") == "P1,P2");
  CHECK(text("SELECT legacy_id FROM child WHERE id = 1") == "P1");
  CHECK(count("child_ref") == 0);
}

TEST_CASE_FIXTURE(Importer, "register import: a re-run creates nothing; a later export matches children") {
  run(k_rows);
  auto again = run(k_rows);
  CHECK(again.counts.plans_created == 0);
  CHECK(again.counts.already_imported == 4);
  CHECK(again.counts.rejected == 2);
  CHECK(count("plan") == 4);
  auto later =
      run("R9,P2,Jones,Baby,01/05/2021,F,,Neglect,01/01/2023,,\n"
          "R10,,Smith,Amy,,F,9434765919,EMO,01/01/2024,,\n");
  CHECK(later.counts.plans_created == 2);
  CHECK(later.counts.children_created == 0);
  CHECK(later.counts.children_matched == 2);
  CHECK(count("child") == 2);
  CHECK(number("SELECT previous_cp_plans FROM plan WHERE legacy_ref = 'R10'") == 3);
  CHECK(number("SELECT previous_cp_plans FROM plan WHERE legacy_ref = 'R9'") == 1);
  // existing children are left as they are
  CHECK(number("SELECT count(*) FROM child WHERE given_names = 'Baby'") == 0);
}

TEST_CASE_FIXTURE(Importer, "register import: an unborn child by date of birth, warnings counted") {
  auto result = run("U1,P7,Lee,Sam,01/06/2021,U,123,Neglect,01/03/2021,,\n");
  CHECK(result.counts.warnings == 1);
  REQUIRE(issues.size() == 1);
  CHECK_FALSE(issues[0].rejected);
  CHECK(issues[0].field == "nhs_number");
  CHECK(text("SELECT expected_dob FROM child") == "2021-06-01");
  CHECK(number("SELECT count(*) FROM child WHERE date_of_birth IS NULL") == 1);
}

TEST_CASE_FIXTURE(Importer, "register import: a dry run and a cancelled run write nothing") {
  auto dry = run(k_rows, true);
  CHECK(dry.counts.plans_created == 4);
  CHECK_FALSE(dry.batch_id);
  CHECK(count("plan") == 0);
  CHECK(count("import_batch") == 0);
  CHECK(count("audit WHERE command <> 'init'") == 0);
  int calls = 0;
  auto cancel = [&](const io::ImportProgress& p) { return ++calls < 3 || p.phase != "writing"; };
  CHECK_THROWS_AS(run(k_rows, false, cancel), Interrupted);
  CHECK(count("plan") == 0);
  CHECK(count("child") == 0);
  CHECK(count("import_batch") == 0);
}

TEST_CASE_FIXTURE(Importer, "register import: a file without a header, and a mapped column missing") {
  std::istringstream empty("");
  io::RegisterImport request;
  request.input = &empty;
  request.file_name = "empty.csv";
  request.mapping = &mapping;
  request.plan_template = &tmpl;
  request.calendar = &calendar;
  request.today = k_today;
  CHECK_THROWS_WITH_AS(io::import_register(*db, context(), request), "'file' has no header row: 'empty.csv'",
                       InvalidInput);
  CHECK(count("import_batch") == 0);
}
