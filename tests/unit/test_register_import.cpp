#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/io/register/import.hpp>
#include <ics/io/register/keys.hpp>
#include <ics/io/register/match.hpp>
#include <ics/io/register/read.hpp>
#include <ics/plan/calendars.hpp>
#include <ics/plan/template.hpp>
#include <ics/store/records.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
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

TEST_CASE("key index: dense ids, found again after growing or after a reserve") {
  io::KeyIndex keys;
  SUBCASE("grown as keys come") {}
  SUBCASE("sized first") {
    keys.reserve(5000, 8);
  }
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

TEST_CASE("key index: keys already in it are found after a reserve moves them") {
  io::KeyIndex keys;
  bool added = false;
  for (const char* key : {"A", "B", "C"}) keys.intern(key, added);
  keys.reserve(100000, 8);
  CHECK(keys.find("A") == 0u);
  CHECK(keys.find("C") == 2u);
  CHECK(keys.intern("D", added) == 3);
  CHECK(added);
}

TEST_CASE("child matcher: person ids and NHS numbers join rows transitively, as the rows come") {
  ChildMatcher m({}, 10);  // new children from id 10
  auto add = [&](std::string_view person, std::string_view nhs, Date start) {
    return m.add_row(person, nhs, start);  // a copy: valid after the next row
  };
  auto row0 = add("P1", "", Date(2010, 1, 1));
  CHECK(row0.create);  // a new child, created from this row
  CHECK(row0.child == 10);
  CHECK(row0.latest);
  CHECK(add("P2", "9434765919", Date(2012, 1, 1)).child == 11);
  // P1 is child 10 and the NHS number child 11: one child, the one of the earlier row, whose
  // details come from child 11 (it holds the later registration)
  auto row2 = add("P1", "9434765919", Date(2008, 1, 1));
  CHECK(row2.child == 10);
  CHECK_FALSE(row2.create);
  CHECK_FALSE(row2.existing);
  CHECK_FALSE(row2.latest);  // 2008 is before 2012
  REQUIRE(row2.folds.size() == 1);
  CHECK(row2.folds[0].from == 11);
  CHECK(row2.folds[0].into == 10);
  CHECK(row2.folds[0].from_created);
  CHECK(row2.folds[0].into_created);
  CHECK(row2.folds[0].from_is_later);
  CHECK(row2.clashes.empty());
  CHECK(add("", "", Date(2011, 1, 1)).child == 12);  // alone
  CHECK(add("P3", "9434765927", Date(2011, 1, 1)).child == 13);
  auto row5 = add("", "9434765927", Date(2011, 1, 1));  // same start as the row before, later in the file
  CHECK(row5.child == 13);
  CHECK(row5.latest);
  CHECK(row5.plans_before == 1);
  CHECK(row5.folds.empty());
  auto row6 = add("P4", "9434765919", Date(2013, 1, 1));  // P4: a further person id of child 10
  CHECK(row6.child == 10);
  CHECK(row6.latest);
  CHECK(row6.plans_before == 3);
  CHECK(m.new_children() == 3);
  CHECK(m.existing_children() == 0);
  // P1, P2 and P3 are the legacy ids of the children created from their rows
  auto persons = m.new_persons();
  REQUIRE(persons.size() == 1);
  CHECK(persons[0].person == "P4");
  CHECK(persons[0].child == 10);
  // child 10: two children joined, and a row that started before an earlier one
  CHECK(m.children_to_recount() == std::vector<std::int64_t>{10});
  CHECK(m.rows() == 7);
}

TEST_CASE("child matcher: children already in the database") {
  std::map<std::string, std::int64_t> persons{{"P1", 5}, {"P9", 6}};
  std::map<std::string, std::int64_t> nhs{{"9434765919", 5}, {"9434765927", 7}, {"9434765935", 30}};
  auto lookup = [](const std::map<std::string, std::int64_t>& table) {
    return [&table](std::string_view key) -> std::optional<std::int64_t> {
      auto it = table.find(std::string(key));
      if (it == table.end()) return std::nullopt;
      return it->second;
    };
  };
  ChildMatcher m({.child_by_person = lookup(persons), .child_by_nhs = lookup(nhs)}, 8);
  auto row0 = m.add_row("P1", "", Date(2010, 1, 1));  // P1 is child 5
  CHECK(row0.child == 5);
  CHECK(row0.existing);
  CHECK_FALSE(row0.latest);                                   // a child of the database keeps its details
  auto row1 = m.add_row("", "9434765919", Date(2011, 1, 1));  // this NHS number is child 5 too
  CHECK(row1.child == 5);
  CHECK(row1.plans_before == 1);
  CHECK(row1.folds.empty());
  // P9 is child 6, the NHS number child 7: the plan goes to the one found first, by person id
  auto row2 = m.add_row("P9", "9434765927", Date(2012, 1, 1));
  CHECK(row2.child == 6);
  REQUIRE(row2.clashes.size() == 1);
  CHECK(row2.clashes[0].field == "nhs_number");
  CHECK(row2.clashes[0].value == "9434765927");
  CHECK(row2.clashes[0].kept == 6);
  CHECK(row2.clashes[0].other == 7);
  CHECK(m.add_row("P4", "", Date(2012, 1, 1)).child == 8);  // new
  CHECK(m.add_row("P6", "", Date(2013, 1, 1)).child == 9);  // new, for now
  // P6 turns out to be child 30 of the database: child 9 folds into it
  auto row5 = m.add_row("P6", "9434765935", Date(2014, 1, 1));
  CHECK(row5.child == 30);
  CHECK(row5.existing);
  REQUIRE(row5.folds.size() == 1);
  CHECK(row5.folds[0].from == 9);
  CHECK(row5.folds[0].into == 30);
  CHECK(row5.folds[0].from_created);
  CHECK_FALSE(row5.folds[0].into_created);
  CHECK(m.add_row("P7", "9434765935", Date(2015, 1, 1)).child == 30);  // P7: new to the database
  // P1 (child 5) and the NHS number of child 6's group: this import's plans of child 6 go to 5
  auto row7 = m.add_row("P1", "9434765927", Date(2016, 1, 1));
  CHECK(row7.child == 5);
  REQUIRE(row7.clashes.size() == 1);
  CHECK(row7.clashes[0].kept == 5);
  CHECK(row7.clashes[0].other == 6);
  REQUIRE(row7.folds.size() == 1);
  CHECK(row7.folds[0].from == 6);
  CHECK(row7.folds[0].into == 5);
  CHECK_FALSE(row7.folds[0].from_created);
  // P4 is child 8's legacy id; P7 goes to child 30
  auto added = m.new_persons();
  REQUIRE(added.size() == 1);
  CHECK(added[0].person == "P7");
  CHECK(added[0].child == 30);
  CHECK(m.existing_children() == 2);  // 5 (with 6's plans) and 30
  CHECK(m.new_children() == 1);       // 8
  auto recount = m.children_to_recount();
  std::sort(recount.begin(), recount.end());
  CHECK(recount == std::vector<std::int64_t>{5, 30});
}

TEST_CASE("checked rows: rejections and warnings") {
  auto mapping = io::parse_mapping(k_mapping, "m.yaml");
  // The row's first issue (or none) and its warnings, as the reading unit finds them.
  auto check = [&](std::vector<std::string> fields, std::vector<io::RowIssue>* warnings = nullptr) {
    std::istringstream in(k_header + fmt::format("{}\n", fmt::join(fields, ",")));
    io::ChildMatcher matcher({}, 1);
    io::CheckedRows rows({.input = &in,
                          .file_name = "export.csv",
                          .mapping = &mapping,
                          .today = k_today,
                          .categories = {"NEG", "PHY", "SAB", "EMO", "MUL"}},
                         matcher);
    const io::CheckedRow* row = rows.next();
    REQUIRE(row != nullptr);
    if (warnings) *warnings = row->warnings;
    if (row->ref_issue) return *row->ref_issue;
    return row->row_issue.value_or(io::RowIssue{});
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
  CHECK(check(with(3, "Zo\xEB")).value == "Zo\\xeb");

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

TEST_CASE("checked rows: a mapped column missing from the header names the mapping's line") {
  auto mapping = io::parse_mapping(k_mapping, "m.yaml");
  std::istringstream in("ref,person,surname\nR1,P1,Smith\n");
  io::ChildMatcher matcher({}, 1);
  CHECK_THROWS_WITH_AS(
      io::CheckedRows({.input = &in, .file_name = "export.csv", .mapping = &mapping, .today = k_today},
                      matcher),
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

  std::string text(const std::string& sql) { return ics::store::connection(*db).execAndGet(sql).getString(); }
  long number(const std::string& sql) { return ics::store::connection(*db).execAndGet(sql).getInt64(); }
  long index_count() { return number("SELECT count(*) FROM sqlite_schema WHERE type = 'index'"); }
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

TEST_CASE_FIXTURE(Importer, "register import: a later row shows two children already created are one") {
  auto result =
      run("A1,P1,Smith,Amy,01/02/2015,F,,Neglect,01/03/2020,,\n"
          "A2,P2,Smith,Amelia,,U,9434765919,Neglect,01/01/2022,,\n"
          "A3,P1,Smith,Amy,,F,9434765919,Neglect,01/01/2018,01/06/2018,NLR\n");
  CHECK(result.counts.plans_created == 3);
  CHECK(result.counts.children_created == 1);
  CHECK(count("child") == 1);
  CHECK(count("plan WHERE child_id = 1") == 3);
  // the latest registration (A2) gave the names; sex and date of birth stay known; the NHS number
  // came from the child folded in, whose person id is now a further reference
  CHECK(text("SELECT given_names || '|' || sex || '|' || date_of_birth || '|' || nhs_number || '|' || "
             "legacy_id FROM child") == "Amelia|F|2015-02-01|9434765919|P1");
  CHECK(text("SELECT ref || '>' || child_id FROM child_ref") == "P2>1");
  // counted again: A3 starts first
  CHECK(text("SELECT group_concat(legacy_ref || '=' || previous_cp_plans) FROM "
             "(SELECT * FROM plan ORDER BY start_date)") == "A3=0,A1=1,A2=2");
  CHECK(number("SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE_FIXTURE(Importer, "register import: a new child found to be one of the database") {
  run("B1,P1,Brown,Tom,01/01/2016,M,9434765919,Neglect,01/01/2021,,\n");
  auto later =
      run("B2,P5,Brown,Tommy,01/01/2016,M,,Neglect,01/01/2022,,\n"
          "B3,P5,Brown,Tom,01/01/2016,M,9434765919,Neglect,01/01/2020,01/06/2020,NLR\n"
          "B4,P6,Brown,Tom,01/01/2016,M,9434765919,Neglect,01/01/2023,,\n");
  CHECK(later.counts.children_created == 0);
  CHECK(later.counts.children_matched == 1);
  CHECK(count("child") == 1);
  CHECK(text("SELECT given_names FROM child") == "Tom");  // a child of the database keeps its details
  // P5, the legacy id of the child folded in, and P6, a further person id
  CHECK(text("SELECT group_concat(ref || '>' || child_id) FROM (SELECT * FROM child_ref ORDER BY ref)") ==
        "P5>1,P6>1");
  // this batch's plans counted again; B1, of an earlier batch, is left as it was
  CHECK(text("SELECT group_concat(legacy_ref || '=' || previous_cp_plans) FROM "
             "(SELECT * FROM plan ORDER BY start_date)") == "B3=0,B1=0,B2=2,B4=3");
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
  // cancelled at the last progress report, after every row is written
  auto cancel = [&](const io::ImportProgress& p) { return p.rows < 6; };
  CHECK_THROWS_AS(run(k_rows, false, cancel), Interrupted);
  CHECK(count("plan") == 0);
  CHECK(count("child") == 0);
  CHECK(count("import_batch") == 0);
}

TEST_CASE_FIXTURE(Importer,
                  "register import: asked whether to go on after each phase, last just before commit") {
  auto indexes = [&] { return index_count(); };
  long all_indexes = indexes();
  std::vector<std::string> asked;
  auto record = [&](const io::ImportProgress& p) {
    asked.push_back(fmt::format("{} rows, {} plans, indexes {}, batch finished {}", p.rows, count("plan"),
                                indexes() == all_indexes ? "all" : "set aside",
                                number("SELECT count(*) FROM import_batch WHERE sha256 <> ''")));
    return true;
  };
  run(k_rows, false, record);
  CHECK(asked == std::vector<std::string>{
                     "0 rows, 0 plans, indexes set aside, batch finished 0",  // before the first row
                     "6 rows, 4 plans, indexes set aside, batch finished 0",  // the rows written
                     "6 rows, 4 plans, indexes all, batch finished 0",        // the indexes built
                     "6 rows, 4 plans, indexes all, batch finished 1",        // only the commit to come
                 });
  for (std::size_t cancel_at = 0; cancel_at < asked.size(); ++cancel_at) {
    CAPTURE(cancel_at);
    std::size_t calls = 0;
    Importer fresh;
    CHECK_THROWS_AS(fresh.run(k_rows, false, [&](const io::ImportProgress&) { return calls++ < cancel_at; }),
                    Interrupted);
    CHECK(fresh.count("plan") == 0);
    CHECK(fresh.count("import_batch") == 0);
    CHECK(fresh.index_count() == all_indexes);
  }
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

TEST_CASE_FIXTURE(Importer,
                  "register import: each plan's own episode and transfer-in conference, entered that day") {
  run(k_rows);
  // under the plan's id: the episode referred on its start, closed on its end (RC7) and the
  // conference on its start; every row entered on the batch's day (context(): 2026-01-01)
  CHECK(count("episode") == 4);
  CHECK(count("conference") == 4);
  CHECK(
      number("SELECT count(*) FROM plan p JOIN episode e ON e.id = p.id JOIN conference i ON i.id = p.id "
             "WHERE p.episode_id = p.id AND p.conference_id = p.id AND e.child_id = p.child_id "
             "AND e.referral_date = p.start_date AND e.closure_date IS p.end_date AND e.made_by = 'register' "
             "AND e.batch_id = p.batch_id AND e.source_line = p.source_line AND e.referral_source IS NULL "
             "AND e.primary_need IS NULL AND e.nfa = 0 AND i.episode_id = p.id AND i.enquiry_id IS NULL "
             "AND i.conference_date = p.start_date AND i.outcome = 'plan' AND i.batch_id = p.batch_id") == 4);
  CHECK(text("SELECT group_concat(legacy_ref || '=' || coalesce(e.closure_date, '-') || '/' || "
             "coalesce(e.closure_reason, '-') || '/' || coalesce(e.closure_recorded_on, '-') || '/' || "
             "coalesce(p.end_recorded_on, '-'), ' ') FROM (SELECT * FROM plan ORDER BY id) p "
             "JOIN episode e ON e.id = p.id") ==
        "R1=2020-09-01/RC7/2026-01-01/2026-01-01 R2=-/-/-/- R3=2021-06-01/RC7/2026-01-01/2026-01-01 "
        "R5=2020-01-01/RC7/2026-01-01/2026-01-01");
  for (const char* table : {"child", "plan", "episode", "conference"})
    CHECK(text(fmt::format("SELECT group_concat(DISTINCT coalesce(recorded_on, 'NULL')) FROM {}", table)) ==
          "2026-01-01");
  CHECK(number("SELECT count(*) FROM pragma_foreign_key_check") == 0);
  // a re-run makes no second episode
  run(k_rows);
  CHECK(count("episode") == 4);
  CHECK(count("conference") == 4);
}

TEST_CASE_FIXTURE(Importer, "register import: children found to be one take their plans' episodes along") {
  // two new children folded into one; then a new child found to be one of the database
  run("A1,P1,Smith,Amy,01/02/2015,F,,Neglect,01/03/2020,,\n"
      "A2,P2,Smith,Amelia,,U,9434765919,Neglect,01/01/2022,,\n"
      "A3,P1,Smith,Amy,,F,9434765919,Neglect,01/01/2018,01/06/2018,NLR\n");
  run("B2,P5,Smith,Amy,01/02/2015,F,,Neglect,01/01/2023,,\n"
      "B3,P5,Smith,Amy,01/02/2015,F,9434765919,Neglect,01/01/2017,01/06/2017,NLR\n");
  CHECK(count("child") == 1);
  CHECK(count("episode WHERE child_id = 1") == 5);
  CHECK(number("SELECT count(*) FROM plan p JOIN episode e ON e.id = p.episode_id WHERE e.child_id = "
               "p.child_id") == 5);
  CHECK(number("SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE_FIXTURE(Importer, "register import: plan ids free in plan, episode and conference alike") {
  // an episode and a conference (as a referral and a conference recorded) numbered past every plan
  auto& c = ics::store::connection(*db);
  c.exec(
      "INSERT INTO child (id, given_names, family_name, sex, recorded_on) VALUES (1, 'A', 'B', 'F', "
      "'2025-01-01')");
  c.exec(
      "INSERT INTO episode (id, child_id, referral_date, recorded_on) VALUES (40, 1, '2025-01-06', "
      "'2025-01-06')");
  c.exec(
      "INSERT INTO conference (id, episode_id, conference_date, outcome, recorded_on) "
      "VALUES (41, 40, '2025-01-20', 'no-plan', '2025-01-20')");
  run(k_rows);
  CHECK(text("SELECT group_concat(id) FROM (SELECT id FROM plan ORDER BY id)") == "42,43,44,45");
  CHECK(text("SELECT group_concat(id) FROM (SELECT id FROM episode ORDER BY id)") == "40,42,43,44,45");
  CHECK(count("conference") == 5);
}

TEST_CASE_FIXTURE(Importer, "register import: a dry run makes no episode nor conference") {
  run(k_rows, true);
  CHECK(count("episode") == 0);
  CHECK(count("conference") == 0);
}
