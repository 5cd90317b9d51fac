// Every rule of a child's record, case by case, through the single operation a command calls
// (ics::record) and through the bulk import of the same record: the same verdict, and when refused,
// the same reason (the field is named as each path names it: an option, a column).
#include <doctest/doctest.h>
#include <ics/io/bulk/import.hpp>
#include <ics/io/bulk/input.hpp>
#include <ics/plan/calendars.hpp>
#include <ics/record/actions.hpp>
#include <ics/record/children.hpp>
#include <ics/record/episodes.hpp>
#include <ics/record/plans.hpp>
#include <ics/record/reviews.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/database.hpp>
#include <ics/store/records.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace ics;
using util::Date;

namespace {

const Date k_today(2026, 11, 22);
const plan::TemplateLibrary k_library({});
const util::Calendar k_calendar = plan::load_calendar("england-and-wales", {});

store::AuditContext context(const std::string& command) {
  return {"tester", command, "2026-11-22T10:00:00Z"};
}

// What a path made of a request: allowed, or refused on a field with a reason.
struct Verdict {
  bool allowed = true;
  std::string field;
  std::string reason;
};

// The same database for every case: C1 with a closed child protection plan P1 (2026-01-05 to
// 2026-06-01), C2 with an open one P2 (from 2026-02-01, a core group on 2026-03-01, action
// `k_action`), C3 with an open child in
// need plan P3 (from 2026-02-01), born 2020-01-01, NHS number 9434765919, UPN A123456789012, ref CPR-1. Made
// once, copied for each path of each case.
std::int64_t k_action = 0;

void open(store::Database& db, std::int64_t child, const std::string& tmpl,
          std::optional<std::string> category, Date start) {
  record::OpenPlanRequest request;
  request.child_id = child;
  request.category = std::move(category);
  request.start = start;
  store::WriteTransaction tx(db, context("open-plan"));
  record::open_plan(tx, k_library.find(tmpl), k_calendar, request, k_today);
  tx.commit();
}

void make_base(const fs::path& file) {
  store::Database::init(file, context("init"));
  store::Database db(file, store::OpenMode::write);
  for (auto dob : {Date(2019, 4, 2), Date(2019, 4, 2), Date(2020, 1, 1)}) {
    model::Child child;
    child.given_names = "Amelia";
    child.family_name = "Smith";
    child.date_of_birth = dob;
    if (dob == Date(2020, 1, 1)) {
      child.nhs_number = "9434765919";
      child.upn = "A123456789012";
      child.refs = {"CPR-1"};
    }
    store::WriteTransaction tx(db, context("add-child"));
    record::add_child(tx, child, k_today);
    tx.commit();
  }
  open(db, 1, "child-protection", "NEG", Date(2026, 1, 5));
  {
    store::WriteTransaction tx(db, context("close-plan"));
    record::close_plan(tx, 1, Date(2026, 6, 1), "other", k_today);
    tx.commit();
  }
  open(db, 2, "child-protection", "NEG", Date(2026, 2, 1));
  open(db, 3, "child-in-need", std::nullopt, Date(2026, 2, 1));
  {
    store::WriteTransaction tx(db, context("record-review"));
    record::record_review(
        tx, {2, Date(2026, 3, 1), "core-group", std::nullopt, std::nullopt},
        [](const std::string&) { return k_calendar; }, k_today);
    tx.commit();
  }
  store::WriteTransaction tx(db, context("assign-action"));
  k_action = record::assign_action(tx, {2, "Visit", "Bob", "police", Date(2026, 3, 2), std::nullopt});
  tx.commit();
}

struct Scratch {
  fs::path dir;
  Scratch() {
    static std::atomic<int> counter{0};
    dir = fs::temp_directory_path() /
          ("ics_unit_rules_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    make_base(dir / "base.db");  // closed: no -wal file left beside it
  }
  ~Scratch() { fs::remove_all(dir); }

  std::unique_ptr<store::Database> copy(const std::string& name) {
    auto file = dir / (name + ".db");
    for (auto suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
    fs::copy_file(dir / "base.db", file);
    return std::make_unique<store::Database>(file, store::OpenMode::write);
  }
};

using SingleOp = std::function<void(store::WriteTransaction&)>;

Verdict run_single(store::Database& db, const SingleOp& op) {
  try {
    store::WriteTransaction tx(db, context("single"));
    op(tx);
    tx.commit();
    return {};
  } catch (const InvalidInput& e) {
    return {false, e.field(), e.reason()};
  } catch (const Conflict& e) {
    return {false, e.field(), e.field().empty() ? e.what() : e.reason()};
  }
}

struct BulkRequest {
  io::RecordKind kind;
  std::string text;
  io::OnConflict on_conflict = io::OnConflict::error;
};

Verdict run_bulk(store::Database& db, const BulkRequest& request) {
  std::istringstream in(request.text);
  io::BulkInput input(in);
  io::BulkImportOptions options;
  options.kind = request.kind;
  options.format = io::BulkFormat::csv;
  options.on_conflict = request.on_conflict;
  options.file_name = "rules.csv";
  options.today = k_today;
  options.find_template = [](const std::string& name) { return k_library.find(name); };
  store::WriteTransaction tx(db, context("import"));
  auto result = io::import_bulk(tx, input, options);
  REQUIRE(result.rows_read > 0);
  if (result.errors.empty()) {
    tx.commit();
    return {};
  }
  return {false, result.errors[0].field, result.errors[0].reason};
}

struct Case {
  const char* name;
  SingleOp single;
  BulkRequest bulk;
  Verdict expected;             // field as the single command names it
  std::string bulk_field = {};  // the file's column, when refused
  // What to compare after an allowed case (e.g. the plan's latest category); empty: nothing.
  std::function<std::string(store::Database&)> outcome = {};
  std::string expected_outcome = {};
};

// `setup`, when given, runs on both copies first (through the record API, committed).
void check_cases(const std::vector<Case>& cases, const SingleOp& setup = {}) {
  Scratch scratch;
  for (const auto& c : cases) {
    std::string name = c.name;
    CAPTURE(name);
    auto single_db = scratch.copy("single");
    auto bulk_db = scratch.copy("bulk");
    if (setup) {
      for (auto* db : {single_db.get(), bulk_db.get()}) {
        store::WriteTransaction tx(*db, context("setup"));
        setup(tx);
        tx.commit();
      }
    }
    auto single = run_single(*single_db, c.single);
    auto bulk = run_bulk(*bulk_db, c.bulk);
    CHECK(single.allowed == c.expected.allowed);
    CHECK(bulk.allowed == c.expected.allowed);
    CHECK(single.reason == c.expected.reason);
    CHECK(bulk.reason == single.reason);
    CHECK(single.field == c.expected.field);
    CHECK(bulk.field == c.bulk_field);
    if (c.outcome) {
      CHECK(c.outcome(*single_db) == c.expected_outcome);
      CHECK(c.outcome(*bulk_db) == c.expected_outcome);
    }
  }
}

Verdict refused(std::string field, std::string reason) {
  return {false, std::move(field), std::move(reason)};
}

SingleOp open_plan(std::int64_t child, const std::string& tmpl, std::optional<std::string> category,
                   Date start) {
  return [=](store::WriteTransaction& tx) {
    record::OpenPlanRequest request;
    request.child_id = child;
    request.category = category;
    request.start = start;
    record::open_plan(tx, k_library.find(tmpl), k_calendar, request, k_today);
  };
}

BulkRequest plan_rows(const std::string& row) {
  return {io::RecordKind::plan, "child_id,template,initial_category,start_date\n" + row + "\n"};
}

SingleOp review(std::int64_t plan, Date date, const std::string& kind, std::optional<std::string> category) {
  return [=](store::WriteTransaction& tx) {
    record::NewReview r;
    r.plan_id = plan;
    r.date = date;
    r.kind = kind;
    r.category = category;
    record::record_review(
        tx, r, [](const std::string&) { return k_calendar; }, k_today);
  };
}

BulkRequest review_rows(const std::string& row) {
  return {io::RecordKind::review, "plan_id,kind,review_date,category\n" + row + "\n"};
}

std::string latest_category(store::Database& db) {
  return store::get_plan(db, 2).latest_category.value_or("(none)");
}

const char* const k_required = "is required by template 'child-protection' (one of NEG, PHY, SAB, EMO, MUL)";
const char* const k_codes = "must be one of NEG, PHY, SAB, EMO, MUL";

}  // namespace

TEST_CASE("rules: a plan's category, its dates and no two plans of a kind at once") {
  check_cases({
      {"a category of the template",
       open_plan(1, "child-protection", "PHY", Date(2026, 7, 1)),
       plan_rows("C1,child-protection,PHY,2026-07-01"),
       {}},
      {"no category for a template without",
       open_plan(1, "child-in-need", std::nullopt, Date(2026, 7, 1)),
       plan_rows("C1,child-in-need,,2026-07-01"),
       {}},
      {"a category required", open_plan(3, "child-protection", std::nullopt, Date(2026, 3, 1)),
       plan_rows("C3,child-protection,,2026-03-01"), refused("category", k_required), "initial_category"},
      {"a category refused", open_plan(1, "child-in-need", "NEG", Date(2026, 3, 1)),
       plan_rows("C1,child-in-need,NEG,2026-03-01"),
       refused("category", "does not apply to template 'child-in-need'"), "initial_category"},
      {"an unknown category code", open_plan(3, "child-protection", "XXX", Date(2026, 3, 1)),
       plan_rows("C3,child-protection,XXX,2026-03-01"), refused("category", k_codes), "initial_category"},
      {"an unknown category code on a template without",
       open_plan(1, "child-in-need", "XXX", Date(2026, 3, 1)), plan_rows("C1,child-in-need,XXX,2026-03-01"),
       refused("category", "does not apply to template 'child-in-need'"), "initial_category"},
      {"a second open plan of a kind", open_plan(2, "child-protection", "NEG", Date(2026, 3, 1)),
       plan_rows("C2,child-protection,NEG,2026-03-01"),
       refused("child", "already has an open child-protection plan P2"), "child_id"},
      {"a plan of another kind beside an open one",
       open_plan(2, "child-in-need", std::nullopt, Date(2026, 3, 1)),
       plan_rows("C2,child-in-need,,2026-03-01"),
       refused(
           "child",
           "already has an open child-protection plan P2: a child protection plan and a child in need plan "
           "may not overlap"),
       "child_id"},
      {"a plan of another kind overlapping a closed one",
       open_plan(1, "child-in-need", std::nullopt, Date(2026, 5, 1)),
       plan_rows("C1,child-in-need,,2026-05-01"),
       refused("start",
               "overlaps child-protection plan P1 of child C1 (2026-01-05 to 2026-06-01): a child protection "
               "plan "
               "and a child in need plan may not overlap"),
       "start_date"},
      {"a plan of another kind starting on the day a closed one ended",
       open_plan(1, "child-in-need", std::nullopt, Date(2026, 6, 1)),
       plan_rows("C1,child-in-need,,2026-06-01"),
       {}},
      {"overlapping a closed plan of a kind", open_plan(1, "child-protection", "NEG", Date(2026, 3, 1)),
       plan_rows("C1,child-protection,NEG,2026-03-01"),
       refused(
           "start",
           "overlaps child-protection plan P1 of child C1 (2026-01-05 to 2026-06-01): plans of a kind may "
           "not overlap"),
       "start_date"},
      {"a child protection plan starting on the day the previous one ended",
       open_plan(1, "child-protection", "NEG", Date(2026, 6, 1)),
       plan_rows("C1,child-protection,NEG,2026-06-01"),
       refused(
           "start",
           "meets child-protection plan P1 of child C1 (2026-01-05 to 2026-06-01): a child protection plan "
           "starts strictly after the previous one ended"),
       "start_date"},
      {"a child protection plan starting the day after the previous one ended",
       open_plan(1, "child-protection", "NEG", Date(2026, 6, 2)),
       plan_rows("C1,child-protection,NEG,2026-06-02"),
       {}},
      {"a start after today", open_plan(3, "child-protection", "NEG", Date(2026, 11, 23)),
       plan_rows("C3,child-protection,NEG,2026-11-23"), refused("start", "is after today"), "start_date"},
      {"a start before the child's birth", open_plan(3, "child-protection", "NEG", Date(2019, 6, 1)),
       plan_rows("C3,child-protection,NEG,2019-06-01"),
       refused("start", "is before the child's date of birth (2020-01-01)"), "start_date"},
      {"an end after the last review",
       [](store::WriteTransaction& tx) { record::close_plan(tx, 2, Date(2026, 3, 2), "other", k_today); },
       {io::RecordKind::plan, "plan_id,end_date,end_reason\nP2,2026-03-02,other\n", io::OnConflict::update},
       {}},
      {"an end on the day of the last review",
       [](store::WriteTransaction& tx) { record::close_plan(tx, 2, Date(2026, 3, 1), "other", k_today); },
       {io::RecordKind::plan, "plan_id,end_date,end_reason\nP2,2026-03-01,other\n", io::OnConflict::update},
       refused("end", "must be after the plan's last review (2026-03-01)"),
       "end_date"},
      {"an end before the start",
       [](store::WriteTransaction& tx) { record::close_plan(tx, 2, Date(2026, 1, 31), "other", k_today); },
       {io::RecordKind::plan, "plan_id,end_date,end_reason\nP2,2026-01-31,other\n", io::OnConflict::update},
       refused("end", "is before the plan's start (2026-02-01)"),
       "end_date"},
      {"an end after today",
       [](store::WriteTransaction& tx) { record::close_plan(tx, 2, Date(2026, 11, 23), "other", k_today); },
       {io::RecordKind::plan, "plan_id,end_date,end_reason\nP2,2026-11-23,other\n", io::OnConflict::update},
       refused("end", "is after today"),
       "end_date"},
  });
}

TEST_CASE("rules: a review's category, its date, and the plan's latest category") {
  check_cases({
      {"a category at a conference",
       review(2, Date(2026, 3, 1), "review-conference", "PHY"),
       review_rows("P2,review-conference,2026-03-01,PHY"),
       {},
       "",
       latest_category,
       "PHY"},
      {"no category at a core group",
       review(2, Date(2026, 3, 1), "core-group", std::nullopt),
       review_rows("P2,core-group,2026-03-01,"),
       {},
       "",
       latest_category,
       "NEG"},
      {"a category at a core group", review(2, Date(2026, 3, 1), "core-group", "PHY"),
       review_rows("P2,core-group,2026-03-01,PHY"),
       refused("category", "is decided at a conference, not a core-group"), "category"},
      {"a category on a plan without", review(3, Date(2026, 3, 1), "review-conference", "NEG"),
       review_rows("P3,review-conference,2026-03-01,NEG"),
       refused("category", "does not apply to a child-in-need plan"), "category"},
      {"an unknown category code", review(2, Date(2026, 3, 1), "initial-conference", "XXX"),
       review_rows("P2,initial-conference,2026-03-01,XXX"), refused("category", k_codes), "category"},
      {"a date after today", review(2, Date(2026, 11, 23), "core-group", std::nullopt),
       review_rows("P2,core-group,2026-11-23,"), refused("date", "is after today"), "review_date"},
      {"a date before the plan's start", review(2, Date(2026, 1, 31), "core-group", std::nullopt),
       review_rows("P2,core-group,2026-01-31,"), refused("date", "is before the plan's start (2026-02-01)"),
       "review_date"},
  });
}

TEST_CASE("rules: the latest category is the one of the latest review by date, whatever the order of entry") {
  // A conference on 2026-05-01 set EMO; one dated earlier and entered later does not displace it.
  check_cases({
      {"an earlier conference entered later",
       [](store::WriteTransaction& tx) {
         review(2, Date(2026, 5, 1), "review-conference", "EMO")(tx);
         review(2, Date(2026, 3, 1), "review-conference", "PHY")(tx);
       },
       {io::RecordKind::review,
        "plan_id,kind,review_date,category\nP2,review-conference,2026-05-01,EMO\n"
        "P2,review-conference,2026-03-01,PHY\n"},
       {},
       "",
       latest_category,
       "EMO"},
  });
}

TEST_CASE("rules: with no review category left and no initial one, the plan has no latest category") {
  // The case where the two copies had drifted: the bulk copy kept the stale category. A plan without an
  // initial category (migrated so) whose only categorised review loses its category.
  Scratch scratch;
  for (const char* path : {"single", "bulk"}) {
    CAPTURE(path);
    auto db = scratch.copy(path);
    {
      store::WriteTransaction tx(*db, context("record-review"));
      review(2, Date(2026, 3, 1), "review-conference", "PHY")(tx);
      tx.commit();
    }
    ics::store::connection(*db).exec("UPDATE plan SET initial_category = NULL WHERE id = 2");
    REQUIRE(latest_category(*db) == "PHY");
    auto review_id = ics::store::connection(*db).execAndGet("SELECT max(id) FROM review").getInt64();
    if (std::string(path) == "single") {
      // No command removes a review's category: what record_review calls after writing a review.
      ics::store::connection(*db).exec("UPDATE review SET category = NULL");
      store::WriteTransaction tx(*db, context("record-review"));
      record::follow_latest_category(tx, store::get_plan(*db, 2));
      tx.commit();
    } else {
      auto v =
          run_bulk(*db, {io::RecordKind::review, "review_id,category\nR" + std::to_string(review_id) + ",\n",
                         io::OnConflict::update});
      CHECK(v.allowed);
    }
    CHECK(latest_category(*db) == "(none)");
  }
}

TEST_CASE("rules: an action's section, due date and completion") {
  auto assign = [](std::optional<std::string> section, Date due) -> SingleOp {
    return [=](store::WriteTransaction& tx) {
      record::assign_action(tx, {2, "Visit", "Bob", "police", due, section});
    };
  };
  auto action_rows = [](const std::string& row) -> BulkRequest {
    return {io::RecordKind::action, "plan_id,section,what,owner,agency,due_date\n" + row + "\n"};
  };
  auto complete = [](Date on) -> SingleOp {
    return [=](store::WriteTransaction& tx) { record::complete_action(tx, k_action, on, k_today); };
  };
  auto A = [](const std::string& rest) -> BulkRequest {
    return {io::RecordKind::action,
            "action_id,status,completed_date\nA" + std::to_string(k_action) + "," + rest + "\n",
            io::OnConflict::update};
  };
  Scratch warm;  // sets k_action
  check_cases({
      {"a section of the template",
       assign("safety", Date(2026, 3, 1)),
       action_rows("P2,safety,Visit,Bob,police,2026-03-01"),
       {}},
      {"no section",
       assign(std::nullopt, Date(2026, 3, 1)),
       action_rows("P2,,Visit,Bob,police,2026-03-01"),
       {}},
      {"a section the template lacks", assign("garden", Date(2026, 3, 1)),
       action_rows("P2,garden,Visit,Bob,police,2026-03-01"),
       refused("section", "is not a section of template 'child-protection'"), "section"},
      {"due before the plan's start", assign(std::nullopt, Date(2026, 1, 31)),
       action_rows("P2,,Visit,Bob,police,2026-01-31"),
       refused("due", "is before the plan's start (2026-02-01)"), "due_date"},
      {"an agency of the list",
       [](store::WriteTransaction& tx) {
         record::assign_action(tx, {2, "Visit", "Bob", "youth-justice", Date(2026, 3, 1), std::nullopt});
       },
       action_rows("P2,,Visit,Bob,youth-justice,2026-03-01"),
       {}},
      {"an agency not in the list",
       [](store::WriteTransaction& tx) {
         record::assign_action(tx, {2, "Visit", "Bob", "Police", Date(2026, 3, 1), std::nullopt});
       },
       action_rows("P2,,Visit,Bob,Police,2026-03-01"),
       refused("agency",
               "is not in the agency list: must be one of social-care, health, education, police, housing, "
               "probation, youth-justice, early-help, voluntary, family, other"),
       "agency"},
      {"completed", complete(Date(2026, 3, 1)), A("done,2026-03-01"), {}},
      {"completed after today", complete(Date(2026, 11, 23)), A("done,2026-11-23"),
       refused("date", "is after today"), "completed_date"},
      {"completed before the plan's start", complete(Date(2026, 1, 31)), A("done,2026-01-31"),
       refused("date", "is before the plan's start (2026-02-01)"), "completed_date"},
  });
}

TEST_CASE("rules: a child's NHS number, UPN and legacy references are held by one child") {
  auto add = [](std::optional<std::string> nhs, std::optional<std::string> upn,
                std::optional<std::string> ref) -> SingleOp {
    return [=](store::WriteTransaction& tx) {
      model::Child child;
      child.given_names = "Ben";
      child.family_name = "Jones";
      child.date_of_birth = Date(2020, 1, 1);
      child.nhs_number = nhs;
      child.upn = upn;
      if (ref) child.refs = {*ref};
      record::add_child(tx, child, k_today);
    };
  };
  auto rows = [](const std::string& row) -> BulkRequest {
    return {io::RecordKind::child,
            "child_id,given_names,family_name,date_of_birth,nhs_number,upn,refs\n" + row + "\n"};
  };
  check_cases({
      {"identifiers of its own",
       add("9434765927", "P123456789013", "CPR-2"),
       rows("C9,Ben,Jones,2020-01-01,9434765927,P123456789013,CPR-2"),
       {}},
      {"a held NHS number", add("9434765919", std::nullopt, std::nullopt),
       rows("C9,Ben,Jones,2020-01-01,9434765919,,"), refused("NHS number", "is already held by child C3"),
       "nhs_number"},
      {"a held UPN", add(std::nullopt, "A123456789012", std::nullopt),
       rows("C9,Ben,Jones,2020-01-01,,A123456789012,"), refused("UPN", "is already held by child C3"), "upn"},
      {"a held legacy reference", add(std::nullopt, std::nullopt, "CPR-1"),
       rows("C9,Ben,Jones,2020-01-01,,,CPR-1"), refused("legacy reference", "is already held by child C3"),
       "refs"},
  });
}

TEST_CASE("rules: a child's date of birth") {
  auto add = [](Date dob) -> SingleOp {
    return [=](store::WriteTransaction& tx) {
      model::Child child;
      child.given_names = "Ben";
      child.family_name = "Jones";
      child.date_of_birth = dob;
      record::add_child(tx, child, k_today);
    };
  };
  auto rows = [](const std::string& dob) -> BulkRequest {
    return {io::RecordKind::child, "given_names,family_name,date_of_birth\nBen,Jones," + dob + "\n"};
  };
  check_cases({
      {"born today", add(k_today), rows("2026-11-22"), {}},
      {"born after today", add(Date(2026, 11, 23)), rows("2026-11-23"), refused("dob", "is after today"),
       "date_of_birth"},
  });
}

// The base's episodes, made by open-plan: E1 of C1 (from 2026-01-05, conference I1, its plan P1 closed on
// 2026-06-01), E2 of C2 (from 2026-02-01, conference I2, open plan P2), E3 of C3 (from 2026-02-01, open
// child in need plan P3); all three open.
TEST_CASE("rules: episodes, through open-referral and close-episode and the episodes file") {
  auto referral = [](std::int64_t child, Date date, std::optional<std::string> need, bool nfa) -> SingleOp {
    return [=](store::WriteTransaction& tx) {
      record::open_referral(tx, {child, date, "3A", need, nfa}, k_today);
    };
  };
  auto rows = [](const std::string& row) -> BulkRequest {
    return {io::RecordKind::episode,
            "child_id,referral_date,referral_source,primary_need,nfa\n" + row + "\n"};
  };
  auto close = [](std::int64_t episode, Date date) -> SingleOp {
    return [=](store::WriteTransaction& tx) { record::close_episode(tx, episode, date, "RC7", k_today); };
  };
  auto closure = [](const std::string& row) -> BulkRequest {
    return {io::RecordKind::episode, "episode_id,closure_date,closure_reason\n" + row + "\n",
            io::OnConflict::update};
  };
  check_cases({
      {"a referral with no further action before the open episode",
       referral(1, Date(2025, 6, 2), std::nullopt, true),
       rows("C1,2025-06-02,3A,,yes"),
       {}},
      {"a second open episode", referral(1, Date(2026, 7, 1), "N1", false), rows("C1,2026-07-01,3A,N1,no"),
       refused("child",
               "already has an open episode E1 (referred 2026-01-05): a child has at most one open episode; "
               "close it first"),
       "child_id"},
      {"closing when everything in it is finished",
       close(1, Date(2026, 6, 1)),
       closure("E1,2026-06-01,RC7"),
       {}},
      {"closing with a plan open", close(2, Date(2026, 3, 2)), closure("E2,2026-03-02,RC7"),
       refused("",
               "episode 'E2' cannot close: plan P2 is open (closing an episode needs every assessment "
               "completed, every enquiry ended and every plan closed)")},
      {"closing before the last date in it", close(1, Date(2026, 5, 29)), closure("E1,2026-05-29,RC7"),
       refused(
           "date",
           "is before the last date in episode E1 (plan P1 ended on 2026-06-01): everything in an episode "
           "is dated within it"),
       "closure_date"},
  });
}

TEST_CASE("rules: assessments, through start-assessment and the assessments file") {
  auto start = [](std::int64_t episode, Date date) -> SingleOp {
    return [=](store::WriteTransaction& tx) { record::start_assessment(tx, episode, date, k_today); };
  };
  auto rows = [](const std::string& row) -> BulkRequest {
    return {io::RecordKind::assessment, "episode_id,start_date\n" + row + "\n"};
  };
  check_cases({
      {"within its episode", start(1, Date(2026, 1, 5)), rows("E1,2026-01-05"), {}},
      {"before its episode's referral", start(1, Date(2026, 1, 4)), rows("E1,2026-01-04"),
       refused("date",
               "is before the referral of episode E1 (2026-01-05): everything in an episode is dated "
               "within it"),
       "start_date"},
  });
  // E4: a referral of C1 with no further action; N1: E2's open assessment.
  check_cases(
      {
          {"in a no-further-action episode", start(4, Date(2025, 6, 2)), rows("E4,2025-06-02"),
           refused("",
                   "episode 'E4' is a referral with no further action: it holds nothing but its referral, "
                   "so not an assessment")},
          {"a second open assessment", start(2, Date(2026, 3, 2)), rows("E2,2026-03-02"),
           refused("episode",
                   "already has an open assessment N1: an episode has at most one open assessment"),
           "episode_id"},
      },
      [](store::WriteTransaction& tx) {
        record::open_referral(tx, {1, Date(2025, 6, 2), "3A", std::nullopt, true}, k_today);
        record::start_assessment(tx, 2, Date(2026, 2, 2), k_today);
      });
}

TEST_CASE("rules: enquiries and conferences, through their commands and their files") {
  auto enquiry = [](std::int64_t episode, Date date) -> SingleOp {
    return
        [=](store::WriteTransaction& tx) { record::start_enquiry(tx, episode, date, k_calendar, k_today); };
  };
  auto enquiries = [](const std::string& row) -> BulkRequest {
    return {io::RecordKind::enquiry, "episode_id,start_date\n" + row + "\n"};
  };
  auto conference = [](std::int64_t episode, Date date) -> SingleOp {
    return [=](store::WriteTransaction& tx) {
      record::NewConference c;
      c.episode_id = episode;
      c.date = date;
      record::record_conference(tx, c, k_library.find("child-protection"), k_calendar, k_today);
    };
  };
  auto conferences = [](const std::string& row) -> BulkRequest {
    return {io::RecordKind::conference, "episode_id,enquiry_id,conference_date,outcome\n" + row + "\n"};
  };
  // S1: an enquiry of E3 from Monday 2 March 2026.
  check_cases(
      {
          {"a second open enquiry", enquiry(3, Date(2026, 4, 1)), enquiries("E3,2026-04-01"),
           refused("episode",
                   "already has an open enquiry S1 (started 2026-03-02): an episode has at most one "
                   "open enquiry"),
           "episode_id"},
          {"a conference of the enquiry",
           conference(3, Date(2026, 3, 16)),
           conferences("E3,S1,2026-03-16,no-plan"),
           {}},
          {"a conference before the enquiry", conference(3, Date(2026, 2, 27)),
           conferences("E3,S1,2026-02-27,no-plan"),
           refused("date",
                   "is before the start of enquiry S1 (2026-03-02): a conference is not before its enquiry"),
           "conference_date"},
          {"a conference at a weekend", conference(3, Date(2026, 3, 7)),
           conferences("E3,S1,2026-03-07,no-plan"),
           refused("date", "is a Saturday: a conference is not held at a weekend"), "conference_date"},
      },
      enquiry(3, Date(2026, 3, 2)));
}

TEST_CASE("rules: a child protection plan starts on the date of a conference of its episode") {
  auto open_in = [](std::int64_t episode, Date start) -> SingleOp {
    return [=](store::WriteTransaction& tx) {
      record::OpenPlanRequest request;
      request.child_id = 1;
      request.category = "NEG";
      request.start = start;
      request.episode_id = episode;
      record::open_plan(tx, k_library.find("child-protection"), k_calendar, request, k_today);
    };
  };
  auto rows = [](const std::string& row) -> BulkRequest {
    return {io::RecordKind::plan, "child_id,template,initial_category,start_date,episode_id\n" + row + "\n"};
  };
  check_cases({
      {"no conference that day", open_in(1, Date(2026, 7, 1)), rows("C1,child-protection,NEG,2026-07-01,E1"),
       refused("start",
               "is not the date of a conference of episode E1: a child protection plan starts on the "
               "date of the initial conference that decided it (record-conference opens it)"),
       "start_date"},
      {"an episode of another child", open_in(2, Date(2026, 7, 1)),
       rows("C1,child-protection,NEG,2026-07-01,E2"),
       refused("episode", "is an episode of child C2, not of C1"), "episode_id"},
  });
}
