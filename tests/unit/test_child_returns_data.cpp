// The child data the returns need (issue 14 item 1): disabilities, UPN unknown, former UPN, the
// mother's NHS number, ethnicity codes, the date of death and what it ends, and the return settings.
// Each rule is checked allowed and refused, and through add-child and a children file alike.
#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/io/bulk/import.hpp>
#include <ics/io/bulk/input.hpp>
#include <ics/model/code_lists.hpp>
#include <ics/model/validate.hpp>
#include <ics/plan/calendars.hpp>
#include <ics/record/actions.hpp>
#include <ics/record/children.hpp>
#include <ics/record/episodes.hpp>
#include <ics/record/plans.hpp>
#include <ics/record/reviews.hpp>
#include <ics/returns/settings.hpp>
#include <ics/store/episodes.hpp>
#include <ics/store/maintenance.hpp>
#include <ics/store/records.hpp>
#include <ics/store/settings.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <map>
#include <sstream>

using namespace ics;
using util::Date;

namespace {

const Date k_today(2026, 11, 22);

struct Fixture : ics_test::ScratchDb {
  plan::TemplateLibrary library{{}};
  util::Calendar calendar = plan::load_calendar("england-and-wales", {});

  std::int64_t add(model::Child c) {
    store::WriteTransaction tx(*db, context("add-child"));
    auto id = record::add_child(tx, std::move(c), k_today);
    tx.commit();
    return id;
  }

  static model::Child born(Date dob = Date(2019, 4, 2)) {
    model::Child c;
    c.given_names = "Amelia";
    c.family_name = "Smith";
    c.date_of_birth = dob;
    return c;
  }

  // Imports a children (or other kind's) file; returns the first error's "field: reason", or "" when
  // every row was written (and committed).
  std::string import_file(io::RecordKind kind, const std::string& text,
                          io::OnConflict mode = io::OnConflict::error) {
    std::istringstream in(text);
    io::BulkInput input(in);
    io::BulkImportOptions options;
    options.kind = kind;
    options.format = io::BulkFormat::csv;
    options.on_conflict = mode;
    options.file_name = "test.csv";
    options.today = k_today;
    options.find_template = [this](const std::string& name) { return library.find(name); };
    store::WriteTransaction tx(*db, context("import"));
    auto result = io::import_bulk(tx, input, options);
    if (!result.errors.empty()) return result.errors[0].field + ": " + result.errors[0].reason;
    tx.commit();
    return "";
  }

  template <typename F>
  void write(const std::string& command, F&& f) {
    store::WriteTransaction tx(*db, context(command));
    f(tx);
    tx.commit();
  }

  std::int64_t open_plan(std::int64_t child, const std::string& tmpl, std::optional<std::string> category,
                         Date start) {
    record::OpenPlanRequest request;
    request.child_id = child;
    request.category = std::move(category);
    request.start = start;
    std::int64_t id = 0;
    write("open-plan",
          [&](auto& tx) { id = record::open_plan(tx, library.find(tmpl), calendar, request, k_today); });
    return id;
  }

  std::int64_t referral(std::int64_t child, Date date) {
    std::int64_t id = 0;
    write("open-referral", [&](auto& tx) {
      id = record::open_referral(tx, {child, date, "3A", std::string("N1"), false}, k_today);
    });
    return id;
  }

  plan::CalendarLoader loader() {
    return [this](const std::string&) { return calendar; };
  }

  static record::NewReview visit(std::int64_t plan, Date date) {
    record::NewReview r;
    r.plan_id = plan;
    r.date = date;
    r.kind = "visit";
    r.seen = "yes";
    return r;
  }

  std::string scalar(const std::string& sql) { return store::connection(*db).execAndGet(sql).getString(); }
};

// The verdict of add-child on a child: "" when added, else the field it names and the reason.
std::string verdict_of(Fixture& f, const model::Child& c) {
  try {
    f.add(c);
    return "";
  } catch (const InvalidInput& e) {
    return e.field() + ": " + e.reason();
  }
}

}  // namespace

TEST_CASE("code lists: ethnicity, disability, upn-unknown and la-number load with the census's codes") {
  CHECK(model::code_list("ethnicity").codes.size() == 20);
  CHECK(model::code_list("ethnicity").contains("NOBT"));
  CHECK(model::code_list("disability").values() ==
        std::vector<std::string>{"NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH",
                                 "CON", "AUT", "DDA"});
  CHECK(model::code_list("upn-unknown").values() ==
        std::vector<std::string>{"UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7"});
  const auto& la = model::code_list("la-number");
  for (auto code : {"201", "202", "420", "838", "839", "938", "942", "943", "001", "681"}) {
    CAPTURE(code);
    CHECK(la.contains(code));
  }
  for (auto code : {"200", "804", "999", "21", "0201"}) {
    CAPTURE(code);
    CHECK_FALSE(la.contains(code));
  }
  CHECK(la.find("202")->meaning == "Camden");
}

TEST_CASE("disabilities: codes of the list, none twice, NONE alone; split and joined as stored") {
  CHECK(model::require_disabilities({"MOB", "HAND"}, "disabilities") ==
        std::vector<std::string>{"MOB", "HAND"});
  CHECK(model::require_disabilities({"NONE"}, "disabilities") == std::vector<std::string>{"NONE"});
  CHECK(model::require_disabilities({}, "disabilities").empty());
  CHECK_THROWS_WITH_AS(model::require_disabilities({"MOB", "XYZ"}, "disabilities"),
                       doctest::Contains("'disabilities' is not in the disability list"), InvalidInput);
  CHECK_THROWS_WITH_AS(model::require_disabilities({"MOB", "MOB"}, "disabilities"),
                       "'disabilities' is listed twice: 'MOB'", InvalidInput);
  CHECK_THROWS_WITH_AS(
      model::require_disabilities({"NONE", "AUT"}, "disabilities"),
      "'disabilities' lists NONE (no disability) with other codes: NONE stands alone: 'NONE,AUT'",
      InvalidInput);
  CHECK_THROWS_AS(model::require_disabilities({"mob"}, "disabilities"), InvalidInput);  // codes are exact
  CHECK(model::split_codes(" MOB , HAND") == std::vector<std::string>{"MOB", "HAND"});
  CHECK(model::split_codes("").empty());
  CHECK(model::join_codes({"MOB", "HAND"}) == "MOB,HAND");
}

TEST_CASE_FIXTURE(Fixture, "add-child and a children file give the same verdict on the returns' fields") {
  struct Case {
    const char* what;
    const char* columns;  // the file's columns after given_names,family_name
    const char* values;
    model::Child child;
    std::string verdict;  // "" allowed, else "field: reason" as both name it
  };
  auto with = [](auto set) {
    auto c = born();
    set(c);
    return c;
  };
  auto unborn = [](auto set) {
    model::Child c;
    c.given_names = "Baby";
    c.family_name = "Jones";
    c.expected_dob = Date(2027, 3, 1);
    set(c);
    return c;
  };
  std::vector<Case> cases = {
      {"disabilities", "date_of_birth,disabilities", "2019-04-02,\"AUT,COMM\"", with([](auto& c) {
         c.disabilities = {"AUT", "COMM"};
       }),
       ""},
      {"NONE with a code", "date_of_birth,disabilities", "2019-04-02,\"NONE,AUT\"", with([](auto& c) {
         c.disabilities = {"NONE", "AUT"};
       }),
       "disabilities: lists NONE (no disability) with other codes: NONE stands alone"},
      {"a code twice", "date_of_birth,disabilities", "2019-04-02,\"AUT,AUT\"", with([](auto& c) {
         c.disabilities = {"AUT", "AUT"};
       }),
       "disabilities: is listed twice"},
      {"an unknown disability", "date_of_birth,disabilities", "2019-04-02,BLIND",
       with([](auto& c) { c.disabilities = {"BLIND"}; }),
       "disabilities: is not in the disability list: must be one of NONE, MOB, HAND, PC, INC, COMM, LD, "
       "HEAR, "
       "VIS, BEH, CON, AUT, DDA"},
      {"upn unknown", "date_of_birth,upn_unknown", "2019-04-02,UN1",
       with([](auto& c) { c.upn_unknown = "UN1"; }), ""},
      {"an unknown upn unknown", "date_of_birth,upn_unknown", "2019-04-02,UN8",
       with([](auto& c) { c.upn_unknown = "UN8"; }),
       "upn_unknown: is not in the upn-unknown list: must be one of UN1, UN2, UN3, UN4, UN5, UN6, UN7"},
      {"upn unknown with a upn", "date_of_birth,upn,upn_unknown", "2019-04-02,A123456789012,UN2",
       with([](auto& c) {
         c.upn = "A123456789012";
         c.upn_unknown = "UN2";
       }),
       "upn_unknown: is given with a UPN: it says why a child has none"},
      {"a former upn", "date_of_birth,former_upn", "2019-04-02,a123456789012",
       with([](auto& c) { c.former_upn = "a123456789012"; }), ""},
      {"a bad former upn", "date_of_birth,former_upn", "2019-04-02,B123456789012",
       with([](auto& c) { c.former_upn = "B123456789012"; }), "former_upn: is not a valid UPN"},
      {"a mother of an unborn child", "expected_dob,mother_nhs_number", "2027-03-01,943 476 5870",
       unborn([](auto& c) { c.mother_nhs_number = "943 476 5870"; }), ""},
      {"a mother of a born child", "date_of_birth,mother_nhs_number", "2019-04-02,9434765870",
       with([](auto& c) { c.mother_nhs_number = "9434765870"; }),
       "mother_nhs_number: is recorded only for an unborn child (an expected date of birth and no date of "
       "birth)"},
      {"a bad mother's number", "expected_dob,mother_nhs_number", "2027-03-01,9434765871",
       unborn([](auto& c) { c.mother_nhs_number = "9434765871"; }),
       "mother_nhs_number: is not a valid NHS number"},
      {"the child's own number as the mother's", "expected_dob,nhs_number,mother_nhs_number",
       "2027-03-01,9434765870,9434765870", unborn([](auto& c) {
         c.nhs_number = "9434765870";
         c.mother_nhs_number = "9434765870";
       }),
       "mother_nhs_number: is the child's own NHS number"},
      {"an ethnicity code", "date_of_birth,ethnicity", "2019-04-02,WBRI",
       with([](auto& c) { c.ethnicity = "WBRI"; }), ""},
      {"free-text ethnicity", "date_of_birth,ethnicity", "2019-04-02,White British",
       with([](auto& c) { c.ethnicity = "White British"; }),
       "ethnicity: is not in the ethnicity list: must be one of WBRI, WIRI, WIRT, WOTH, WROM, MWBC, MWBA, "
       "MWAS, "
       "MOTH, AIND, APKN, ABAN, AOTH, BCRB, BAFR, BOTH, CHNE, OOTH, REFU, NOBT"},
      {"a date of death", "date_of_birth,date_of_death", "2019-04-02,2026-01-05",
       with([](auto& c) { c.date_of_death = Date(2026, 1, 5); }), ""},
      {"a death before birth", "date_of_birth,date_of_death", "2019-04-02,2019-04-01",
       with([](auto& c) { c.date_of_death = Date(2019, 4, 1); }),
       "date_of_death: is before the child's date of birth (2019-04-02)"},
      {"a death after today", "date_of_birth,date_of_death", "2019-04-02,2026-11-23",
       with([](auto& c) { c.date_of_death = Date(2026, 11, 23); }), "date_of_death: is after today"},
  };
  for (auto& c : cases) {
    CAPTURE(c.what);
    auto single = verdict_of(*this, c.child);
    auto bulk = import_file(io::RecordKind::child, std::string("given_names,family_name,") + c.columns +
                                                       "\n" + c.child.given_names + "," +
                                                       c.child.family_name + "," + c.values + "\n");
    CHECK(single == c.verdict);
    CHECK(bulk == c.verdict);
  }
}

TEST_CASE_FIXTURE(Fixture, "the returns' fields are stored, read back, exported and audited") {
  auto c = born();
  c.disabilities = {"AUT", "COMM"};
  c.upn_unknown = "UN2";
  c.former_upn = "a123456789012";
  c.ethnicity = "WBRI";
  auto id = add(c);
  auto stored = store::get_child(*db, id);
  CHECK(stored.disabilities == std::vector<std::string>{"AUT", "COMM"});
  CHECK(stored.upn_unknown == "UN2");
  CHECK(stored.former_upn == "A123456789012");
  CHECK(scalar("SELECT disabilities FROM child") == "AUT,COMM");
  auto audit = scalar("SELECT after FROM audit WHERE entity = 'C1'");
  CHECK(audit.find(R"("disabilities":["AUT","COMM"],"upn_unknown":"UN2","former_upn":"A123456789012",)"
                   R"("mother_nhs_number":null,"date_of_death":null)") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "ethnicity stored before the list is kept, and db check lists it") {
  add(born());
  store::connection(*db).exec("UPDATE child SET ethnicity = 'White British' WHERE id = 1");
  // The same value again (an update of another column) is kept; a new free-text value is refused.
  CHECK(
      import_file(
          io::RecordKind::child,
          "child_id,given_names,family_name,date_of_birth,ethnicity\nC1,Amy,Smith,2019-04-02,White British\n",
          io::OnConflict::update) == "");
  CHECK(store::get_child(*db, 1).given_names == "Amy");
  CHECK(
      import_file(io::RecordKind::child,
                  "child_id,given_names,family_name,date_of_birth,ethnicity\nC1,Amy,Smith,2019-04-02,Irish\n",
                  io::OnConflict::update)
          .starts_with("ethnicity: is not in the ethnicity list"));
  auto kept = store::uncoded_values(*db);
  REQUIRE(kept.size() == 1);
  CHECK(kept[0] ==
        "ethnicity 'White British' of 1 child (first C1) is not a code of schemas/codes/ethnicity.yaml");
}

TEST_CASE_FIXTURE(Fixture,
                  "record-death closes the open plan and episode, cancels the open actions, audited") {
  auto child = add(born());
  auto plan = open_plan(child, "child-protection", "NEG", Date(2026, 3, 2));
  auto episode = store::get_plan(*db, plan).episode_id;
  REQUIRE(!store::open_actions_of_plan(*db, plan).empty());
  auto audits = std::stol(scalar("SELECT count(*) FROM audit"));
  record::DeathEnds ends;
  write("record-death", [&](auto& tx) { ends = record::record_death(tx, child, Date(2026, 5, 4), k_today); });
  CHECK(ends.plans == std::vector<std::int64_t>{plan});
  CHECK(ends.episodes == std::vector<std::int64_t>{episode});
  CHECK(store::get_child(*db, child).date_of_death == Date(2026, 5, 4));
  auto closed = store::get_plan(*db, plan);
  CHECK(closed.end_date == Date(2026, 5, 4));
  CHECK(closed.end_reason == "died");
  CHECK(store::open_actions_of_plan(*db, plan).empty());
  auto e = store::get_episode(*db, episode);
  CHECK(e.closure_date == Date(2026, 5, 4));
  CHECK(e.closure_reason == "RC2");
  CHECK(
      std::stol(scalar("SELECT count(*) FROM audit WHERE command = 'record-death' AND entity IN ('C1', 'P1', "
                       "'E1')")) == 3);
  CHECK(std::stol(scalar("SELECT count(*) FROM audit")) > audits + 3);  // and the cancelled actions
  // Twice is refused.
  CHECK_THROWS_WITH_AS(
      write("record-death", [&](auto& tx) { record::record_death(tx, child, Date(2026, 5, 4), k_today); }),
      "child 'C1' died on 2026-05-04: the death is already recorded", Conflict);
}

TEST_CASE_FIXTURE(Fixture,
                  "record-death refuses a date after a record of the child, after today or before birth") {
  auto child = add(born());
  auto plan = open_plan(child, "child-in-need", std::nullopt, Date(2026, 3, 2));
  write("record-review",
        [&](auto& tx) { record::record_review(tx, visit(plan, Date(2026, 6, 1)), loader(), k_today); });
  auto death = [&](Date d) {
    write("record-death", [&](auto& tx) { record::record_death(tx, child, d, k_today); });
  };
  CHECK_THROWS_WITH_AS(
      death(Date(2026, 5, 4)),
      "'date' is before the child's review R1 was held on 2026-06-01: nothing of a child is dated "
      "after its death: '2026-05-04'",
      InvalidInput);
  // The latest record is named: the date must come after it.
  CHECK_THROWS_WITH_AS(death(Date(2026, 1, 4)),
                       doctest::Contains("is before the child's review R1 was held on 2026-06-01"),
                       InvalidInput);
  CHECK_THROWS_WITH_AS(death(Date(2026, 11, 23)), "'date' is after today: '2026-11-23'", InvalidInput);
  CHECK_THROWS_WITH_AS(death(Date(2019, 4, 1)), doctest::Contains("is before the child's date of birth"),
                       InvalidInput);
  CHECK_FALSE(store::get_child(*db, child).date_of_death);
  CHECK(scalar("SELECT count(*) FROM audit WHERE command = 'record-death'") == "0");
  // A death on the day of the last record is allowed, but the plan must then close on that day, which
  // close-plan refuses when a review was held on it.
  CHECK_THROWS_WITH_AS(death(Date(2026, 6, 1)),
                       "'date' must be after the plan's last review (2026-06-01): '2026-06-01'",
                       InvalidInput);
  death(Date(2026, 6, 2));
  CHECK(store::get_plan(*db, plan).end_date == Date(2026, 6, 2));
}

TEST_CASE_FIXTURE(Fixture, "record-death refuses while an assessment or enquiry is open, naming them") {
  auto child = add(born());
  auto episode = referral(child, Date(2026, 3, 2));
  write("start-assessment",
        [&](auto& tx) { record::start_assessment(tx, episode, Date(2026, 3, 3), k_today); });
  write("start-enquiry",
        [&](auto& tx) { record::start_enquiry(tx, episode, Date(2026, 3, 4), calendar, k_today); });
  CHECK_THROWS_WITH_AS(
      write("record-death", [&](auto& tx) { record::record_death(tx, child, Date(2026, 5, 4), k_today); }),
      "the death of child 'C1' cannot be recorded while assessment N1 (episode E1) and enquiry S1 (episode "
      "E1) "
      "are open: complete the assessment (complete-assessment) and end the enquiry (end-enquiry or "
      "record-conference) on or before 2026-05-04 first; record-death closes the episode but does not "
      "complete what it holds",
      Conflict);
  CHECK_FALSE(store::get_child(*db, child).date_of_death);
  CHECK_FALSE(store::get_episode(*db, episode).closure_date);
}

TEST_CASE_FIXTURE(Fixture, "after a death nothing of the child is dated after it, by command or by file") {
  auto child = add(born());
  auto plan = open_plan(child, "child-in-need", std::nullopt, Date(2026, 3, 2));
  auto episode = store::get_plan(*db, plan).episode_id;
  write("record-death", [&](auto& tx) { record::record_death(tx, child, Date(2026, 5, 4), k_today); });
  const auto* after =
      "is after the death of child C1 (2026-05-04): nothing of a child is dated after its death";
  CHECK_THROWS_WITH_AS(open_plan(child, "child-in-need", std::nullopt, Date(2026, 5, 5)),
                       doctest::Contains((std::string("'start' ") + after).c_str()), InvalidInput);
  CHECK_THROWS_WITH_AS(referral(child, Date(2026, 6, 1)),
                       doctest::Contains((std::string("'date' ") + after).c_str()), InvalidInput);
  // A plan dated on the day of the death is allowed (and a plan of it must end by then too).
  auto late = open_plan(child, "child-protection", "NEG", Date(2026, 5, 4));
  CHECK_THROWS_WITH_AS(
      write("close-plan",
            [&](auto& tx) { record::close_plan(tx, late, Date(2026, 5, 5), "no-longer-at-risk", k_today); }),
      doctest::Contains((std::string("'end' ") + after).c_str()), InvalidInput);
  CHECK_THROWS_WITH_AS(
      write("record-review",
            [&](auto& tx) { record::record_review(tx, visit(late, Date(2026, 5, 6)), loader(), k_today); }),
      doctest::Contains((std::string("'date' ") + after).c_str()), InvalidInput);
  // The same rule in the files: a review, a plan, an episode after the death.
  CHECK(import_file(io::RecordKind::review,
                    "plan_id,kind,review_date\nP" + std::to_string(late) + ",visit,2026-05-06\n") ==
        std::string("review_date: ") + after);
  CHECK(import_file(io::RecordKind::plan, "child_id,template,start_date\nC1,child-in-need,2026-06-01\n") ==
        std::string("start_date: ") + after);
  CHECK(import_file(io::RecordKind::episode,
                    "child_id,referral_date,referral_source,primary_need\nC1,2026-07-01,3A,N1\n") ==
        std::string("referral_date: ") + after);
  (void)episode;
}

TEST_CASE_FIXTURE(Fixture,
                  "a children file recording a death is refused when a record of the child is later") {
  auto child = add(born());
  open_plan(child, "child-in-need", std::nullopt, Date(2026, 3, 2));
  CHECK(
      import_file(io::RecordKind::child,
                  "child_id,given_names,family_name,date_of_birth,date_of_death\nC1,Amelia,Smith,2019-04-02,"
                  "2026-03-01\n",
                  io::OnConflict::update) ==
      "date_of_death: is before the child's episode E1 was referred on 2026-03-02: nothing of a child is "
      "dated "
      "after its death");
  CHECK(
      import_file(io::RecordKind::child,
                  "child_id,given_names,family_name,date_of_birth,date_of_death\nC1,Amelia,Smith,2019-04-02,"
                  "2026-03-02\n",
                  io::OnConflict::update) == "");
}

TEST_CASE("settings: each key accepts what it says and refuses the rest, naming key, value and reason") {
  CHECK(returns::check_setting("la_code", "202") == "202");
  CHECK(returns::check_setting("la_code", " 938 ") == "938");
  CHECK_THROWS_WITH_AS(returns::check_setting("la_code", "99"),
                       "'la_code' must be 3 digits (the DfE's local authority number): '99'", InvalidInput);
  CHECK_THROWS_WITH_AS(returns::check_setting("la_code", "999"),
                       "'la_code' is not a local authority number of schemas/codes/la-number.yaml: '999'",
                       InvalidInput);
  CHECK(returns::check_setting("software_code", "icsctl") == "icsctl");
  CHECK(returns::check_setting("release", std::string(50, 'r')).size() == 50);
  CHECK_THROWS_WITH_AS(returns::check_setting("release", std::string(51, 'r')),
                       doctest::Contains("'release' is longer than 50 characters"), InvalidInput);
  CHECK(returns::check_setting("software_code", "Ré" + std::string(48, 'x')).size() == 51);  // 50 characters
  CHECK(returns::check_setting("serial_no", "001") == "001");
  CHECK(returns::check_setting("serial_no", "12345") == "12345");
  CHECK_THROWS_WITH_AS(returns::check_setting("serial_no", "01"),
                       "'serial_no' must be 3 or more digits: '01'", InvalidInput);
  CHECK_THROWS_AS(returns::check_setting("serial_no", "12a"), InvalidInput);
  CHECK(returns::check_setting("la_name", "London Borough of Camden") == "London Borough of Camden");
  CHECK_THROWS_WITH_AS(returns::check_setting("la_name", "  "), "'la_name' must not be empty: '  '",
                       InvalidInput);
  CHECK(returns::check_setting("la_phone", "+44 (0)20 7974-4444") == "+44 (0)20 7974-4444");
  CHECK_THROWS_WITH_AS(
      returns::check_setting("la_emergency_phone", "020 7974 ext 1"),
      "'la_emergency_phone' is not a phone number: only digits, spaces and + ( ) - are allowed: "
      "'020 7974 ext 1'",
      InvalidInput);
  CHECK_THROWS_AS(returns::check_setting("la_phone", "( - )"), InvalidInput);
  CHECK_THROWS_WITH_AS(returns::check_setting("colour", "red"),
                       "'key' is not a setting: the settings are la_code, software_code, release, serial_no, "
                       "la_name, la_phone, la_emergency_phone: 'colour'",
                       InvalidInput);
  CHECK(returns::setting_keys().size() == 7);
  CHECK(returns::is_setting_key("la_emergency_phone"));
  CHECK_FALSE(returns::is_setting_key("lea"));
}

TEST_CASE_FIXTURE(Fixture, "settings: set, replaced and audited; require_setting says how to set one") {
  CHECK_THROWS_WITH_AS(returns::require_setting(*db, "la_code"),
                       "setting 'la_code' is not set: icsctl settings set la_code NNN", NotFound);
  write("settings set", [&](auto& tx) { returns::set_setting(tx, "la_code", "202"); });
  write("settings set", [&](auto& tx) { returns::set_setting(tx, "la_code", "203"); });
  CHECK(returns::require_setting(*db, "la_code") == "203");
  CHECK_THROWS_AS(write("settings set", [&](auto& tx) { returns::set_setting(tx, "la_code", "2O3"); }),
                  InvalidInput);
  CHECK(store::all_settings(*db) == std::map<std::string, std::string>{{"la_code", "203"}});
  CHECK(scalar("SELECT count(*) FROM audit WHERE entity = 'setting:la_code'") == "2");
  CHECK(
      scalar(
          "SELECT before || ' -> ' || after FROM audit WHERE entity = 'setting:la_code' ORDER BY seq DESC") ==
      R"({"key":"la_code","value":"202"} -> {"key":"la_code","value":"203"})");
  CHECK(scalar("SELECT coalesce(before, 'null') FROM audit WHERE entity = 'setting:la_code' ORDER BY seq") ==
        "null");
}
