#include <doctest/doctest.h>
#include <ics/io/bulk/format.hpp>
#include <ics/io/bulk/import.hpp>
#include <ics/io/bulk/input.hpp>
#include <ics/io/bulk/reader.hpp>
#include <ics/io/bulk/validate.hpp>
#include <ics/io/export.hpp>
#include <ics/io/writers.hpp>
#include <ics/plan/calendars.hpp>
#include <ics/plan/timetable.hpp>
#include <ics/store/database.hpp>
#include <ics/store/episodes.hpp>
#include <ics/store/records.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>
#include <ics/util/sha256.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>

namespace fs = std::filesystem;
using namespace ics::io;
using ics::util::Date;

namespace {

const Date k_today(2026, 11, 22);

std::vector<BulkRow> read_rows(const std::string& text, BulkFormat format, RecordKind kind) {
  std::istringstream in(text);
  BulkReader reader(in, format, kind);
  std::vector<BulkRow> rows;
  BulkRow row;
  while (reader.next(row)) rows.push_back(row);
  return rows;
}

BulkRow one_row(const std::string& text, RecordKind kind) {
  auto rows = read_rows(text, BulkFormat::csv, kind);
  REQUIRE(rows.size() == 1);
  return rows[0];
}

// A fresh database in a scratch file, removed at the end of the test.
struct ScratchDb {
  fs::path path = fs::temp_directory_path() / ("ics_unit_bulk_" + std::to_string(::getpid()) + ".db");
  std::unique_ptr<ics::store::Database> db;
  ics::plan::CalendarLoader calendars;  // unset: the built-in calendars
  ScratchDb() {
    clean();
    ics::store::Database::init(path, {"tester", "init", "2026-01-01T00:00:00Z"});
    db = std::make_unique<ics::store::Database>(path, ics::store::OpenMode::write);
  }
  ~ScratchDb() {
    db.reset();
    clean();
  }
  void clean() {
    for (auto suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  }

  // Imports `text` as `kind`; commits when the result is committable.
  BulkImportResult import(RecordKind kind, const std::string& text, OnConflict mode = OnConflict::error,
                          bool skip_invalid = false, BulkImportOptions::TemplateFinder finder = {}) {
    std::istringstream in(text);
    BulkInput input(in);
    BulkImportOptions options;
    options.kind = kind;
    options.format = decide_bulk_format(std::nullopt, "", input.head());
    options.on_conflict = mode;
    options.skip_invalid = skip_invalid;
    options.file_name = "test";
    options.today = k_today;
    ics::plan::TemplateLibrary library({});
    options.find_template =
        finder ? finder : [library](const std::string& name) { return library.find(name); };
    options.calendars = calendars;
    ics::store::WriteTransaction tx(*db, {"tester", "import", "2026-11-22T10:00:00Z"});
    auto result = import_bulk(tx, input, options);
    if (result.committable) tx.commit();
    return result;
  }

  std::string exported(RecordKind kind) {
    std::ostringstream out;
    auto writer = make_writer(Format::csv, out);
    export_records(*db, kind, *writer);
    return out.str();
  }

  long count(const std::string& table) {
    return ics::store::connection(*db).execAndGet("SELECT count(*) FROM " + table).getInt();
  }
};

const std::string k_children =
    "child_id,given_names,family_name,date_of_birth,sex,nhs_number,refs\n"
    "C3,Amy,\"Smith, Jr\",2019-04-02,F,943 476 5919,R2 R1\n"
    "C7,Ben,Jones,2020-01-01,M,,\n";

const std::string k_plans =
    "plan_id,child_id,template,kind,initial_category,start_date,end_date,end_reason\n"
    "P2,C3,child-protection,,NEG,2026-10-01,2026-11-01,no-longer-at-risk\n"
    "P4,C3,child-protection,,PHY,2026-11-02,,\n"
    "P5,C7,child-in-need,,,2026-11-02,,\n";

}  // namespace

TEST_CASE("bulk format: --format, then the file name, then the first line") {
  CHECK(decide_bulk_format(BulkFormat::tsv, "a.csv", "x,y\n") == BulkFormat::tsv);
  CHECK(decide_bulk_format(std::nullopt, "dir.v2/a.CSV", "{") == BulkFormat::csv);
  CHECK(decide_bulk_format(std::nullopt, "a.jsonl", "x") == BulkFormat::ndjson);
  CHECK(decide_bulk_format(std::nullopt, "a.ndjson", "x") == BulkFormat::ndjson);
  CHECK(decide_bulk_format(std::nullopt, "a.tsv", "x") == BulkFormat::tsv);
  CHECK(decide_bulk_format(std::nullopt, "dir.v2/data", "a,b\n") == BulkFormat::csv);
  CHECK(bulk_format_of_head("\xEF\xBB\xBF{\"child_id\":\"C1\"}\n") == BulkFormat::ndjson);
  CHECK(bulk_format_of_head("child_id\tgiven_names\nC1,x\n") == BulkFormat::tsv);
  CHECK(bulk_format_of_head("child_id,given_names\nC1\tx\n") == BulkFormat::csv);
  CHECK(bulk_format_of_head("") == BulkFormat::csv);
  CHECK_THROWS_AS(bulk_format_of_head("[{\"child_id\":\"C1\"}]"), ics::InvalidInput);
  CHECK_THROWS_AS(parse_bulk_format("json"), ics::InvalidInput);
}

TEST_CASE("bulk input: the head is the first line, and the hash covers every byte") {
  std::string text = "a,b\n" + std::string(200000, 'x') + "\n";
  std::istringstream in(text);
  BulkInput input(in);
  CHECK(input.head() == "a,b\n");
  std::string all((std::istreambuf_iterator<char>(input.stream())), std::istreambuf_iterator<char>());
  CHECK(all == text);
  CHECK(input.sha256() == ics::util::sha256_hex(text));
  CHECK(input.bytes_read() == static_cast<long long>(text.size()));
}

TEST_CASE("bulk reader: csv columns in any order, blanks, line numbers") {
  auto rows = read_rows("family_name,child_id,given_names\n\"Two\nLines\",C1,Amy\n\nSmith,,Ben\nX,C9\n",
                        BulkFormat::csv, RecordKind::child);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].line == 2);
  CHECK(rows[0].text("family_name") == "Two\nLines");
  CHECK(rows[0].text("child_id") == "C1");
  CHECK(rows[0].blank("date_of_birth"));  // a column left out
  CHECK(rows[1].line == 5);
  CHECK(rows[1].blank("child_id"));
  CHECK(rows[2].line == 6);
  REQUIRE(rows[2].error);
  CHECK(rows[2].error->reason == "the row has 2 fields but the header names 3 columns");
}

TEST_CASE("bulk reader: a header with an unknown or repeated column is refused") {
  CHECK_THROWS_WITH_AS(read_rows("child_id,famly_name\nC1,x\n", BulkFormat::csv, RecordKind::child),
                       doctest::Contains("'header' is not a column of children"), ics::InvalidInput);
  CHECK_THROWS_AS(read_rows("child_id,child_id\n", BulkFormat::csv, RecordKind::child), ics::InvalidInput);
}

TEST_CASE("bulk reader: an ndjson number too big for a double is a row that is not JSON (fuzz)") {
  // nlohmann's parser throws out_of_range for it, not parse_error: it escaped the reader.
  auto rows = read_rows("{\"child_id\":\"C1\"}\n{\"child_id\":1e999999}\n{\"child_id\":\"C2\"}\n",
                        BulkFormat::ndjson, RecordKind::child);
  REQUIRE(rows.size() == 3);
  CHECK_FALSE(rows[0].error);
  REQUIRE(rows[1].error);
  CHECK(rows[1].error->line == 2);
  CHECK(rows[1].error->reason == "is not JSON");
  CHECK(rows[2].text("child_id") == "C2");
}

TEST_CASE("bulk reader: tsv escapes") {
  auto rows = read_rows("child_id\tgiven_names\nC1\ta\\tb\\\\c\\nd\n", BulkFormat::tsv, RecordKind::child);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].text("given_names") == "a\tb\\c\nd");
}

TEST_CASE("bulk reader: ndjson objects, nulls, numbers, the record key and bad lines") {
  auto rows = read_rows(
      "{\"record\":\"plan\",\"plan_id\":\"P1\",\"template_version\":2,\"end_date\":null}\r\n"
      "\n"
      "{\"plan_id\":\"P2\",\"colour\":\"red\"}\n"
      "[1]\n"
      "{\"plan_id\":true}\n"
      "{\"record\":\"child\"}\n"
      "{broken\n"
      "{\"child_id\":\"C1\",\"given_names\":\"A\",\"record\":\"child\"}\n"
      "{\"record\":\"pet\",\"plan_id\":\"P3\"}\n",
      BulkFormat::ndjson, RecordKind::plan);
  REQUIRE(rows.size() == 8);
  CHECK(!rows[0].error);
  CHECK(rows[0].text("template_version") == "2");
  CHECK(rows[0].blank("end_date"));
  CHECK(rows[1].line == 3);
  CHECK(rows[1].error->field == "colour");
  CHECK(rows[2].error->reason == "is not a JSON object");
  CHECK(rows[3].error->field == "plan_id");
  CHECK(rows[4].error->field.empty());
  CHECK(rows[4].error->reason == "is a child record, not a plan (import children reads it)");
  CHECK(rows[5].line == 7);
  CHECK(rows[5].error->reason == "is not JSON");
  // The record key is looked at before the columns, wherever it stands in the object.
  CHECK(rows[6].error->field.empty());
  CHECK(rows[6].error->reason == "is a child record, not a plan (import children reads it)");
  CHECK(rows[7].error->field == "record");
  CHECK(rows[7].error->reason ==
        "is not a record kind (child, episode, assessment, enquiry, conference, plan, action or review)");
}

TEST_CASE("bulk format: one mapping between record kinds and id kinds") {
  using ics::model::EntityKind;
  CHECK(record_kinds().size() == 8);
  for (auto kind : record_kinds()) {
    CHECK(record_of(entity_of(kind)) == kind);
    CHECK(record_of_name(record_name(kind)) == kind);
    CHECK(ics::model::name_of(entity_of(kind)) == record_name(kind));
  }
  CHECK(!record_of(EntityKind::batch));
  CHECK(!record_of_name("children"));
}

TEST_CASE("bulk validation: children with add-child's rules, named by column") {
  auto ok = child_from_row(one_row("child_id,given_names,family_name,nhs_number,refs,upn\n"
                                   "C4, Amy ,Smith,943 476 5919,b  a b,\n",
                                   RecordKind::child),
                           k_today);
  CHECK(ok.given_names == "Amy");
  CHECK(ok.sex == "U");
  CHECK(*ok.nhs_number == "9434765919");
  CHECK(ok.refs == std::vector<std::string>{"a", "b"});
  CHECK(row_id(one_row("child_id\nC4\n", RecordKind::child)) == 4);
  CHECK(!row_id(one_row("child_id,given_names\n,x\n", RecordKind::child)));
  CHECK_THROWS_WITH(row_id(one_row("child_id\nP4\n", RecordKind::child)), doctest::Contains("'child_id'"));
  CHECK_THROWS_WITH(
      child_from_row(one_row("given_names,family_name,date_of_birth\nA,B,2027-01-01\n", RecordKind::child),
                     k_today),
      doctest::Contains("'date_of_birth' is after today"));
  auto historic = child_from_row(
      one_row("given_names,family_name,expected_dob\nA,B,2020-05-01\n", RecordKind::child), k_today);
  CHECK(historic.expected_dob == Date(2020, 5, 1));
  CHECK_THROWS_WITH(
      child_from_row(one_row("given_names,family_name,expected_dob\nA,B,2027-10-01\n", RecordKind::child),
                     k_today),
      doctest::Contains("'expected_dob' must be within the next ten months"));
  CHECK_THROWS_WITH(
      child_from_row(one_row("given_names,family_name,sex\nA,B,X\n", RecordKind::child), k_today),
      doctest::Contains("'sex'"));
  CHECK_THROWS_WITH(
      child_from_row(one_row("given_names,family_name\nA,\"B\nC\"\n", RecordKind::child), k_today),
      doctest::Contains("'family_name' holds control characters"));
}

TEST_CASE("bulk validation: plan dates, categories and end reasons") {
  const std::string header = "child_id,template,initial_category,start_date,end_date,end_reason\n";
  auto f =
      plan_from_row(one_row(header + "C1,child-protection,NEG,2026-01-01,,\n", RecordKind::plan), k_today);
  CHECK(f.child == "C1");
  CHECK(*f.plan.latest_category == "NEG");  // latest defaults to initial
  CHECK(!f.previous_cp_plans);
  auto bad = [&](const std::string& line, const char* what) {
    CHECK_THROWS_WITH(plan_from_row(one_row(header + line, RecordKind::plan), k_today),
                      doctest::Contains(what));
  };
  bad("C1,child-protection,NEG,2026-01-01,2025-12-31,other\n", "'end_date' is before the plan's start");
  bad("C1,child-protection,NEG,2026-01-01,2026-02-01,\n", "'end_reason' must be given");
  bad("C1,child-protection,NEG,2026-01-01,,other\n", "'end_reason' must be left blank");
  bad("C1,child-protection,NEG,2026-01-01,2026-02-01,bored\n", "'end_reason' must be one of");
  // A category code is checked with the template's rule, when the row is imported (test_rules.cpp).
  CHECK(plan_from_row(one_row(header + "C1,child-protection,XXX,2026-01-01,,\n", RecordKind::plan), k_today)
            .plan.initial_category == "XXX");
  bad("C1,child-protection,NEG,2027-01-01,,\n", "'start_date' is after today");
  bad(",child-protection,NEG,2026-01-01,,\n", "'child_id' must not be empty");
}

TEST_CASE("bulk validation: action status, completion date and cancel reason agree") {
  const std::string header = "plan_id,what,owner,agency,due_date,status,completed_date,cancel_reason\n";
  auto a =
      action_from_row(one_row(header + "P1,Visit,Bob,police,2026-12-01,,,\n", RecordKind::action), k_today);
  CHECK(a.status == "open");
  CHECK(a.plan_id == 1);
  auto bad = [&](const std::string& line, const char* what) {
    CHECK_THROWS_WITH(action_from_row(one_row(header + line, RecordKind::action), k_today),
                      doctest::Contains(what));
  };
  bad("P1,Visit,Bob,police,2026-12-01,open,2026-11-01,\n", "'completed_date' must be left blank");
  bad("P1,Visit,Bob,police,2026-12-01,done,,\n", "'completed_date' must be given");
  bad("P1,Visit,Bob,police,2026-12-01,cancelled,2026-11-01,\n", "'cancel_reason' must be given");
  bad("P1,Visit,Bob,police,2026-12-01,done,2026-11-01,why\n", "'cancel_reason' must be left blank");
  bad("P1,Visit,Bob,police,2026-12-01,done,2026-12-01,\n", "'completed_date' is after today");
  bad("P1,,Bob,police,2026-12-01,,,\n", "'what' must not be empty");
  bad("C1,Visit,Bob,police,2026-12-01,,,\n", "'plan_id'");
}

TEST_CASE("bulk import: export columns are the import columns") {
  ScratchDb s;
  for (auto kind : record_kinds()) {
    ics::util::RowBuffer buffer;
    export_records(*s.db, kind, buffer);
    std::vector<std::string> names;
    for (const auto& c : buffer.columns()) names.push_back(c.name);
    auto columns = bulk_columns(kind);
    CHECK(names == std::vector<std::string>(columns.begin(), columns.end()));
  }
}

TEST_CASE("bulk import: records keep their ids, the batch and source lines are recorded") {
  ScratchDb s;
  auto r = s.import(RecordKind::child, k_children);
  CHECK(r.committable);
  CHECK(r.rows_read == 2);
  CHECK(r.created == 2);
  REQUIRE(r.batch_id);
  CHECK(r.sha256 == ics::util::sha256_hex(k_children));
  CHECK(s.exported(RecordKind::child) ==
        "child_id,given_names,family_name,date_of_birth,expected_dob,sex,nhs_number,upn,ethnicity,refs,"
        "disabilities,upn_unknown,former_upn,mother_nhs_number,date_of_death\n"
        "C3,Amy,\"Smith, Jr\",2019-04-02,,F,9434765919,,,R1 R2,,,,,\n"
        "C7,Ben,Jones,2020-01-01,,M,,,,,,,,,\n");
  SQLite::Statement q(ics::store::connection(*s.db), "SELECT batch_id, source_line FROM child WHERE id = 7");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getInt64() == *r.batch_id);
  CHECK(q.getColumn(1).getInt() == 3);
  SQLite::Statement b(ics::store::connection(*s.db),
                      "SELECT kind, file_name, sha256, counts FROM import_batch");
  REQUIRE(b.executeStep());
  CHECK(b.getColumn(0).getString() == "children");
  CHECK(b.getColumn(2).getString() == r.sha256);
  CHECK(b.getColumn(3).getString() == r.counts_json());
  CHECK(s.count("audit WHERE command <> 'init'") == 3);  // two children and the batch
}

TEST_CASE("bulk import: an invalid row means nothing is written, unless skip_invalid") {
  ScratchDb s;
  const std::string text = k_children + "C8,,Nobody,2020-01-01,U,,\n";
  auto r = s.import(RecordKind::child, text);
  CHECK(!r.committable);
  CHECK(r.invalid == 1);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 4);
  CHECK(r.errors[0].field == "given_names");
  CHECK(s.count("child") == 0);
  CHECK(s.count("import_batch") == 0);
  r = s.import(RecordKind::child, text, OnConflict::error, true);
  CHECK(r.committable);
  CHECK(r.created == 2);
  CHECK(r.invalid == 1);
  CHECK(s.count("child") == 2);
}

TEST_CASE("bulk import: conflict modes on ids and NHS numbers") {
  ScratchDb s;
  s.import(RecordKind::child, k_children);
  auto r = s.import(RecordKind::child, k_children);
  CHECK(r.invalid == 2);
  CHECK(r.errors[0].reason.find("already in the database") != std::string::npos);

  r = s.import(RecordKind::child, k_children, OnConflict::skip);
  CHECK(r.skipped == 2);
  CHECK(r.committable);

  r = s.import(RecordKind::child, k_children, OnConflict::update);
  CHECK(r.unchanged == 2);
  long audits = s.count("audit WHERE command <> 'init'");

  const std::string renamed =
      "child_id,given_names,family_name,date_of_birth,sex\nC7,Benjamin,Jones,2020-01-01,M\n";
  r = s.import(RecordKind::child, renamed, OnConflict::update);
  CHECK(r.updated == 1);
  CHECK(s.count("audit WHERE command <> 'init'") == audits + 2);  // the record and the batch
  CHECK(s.exported(RecordKind::child).find("C7,Benjamin,Jones") != std::string::npos);

  // No id: the child holding the NHS number is the one meant.
  const std::string by_nhs = "given_names,family_name,nhs_number\nAmelia,Smith,9434765919\n";
  CHECK(s.import(RecordKind::child, by_nhs).invalid == 1);
  CHECK(s.import(RecordKind::child, by_nhs, OnConflict::skip).skipped == 1);
  CHECK(s.import(RecordKind::child, by_nhs, OnConflict::update).updated == 1);
  CHECK(s.exported(RecordKind::child).find("C3,Amelia,Smith") != std::string::npos);

  // Under update a column left out keeps its value, a blank one clears it.
  CHECK(s.exported(RecordKind::child).find("C3,Amelia,Smith,2019-04-02,,F,9434765919,,,R1 R2") !=
        std::string::npos);
  CHECK(s.import(RecordKind::child, "child_id,refs,sex\nC3,,\n", OnConflict::update).updated == 1);
  CHECK(s.exported(RecordKind::child).find("C3,Amelia,Smith,2019-04-02,,U,9434765919,,,,,,,,\n") !=
        std::string::npos);
  CHECK(s.import(RecordKind::child, "child_id,refs\nC3,R1 R2\n", OnConflict::update).updated == 1);

  // A new id with an NHS number another child holds cannot be an update.
  r = s.import(RecordKind::child, "child_id,given_names,family_name,nhs_number\nC9,A,B,9434765919\n",
               OnConflict::update);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].field == "nhs_number");

  // A ref held by another child.
  r = s.import(RecordKind::child, "child_id,given_names,family_name,refs\nC9,A,B,R1\n");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].field == "refs");

  // The same id twice in one file.
  r = s.import(RecordKind::child, "child_id,given_names,family_name\nC20,A,B\nC20,C,D\n");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].reason == "repeats the child of line 2");
}

TEST_CASE("bulk import: plans follow open-plan's rules and create no actions") {
  ScratchDb s;
  s.import(RecordKind::child, k_children);
  auto r = s.import(RecordKind::plan, k_plans);
  CHECK(r.created == 3);
  CHECK(s.count("action") == 0);
  CHECK(s.count("template_snapshot") == 2);
  auto plans = s.exported(RecordKind::plan);
  CHECK(plans.find("P4,C3,child-protection,1,child-protection,PHY,PHY,2026-11-02,,,,,,2027-02-02,1,") !=
        std::string::npos);

  auto bad = [&](const std::string& line, const char* field) {
    auto result =
        s.import(RecordKind::plan,
                 "plan_id,child_id,template,template_version,kind,initial_category,start_date\n" + line);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].field == field);
  };
  bad("P9,C99,child-protection,,,NEG,2026-01-01\n", "child_id");  // no such child
  bad("P9,C3,child-protection,,,NEG,2026-11-10\n", "child_id");   // already has an open one (P4)
  bad("P9,C7,nonesuch,,,,2026-01-01\n", "template");
  bad("P9,C7,child-protection,7,,NEG,2026-01-01\n", "template_version");
  bad("P9,C7,child-protection,,child-in-need,NEG,2026-01-01\n", "kind");
  bad("P9,C7,child-protection,,,,2026-01-01\n", "initial_category");
  bad("P9,C7,child-in-need,,,NEG,2026-01-01\n", "initial_category");
  bad("P9,C7,child-protection,,,NEG,2019-06-01\n", "start_date");  // before the date of birth

  // A child named by NHS number; a closed plan may sit beside an open one.
  r = s.import(RecordKind::plan,
               "plan_id,child_id,template,initial_category,start_date,end_date,end_reason,previous_cp_plans\n"
               "P9,nhs:943 476 5919,child-protection,EMO,2025-01-01,2025-06-01,other,0\n");
  CHECK(r.created == 1);
  // Without an episode_id, a closed plan gets a closed episode of its own, as the migration makes them.
  auto p9 = ics::store::get_plan(*s.db, 9);
  auto episode = ics::store::get_episode(*s.db, p9.episode_id);
  CHECK(episode.referral_date == Date(2025, 1, 1));
  CHECK(episode.closure_date == Date(2025, 6, 1));
  CHECK(episode.closure_reason == "RC7");
  CHECK(episode.made_by == "open-plan");
  CHECK(ics::store::get_conference(*s.db, p9.conference_id).conference_date == Date(2025, 1, 1));
}

TEST_CASE("bulk import: actions follow assign-action's rules on their plan") {
  ScratchDb s;
  s.import(RecordKind::child, k_children);
  s.import(RecordKind::plan, k_plans);
  const std::string header =
      "action_id,plan_id,section,what,owner,agency,due_date,status,completed_date,cancel_reason\n";
  auto r =
      s.import(RecordKind::action, header +
                                       "A1,P4,safety,Visit,Bob,police,2026-11-20,open,,\n"
                                       "A2,P2,,Visit,Bob,police,2026-10-20,cancelled,2026-11-01,plan closed\n"
                                       "A5,P4,,Call,Bob,police,2026-11-20,done,2026-11-03,\n");
  CHECK(r.created == 3);
  auto bad = [&](const std::string& line, const char* field) {
    auto result = s.import(RecordKind::action, header + line);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].field == field);
  };
  bad("A9,P2,,Visit,Bob,police,2026-10-20,open,,\n", "status");  // P2 is closed
  bad("A9,P4,nowhere,Visit,Bob,police,2026-11-20,open,,\n", "section");
  bad("A9,P4,,Visit,Bob,police,2026-11-01,open,,\n", "due_date");  // before P4 started
  bad("A9,P4,,Visit,Bob,police,2026-11-20,done,2026-11-01,\n", "completed_date");
  bad("A9,P99,,Visit,Bob,police,2026-11-20,open,,\n", "plan_id");
  bad("A9,P4,,Visit,Bob,fire-service,2026-11-20,open,,\n", "agency");  // not in schemas/codes/agency.yaml
  CHECK(s.count("action") == 3);
  // An agency stored before the list existed is kept when the action is updated; a new one must be a code.
  ics::store::connection(*s.db).exec("UPDATE action SET agency = 'Social Care' WHERE id = 1");
  CHECK(s.import(RecordKind::action, "action_id,owner\nA1,Ann\n", OnConflict::update).updated == 1);
  auto changed = s.import(RecordKind::action, "action_id,agency\nA1,Fire\n", OnConflict::update);
  REQUIRE(changed.errors.size() == 1);
  CHECK(changed.errors[0].field == "agency");
}

TEST_CASE("bulk import: an update that keeps the template version keeps the plan's snapshot") {
  ScratchDb s;
  s.import(RecordKind::child, k_children);
  s.import(RecordKind::plan, k_plans);
  CHECK(s.count("template_snapshot") == 2);
  // The template file changed without a new version.
  auto edited = ics::plan::TemplateLibrary({}).find("child-protection");
  edited = ics::plan::parse_template(edited.text + "# edited\n", "edited");
  auto finder = [edited](const std::string&) { return edited; };
  auto r = s.import(RecordKind::plan, "plan_id,team\nP4,South\n", OnConflict::update, false, finder);
  CHECK(r.updated == 1);
  CHECK(s.count("template_snapshot") == 2);
  r = s.import(
      RecordKind::plan,
      "plan_id,child_id,template,initial_category,start_date,end_date,end_reason\n"
      "P8,C7,child-protection,NEG,2026-10-01,2026-11-02,other\n",  // ends the day C7's CIN plan starts
      OnConflict::error, false, finder);
  CHECK(r.created == 1);
  CHECK(s.count("template_snapshot") == 3);
}

TEST_CASE("bulk import: a blank first_review_due is counted as open-plan counts it") {
  ScratchDb s;
  std::vector<std::string> asked;
  s.calendars = [&asked](const std::string& name) {
    asked.push_back(name);
    return ics::plan::load_calendar(name, {});
  };
  s.import(RecordKind::child, k_children);
  auto r =
      s.import(RecordKind::plan,
               "plan_id,child_id,template,initial_category,start_date,end_date,end_reason,first_review_due\n"
               "P2,C3,child-protection,NEG,2026-10-01,2026-11-01,no-longer-at-risk,\n"
               "P3,C7,child-in-need,,2026-08-31,,,\n"
               "P4,C3,child-protection,PHY,2026-11-02,,,2026-12-24\n");
  CHECK(r.created == 3);
  CHECK(asked == std::vector<std::string>{"england-and-wales"});  // loaded once, by the template's name
  auto tmpl = ics::plan::TemplateLibrary({}).find("child-in-need");
  auto due =
      ics::plan::first_review_due(tmpl, Date(2026, 8, 31), ics::plan::load_calendar(tmpl.calendar, {}));
  REQUIRE(due);
  auto plans = s.exported(RecordKind::plan);
  CHECK(plans.find("P2,C3,child-protection,1,child-protection,NEG,NEG,2026-10-01,2026-11-01,no-longer-at-"
                   "risk,,,,2027-01-01,") != std::string::npos);
  CHECK(plans.find("P3,C7,child-in-need,1,child-in-need,,,2026-08-31,,,,,," + due->iso() + ",0,") !=
        std::string::npos);
  CHECK(plans.find("2026-11-02,,,,,,2026-12-24,") != std::string::npos);  // a given date is kept
  // The plan is due for review like one made by open-plan.
  CHECK(ics::store::get_plan(*s.db, 3).first_review_due == due);
}

TEST_CASE("bulk import: plans of a kind of a child may not overlap, closed or open, within the file too") {
  ScratchDb s;
  s.import(RecordKind::child, k_children);
  REQUIRE(s.import(RecordKind::plan, k_plans).created ==
          3);  // P2 2026-10-01..2026-11-01, P4 open from 2026-11-02
  const std::string header = "plan_id,child_id,template,initial_category,start_date,end_date,end_reason\n";
  auto one_error = [&](const std::string& lines) {
    auto result = s.import(RecordKind::plan, header + lines);
    REQUIRE(result.errors.size() == 1);
    return result.errors[0];
  };
  // A closed plan inside a closed one.
  auto e = one_error("P9,C3,child-protection,NEG,2026-10-10,2026-10-20,other\n");
  CHECK(e.field == "start_date");
  CHECK(e.reason ==
        "overlaps child-protection plan P2 of child C3 (2026-10-01 to 2026-11-01): plans of a kind may not "
        "overlap");
  // A closed plan running into an open one that starts later.
  e = one_error("P9,C3,child-protection,NEG,2026-11-01,2026-11-05,other\n");
  CHECK(e.reason.find("plan P4 of child C3 (2026-11-02 to no end)") != std::string::npos);
  // Two open plans of a kind: the message of open-plan.
  CHECK(one_error("P9,C7,child-in-need,,2026-01-01,,\n").field == "child_id");
  // A child protection plan starts strictly after the previous one ended (census rule 8940): touching
  // child protection plans meet.
  e = one_error("P9,C3,child-protection,NEG,2026-09-01,2026-10-01,other\n");
  CHECK(e.reason.find("meets child-protection plan P2 of child C3") != std::string::npos);
  CHECK(s.import(RecordKind::plan, header + "P9,C3,child-protection,NEG,2026-09-01,2026-09-30,other\n")
            .created == 1);
  // Rows earlier in the same file count; the error is the later row's.
  auto r = s.import(RecordKind::plan, header +
                                          "P10,C3,child-protection,NEG,2026-01-01,2026-03-01,other\n"
                                          "P11,C3,child-protection,NEG,2026-02-01,2026-04-01,other\n");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 3);
  CHECK(r.errors[0].reason.find("plan P10 of child C3") != std::string::npos);
  // --on-conflict update: a plan does not overlap itself, but does overlap the others. (A child
  // protection plan's start is its conference's date, so its end is what moves.)
  CHECK(s.import(RecordKind::plan, "plan_id,end_date\nP9,2026-09-29\n", OnConflict::update).updated == 1);
  r = s.import(RecordKind::plan, "plan_id,end_date,end_reason\nP9,2026-10-15,other\n", OnConflict::update);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].reason.find("plan P2") != std::string::npos);
}

TEST_CASE("bulk import: reviews follow record-review's rules, on open or closed plans") {
  ScratchDb s;
  s.import(RecordKind::child, k_children);
  s.import(RecordKind::plan, k_plans);
  const std::string header = "review_id,plan_id,kind,review_date,outcome,category,next_review_due\n";
  auto r =
      s.import(RecordKind::review, header +
                                       "R1,P2,initial-conference,2026-10-01,Plan agreed,NEG,\n"
                                       "R2,P2,core-group,2026-10-12,,,\n"
                                       "R3,P4,review-conference,2026-11-10,\"Continues, with changes\",EMO,\n"
                                       "R4,P5,visit,2026-11-05,,,\n"
                                       "R5,P4,review-conference,2026-11-12,,,2027-01-01\n");
  CHECK(r.invalid == 0);
  CHECK(r.created == 5);
  auto reviews = s.exported(RecordKind::review);
  auto tmpl = ics::plan::TemplateLibrary({}).find("child-protection");
  auto next =
      ics::plan::next_review_due_after(tmpl, Date(2026, 11, 10), ics::plan::load_calendar(tmpl.calendar, {}));
  REQUIRE(next);
  CHECK(reviews.find("R3,P4,review-conference,2026-11-10,\"Continues, with changes\",EMO," + next->iso() +
                     ",,\n") != std::string::npos);
  CHECK(reviews.find("R5,P4,review-conference,2026-11-12,,,2027-01-01,,\n") != std::string::npos);
  CHECK(reviews.find("R2,P2,core-group,2026-10-12,,,,,\n") != std::string::npos);
  // A category becomes the plan's latest category, as record-review makes it.
  CHECK(ics::store::get_plan(*s.db, 4).latest_category == "EMO");

  auto bad = [&](const std::string& line, const char* field) {
    auto result = s.import(RecordKind::review, header + line);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].field == field);
    return result.errors[0].reason;
  };
  bad("R9,P99,core-group,2026-11-05,,,\n", "plan_id");
  bad("R9,P4,party,2026-11-05,,,\n", "kind");
  bad("R9,P4,core-group,2026-11-23,,,\n", "review_date");  // after today
  CHECK(bad("R9,P4,core-group,2026-11-01,,,\n", "review_date") == "is before the plan's start (2026-11-02)");
  CHECK(bad("R9,P2,core-group,2026-11-01,,,\n", "review_date").find("is not before the end of plan P2") == 0);
  CHECK(bad("R9,P5,review-conference,2026-11-05,,NEG,\n", "category") ==
        "does not apply to a child-in-need plan");
  CHECK(bad("R9,P4,core-group,2026-11-05,,NEG,\n", "category") ==
        "is decided at a conference, not a core-group");
  bad("R9,P4,review-conference,2026-11-05,,XXX,\n", "category");
  bad("R9,P4,visit,2026-11-05,,,2027-01-01\n", "next_review_due");
  bad("R1,P2,core-group,2026-10-12,,,\n", "review_id");  // already in the database
  CHECK(s.count("review") == 5);

  // --on-conflict update of a review's category follows through to the plan.
  r = s.import(RecordKind::review, "review_id,category\nR3,PHY\n", OnConflict::update);
  CHECK(r.updated == 1);
  CHECK(ics::store::get_plan(*s.db, 4).latest_category == "PHY");
}

TEST_CASE("bulk import: export then import reviews into a new database gives the same bytes") {
  std::string children, episodes, conferences, plans, reviews;
  {
    ScratchDb s;
    s.import(RecordKind::child, k_children);
    s.import(RecordKind::plan, k_plans);
    s.import(RecordKind::review,
             "review_id,plan_id,kind,review_date,outcome,category\n"
             "R1,P2,initial-conference,2026-10-01,Agreed,NEG\n"
             "R2,P4,review-conference,2026-11-10,,PHY\n");
    children = s.exported(RecordKind::child);
    episodes = s.exported(RecordKind::episode);
    conferences = s.exported(RecordKind::conference);
    plans = s.exported(RecordKind::plan);
    reviews = s.exported(RecordKind::review);
  }
  // In the export's order: the episodes and conferences before the plans filed in them.
  ScratchDb t;
  CHECK(t.import(RecordKind::child, children).invalid == 0);
  CHECK(t.import(RecordKind::episode, episodes).invalid == 0);
  CHECK(t.import(RecordKind::conference, conferences).invalid == 0);
  CHECK(t.import(RecordKind::plan, plans).invalid == 0);
  CHECK(t.import(RecordKind::review, reviews).invalid == 0);
  CHECK(t.exported(RecordKind::episode) == episodes);
  CHECK(t.exported(RecordKind::conference) == conferences);
  CHECK(t.exported(RecordKind::plan) == plans);
  CHECK(t.exported(RecordKind::review) == reviews);
}

namespace {

const std::string k_episode_children =
    "child_id,given_names,family_name,date_of_birth\n"
    "C1,Amy,Smith,2015-03-02\n"
    "C2,Ben,Jones,2018-06-10\n";
const std::string k_episodes =
    "episode_id,child_id,referral_date,referral_source,primary_need,nfa,closure_date,closure_reason\n"
    "E1,C1,2026-01-05,3A,N1,no,,\n"
    "E2,C2,2026-02-02,2A,,yes,2026-02-02,RC8\n";

}  // namespace

TEST_CASE("bulk validation: episodes, assessments, enquiries and conferences, named by column") {
  auto e = episode_from_row(one_row("child_id,referral_date,nfa,closure_date,closure_reason\n"
                                    "nhs:9434765919,2026-01-05,yes,2026-01-05,RC8\n",
                                    RecordKind::episode),
                            k_today);
  CHECK(e.child == "nhs:9434765919");
  CHECK(e.episode.nfa);
  CHECK(e.episode.closure_reason == "RC8");
  CHECK(!episode_from_row(one_row("child_id,referral_date\nC1,2026-01-05\n", RecordKind::episode), k_today)
             .episode.nfa);
  CHECK_THROWS_WITH(
      episode_from_row(one_row("child_id,referral_date,nfa\nC1,2026-01-05,true\n", RecordKind::episode),
                       k_today),
      doctest::Contains("'nfa' must be one of yes, no"));
  CHECK_THROWS_WITH(
      episode_from_row(
          one_row("child_id,referral_date,closure_date\nC1,2026-01-05,2026-02-01\n", RecordKind::episode),
          k_today),
      doctest::Contains("'closure_reason' must be given with a closure_date"));
  CHECK_THROWS_WITH(
      episode_from_row(one_row("child_id,referral_date\nC1,2026-11-23\n", RecordKind::episode), k_today),
      doctest::Contains("'referral_date' is after today"));

  auto a = assessment_from_row(
      one_row("episode_id,start_date,completed_date,factors\nE1,2026-01-06,2026-02-13,\"3B,16A\"\n",
              RecordKind::assessment),
      k_today);
  CHECK(a.episode_id == 1);
  CHECK(a.factors == std::vector<std::string>{"3B", "16A"});
  CHECK(
      assessment_from_row(one_row("episode_id,start_date\nE1,2026-01-06\n", RecordKind::assessment), k_today)
          .factors.empty());
  CHECK_THROWS_WITH(
      assessment_from_row(one_row("episode_id,start_date\nP1,2026-01-06\n", RecordKind::assessment), k_today),
      doctest::Contains("'episode_id' is not an episode id"));
  CHECK_THROWS_WITH(
      assessment_from_row(
          one_row("episode_id,start_date,factors\nE1,2026-01-06,\"3B,\"\n", RecordKind::assessment), k_today),
      doctest::Contains("'factors' must not be empty"));

  auto q = enquiry_from_row(one_row("episode_id,start_date\nE1,2026-03-02\n", RecordKind::enquiry), k_today);
  CHECK(!q.conference_target);
  CHECK(q.enquiry.start_date == Date(2026, 3, 2));

  auto c =
      conference_from_row(one_row("episode_id,enquiry_id,conference_date,outcome\nE1,S1,2026-03-16,plan\n",
                                  RecordKind::conference),
                          k_today);
  CHECK(c.enquiry_id == 1);
  CHECK(c.outcome == "plan");
  CHECK(conference_from_row(
            one_row("episode_id,conference_date,outcome\nE1,2026-03-16,no-plan\n", RecordKind::conference),
            k_today)
            .enquiry_id == 0);
  CHECK_THROWS_WITH(conference_from_row(one_row("episode_id,conference_date,outcome\nE1,2026-03-16,yes\n",
                                                RecordKind::conference),
                                        k_today),
                    doctest::Contains("'outcome' must be one of plan, no-plan"));

  auto r = review_from_row(
      one_row("plan_id,kind,review_date,seen,seen_alone\nP1,visit,2026-03-20,yes,no\n", RecordKind::review),
      k_today);
  CHECK(r.seen == "yes");
  CHECK(r.seen_alone == "no");
}

TEST_CASE("bulk import: episodes and their records keep their ids, recorded on the batch's date") {
  ScratchDb s;
  CHECK(s.import(RecordKind::child, k_episode_children).invalid == 0);
  auto r = s.import(RecordKind::episode, k_episodes);
  CHECK(r.errors.empty());
  CHECK(r.created == 2);
  CHECK(s.import(RecordKind::assessment,
                 "assessment_id,episode_id,start_date,completed_date,factors\n"
                 "N4,E1,2026-01-06,2026-02-13,\"3B,16A\"\n")
            .created == 1);
  CHECK(s.import(RecordKind::enquiry, "enquiry_id,episode_id,start_date\nS2,E1,2026-03-02\n").created == 1);
  CHECK(s.import(RecordKind::conference,
                 "conference_id,episode_id,enquiry_id,conference_date,outcome\nI3,E1,S2,2026-03-16,plan\n")
            .created == 1);
  CHECK(s.exported(RecordKind::episode) ==
        "episode_id,child_id,referral_date,referral_source,primary_need,nfa,closure_date,closure_reason,made_"
        "by\n"
        "E1,C1,2026-01-05,3A,N1,no,,,\n"
        "E2,C2,2026-02-02,2A,,yes,2026-02-02,RC8,\n");
  CHECK(
      s.exported(RecordKind::assessment) ==
      "assessment_id,episode_id,start_date,completed_date,factors\nN4,E1,2026-01-06,2026-02-13,\"3B,16A\"\n");
  // 15 working days after Monday 2 March 2026
  CHECK(s.exported(RecordKind::enquiry) ==
        "enquiry_id,episode_id,start_date,conference_target,end_date\nS2,E1,2026-03-02,2026-03-23,\n");
  CHECK(s.exported(RecordKind::conference) ==
        "conference_id,episode_id,enquiry_id,conference_date,outcome\nI3,E1,S2,2026-03-16,plan\n");
  // the transaction's date (2026-11-22T10:00:00Z): each record and each closure or completion
  CHECK(s.count("episode WHERE recorded_on = '2026-11-22'") == 2);
  CHECK(s.count("episode WHERE closure_recorded_on = '2026-11-22'") == 1);
  CHECK(s.count("assessment WHERE completed_recorded_on = '2026-11-22'") == 1);
  CHECK(s.count("enquiry WHERE recorded_on = '2026-11-22' AND end_recorded_on IS NULL") == 1);
  CHECK(s.count("conference WHERE recorded_on = '2026-11-22' AND source_line = 2") == 1);
  CHECK(s.count("audit WHERE entity = 'E1' AND before IS NULL") == 1);
}

TEST_CASE("bulk import: a given conference target must be the counted one") {
  ScratchDb s;
  s.import(RecordKind::child, k_episode_children);
  s.import(RecordKind::episode, k_episodes);
  auto r = s.import(RecordKind::enquiry,
                    "enquiry_id,episode_id,start_date,conference_target\n"
                    "S1,E1,2026-03-02,2026-03-20\n"
                    "S2,E1,2026-03-02,2026-03-23\n");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 2);
  CHECK(r.errors[0].field == "conference_target");
  CHECK(r.errors[0].value == "2026-03-20");
  CHECK(r.errors[0].reason == "is not 15 working days after the start (2026-03-23)");
}

TEST_CASE(
    "bulk import: export then import episodes and their records into a new database gives the same bytes") {
  std::map<RecordKind, std::string> first;
  const std::vector<RecordKind> kinds = {RecordKind::child,   RecordKind::episode,    RecordKind::assessment,
                                         RecordKind::enquiry, RecordKind::conference, RecordKind::plan,
                                         RecordKind::review};
  {
    ScratchDb s;
    s.import(RecordKind::child, k_episode_children);
    s.import(RecordKind::episode, k_episodes);
    s.import(RecordKind::assessment,
             "episode_id,start_date,completed_date,factors\nE1,2026-01-06,2026-02-13,21\n");
    s.import(RecordKind::enquiry, "episode_id,start_date\nE1,2026-03-02\n");
    s.import(RecordKind::conference,
             "episode_id,enquiry_id,conference_date,outcome\nE1,S1,2026-03-16,plan\n");
    auto p = s.import(RecordKind::plan,
                      "child_id,template,initial_category,start_date,episode_id,conference_id\n"
                      "C1,child-protection,NEG,2026-03-16,E1,I1\n");
    CHECK(p.errors.empty());
    s.import(RecordKind::review, "plan_id,kind,review_date,seen,seen_alone\nP1,visit,2026-03-20,yes,no\n");
    for (auto kind : kinds) first[kind] = s.exported(kind);
  }
  CHECK(first[RecordKind::plan].find(",E1,I1\n") != std::string::npos);
  CHECK(first[RecordKind::review].find(",yes,no\n") != std::string::npos);
  ScratchDb t;
  for (auto kind : kinds) {
    CAPTURE(record_plural(kind));
    auto r = t.import(kind, first[kind]);
    CHECK(r.errors.empty());
    CHECK(t.exported(kind) == first[kind]);
  }
}
