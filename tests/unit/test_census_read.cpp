// store::read_census: which records of a year the census holds (returns-spec §1.2, §5.5 steps 1-2).
// Census year 2026: the period runs from 2025-04-01 (S) to 2026-03-31 (E).
#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/returns/census.hpp>
#include <ics/store/census.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

namespace {

using namespace ics;
using returns::CensusChild;
using util::Date;

struct CensusDb : ics_test::ScratchDb {
  CensusDb() {
    sql("INSERT INTO template_snapshot (id, name, version, hash, body) VALUES (1, 't', 1, 'h', '')");
  }
  void sql(const std::string& q) { store::connection(*db).exec(q); }
  void child(int id, const std::string& extra_columns = "", const std::string& extra_values = "") {
    sql("INSERT INTO child (id, given_names, family_name, date_of_birth, sex" + extra_columns + ") VALUES (" +
        std::to_string(id) + ", 'A', 'B', '2015-01-01', 'F'" + extra_values + ")");
  }
  // An episode of child `child_id`: referral, closure ('NULL' for none).
  void episode(int id, int child_id, const std::string& referral, const std::string& closure = "NULL",
               const std::string& source = "'3A'", const std::string& need = "'N1'", int nfa = 0) {
    sql("INSERT INTO episode (id, child_id, referral_date, referral_source, primary_need, nfa, closure_date, "
        "closure_reason, recorded_on) VALUES (" +
        std::to_string(id) + ", " + std::to_string(child_id) + ", '" + referral + "', " + source + ", " +
        need + ", " + std::to_string(nfa) + ", " + closure + ", " + (closure == "NULL" ? "NULL" : "'RC7'") +
        ", '2020-01-01')");
  }
  std::vector<CensusChild> read(int year = 2026) {
    std::vector<CensusChild> out;
    store::read_census(*db, returns::census_period(year), [&](const CensusChild& c) { out.push_back(c); });
    return out;
  }
};

Date d(const char* iso) {
  return *Date::parse_iso(iso);
}

}  // namespace

TEST_CASE("census: an episode is in the year when referred by 31 March and not closed before 1 April") {
  CensusDb t;
  for (int c = 1; c <= 6; ++c) t.child(c);
  t.episode(1, 1, "2025-06-01");                  // referred inside P, open
  t.episode(2, 2, "2020-01-01", "'2025-03-31'");  // closed the day before S: out
  t.episode(3, 3, "2026-04-01");                  // referred after E: out
  t.episode(4, 4, "2020-01-01", "'2025-04-01'");  // closed on S: in
  t.episode(5, 5, "2026-03-01", "'2026-04-02'");  // closed after E: in, shown open
  t.episode(6, 6, "2026-03-31");                  // referred on E: in
  auto children = t.read();
  REQUIRE(children.size() == 4);
  CHECK(children[0].id == 1);
  CHECK(children[1].id == 4);
  CHECK(children[1].episodes.at(0).closure == d("2025-04-01"));
  CHECK(children[1].episodes.at(0).closure_reason == "RC7");
  CHECK(children[2].id == 5);
  CHECK_FALSE(children[2].episodes.at(0).closure);
  CHECK_FALSE(children[2].episodes.at(0).closure_reason);
  CHECK(children[3].id == 6);
}

TEST_CASE("census: a child's fields, and the codes not known") {
  CensusDb t;
  t.child(1, ", upn, former_upn, upn_unknown, ethnicity, disabilities, date_of_death",
          ", 'A123', 'B456', 'UN2', 'WBRI', 'MOB,HAND', '2026-01-05'");
  t.sql(
      "INSERT INTO child (id, given_names, family_name, expected_dob, sex) VALUES (2, 'U', 'B', "
      "'2026-05-01', 'F')");
  t.child(3);
  t.episode(1, 1, "2025-06-01", "NULL", "NULL", "NULL");
  t.episode(2, 2, "2026-01-10", "NULL", "'1A'", "NULL", 1);
  t.episode(3, 3, "2025-05-01", "'2025-05-02'", "'9'", "'N4'");
  t.episode(4, 3, "2025-06-01");
  auto children = t.read();
  REQUIRE(children.size() == 3);
  const auto& a = children[0];
  CHECK(a.upn == "A123");
  CHECK(a.former_upn == "B456");
  CHECK(a.upn_unknown == "UN2");
  CHECK(a.ethnicity == "WBRI");
  CHECK(a.disabilities == std::vector<std::string>{"MOB", "HAND"});
  CHECK(a.death == d("2026-01-05"));
  CHECK(a.birth == d("2015-01-01"));
  CHECK_FALSE(a.expected_birth);
  CHECK(a.sex == "F");
  CHECK(a.episodes.at(0).referral_source == "10");  // unknown
  CHECK(a.episodes.at(0).primary_need == "N0");     // not stated
  const auto& unborn = children[1];
  CHECK_FALSE(unborn.birth);
  CHECK(unborn.expected_birth == d("2026-05-01"));
  CHECK(unborn.sex == "U");
  CHECK(unborn.disabilities.empty());
  CHECK(unborn.episodes.at(0).nfa);
  CHECK_FALSE(unborn.episodes.at(0).primary_need);  // NFA: none
  REQUIRE(children[2].episodes.size() == 2);        // by referral date
  CHECK(children[2].episodes[0].id == 3);
  CHECK(children[2].episodes[0].referral_source == "9");
  CHECK(children[2].episodes[1].id == 4);
}

TEST_CASE("census: assessments by authorisation and start") {
  CensusDb t;
  t.child(1);
  t.episode(1, 1, "2024-01-01");
  auto a = [&](int id, const char* start, const char* done, const char* factors) {
    t.sql(std::string(
              "INSERT INTO assessment (id, episode_id, start_date, completed_date, factors, recorded_on) "
              "VALUES (") +
          std::to_string(id) + ", 1, '" + start + "', " + done + ", " + factors + ", '2020-01-01')");
  };
  a(1, "2025-01-01", "'2025-03-31'", "'21'");      // authorised before S: out
  a(2, "2025-03-01", "'2025-04-01'", "'3A,16A'");  // authorised on S: in
  a(3, "2026-03-01", "'2026-04-01'", "'21'");      // authorised after E: shown unauthorised, no factors
  a(4, "2026-04-01", "NULL", "NULL");              // started after E: out
  a(5, "2025-02-01", "NULL", "NULL");              // unauthorised, started before S: kept (8736)
  auto children = t.read();
  const auto& as = children.at(0).episodes.at(0).assessments;
  REQUIRE(as.size() == 3);
  CHECK(as[0].id == 5);
  CHECK_FALSE(as[0].authorised);
  CHECK(as[1].id == 2);
  CHECK(as[1].authorised == d("2025-04-01"));
  CHECK(as[1].factors == std::vector<std::string>{"3A", "16A"});
  CHECK(as[2].id == 3);
  CHECK_FALSE(as[2].authorised);
  CHECK(as[2].factors.empty());
}

TEST_CASE("census: section 47 enquiries by conference, end and start; the episode's own conference") {
  CensusDb t;
  t.child(1);
  t.episode(1, 1, "2024-01-01");
  auto s = [&](int id, const char* start, const char* end) {
    t.sql(std::string("INSERT INTO enquiry (id, episode_id, start_date, conference_target, end_date, "
                      "recorded_on) VALUES (") +
          std::to_string(id) + ", 1, '" + start + "', '" + start + "', " + end + ", '2020-01-01')");
  };
  auto conf = [&](int id, const char* enquiry, const char* date) {
    t.sql(std::string("INSERT INTO conference (id, episode_id, enquiry_id, conference_date, outcome, "
                      "recorded_on) VALUES (") +
          std::to_string(id) + ", 1, " + enquiry + ", '" + date + "', 'no-plan', '2020-01-01')");
  };
  s(1, "2025-03-01", "NULL");
  conf(1, "1", "2025-03-20");  // ICPC before S: out
  s(2, "2025-03-25", "NULL");
  conf(2, "2", "2025-04-01");  // ICPC on S: in
  s(3, "2026-03-20", "NULL");
  conf(3, "3", "2026-04-02");          // ICPC after E: shown with none
  s(4, "2025-03-01", "'2025-03-31'");  // ended with no conference before S: out
  s(5, "2025-05-01", "'2025-05-10'");  // ended with no conference inside P: not required
  s(6, "2026-03-25", "'2026-04-01'");  // ended after E: not required is false
  s(7, "2026-04-01", "NULL");          // started after E: out
  s(8, "2025-01-10", "NULL");          // open and started before S: kept (8740)
  conf(9, "NULL", "2025-02-03");       // transfer-in conferences: the latest on or before E
  conf(10, "NULL", "2025-09-01");
  conf(11, "NULL", "2026-04-06");
  auto children = t.read();
  const auto& e = children.at(0).episodes.at(0);
  CHECK(e.icpc == d("2025-09-01"));
  CHECK(e.icpc_conference_id == 10);
  const auto& ss = e.section47s;
  REQUIRE(ss.size() == 5);
  CHECK(ss[0].id == 8);
  CHECK_FALSE(ss[0].icpc);
  CHECK_FALSE(ss[0].icpc_not_required);
  CHECK(ss[1].id == 2);
  CHECK(ss[1].icpc == d("2025-04-01"));
  CHECK(ss[1].conference_id == 2);
  CHECK(ss[1].icpc_target == d("2025-03-25"));
  CHECK(ss[2].id == 5);
  CHECK(ss[2].icpc_not_required);
  CHECK(ss[3].id == 3);
  CHECK_FALSE(ss[3].icpc);
  CHECK(ss[3].conference_id == 0);
  CHECK(ss[4].id == 6);
  CHECK_FALSE(ss[4].icpc_not_required);
}

TEST_CASE("census: plans by end and start, their categories and review conferences") {
  CensusDb t;
  t.child(1);
  t.episode(1, 1, "2020-01-01");
  auto p = [&](int id, const char* kind, const char* start, const char* end, const char* latest) {
    t.sql(std::string("INSERT INTO plan (id, child_id, template_id, kind, initial_category, latest_category, "
                      "start_date, end_date, previous_cp_plans, episode_id) VALUES (") +
          std::to_string(id) + ", 1, 1, '" + kind + "', " +
          (std::string(kind) == "child-protection" ? "'NEG'" : "NULL") + ", " + latest + ", '" + start +
          "', " + end + ", " + std::to_string(id) + ", 1)");
  };
  auto r = [&](int plan, const char* kind, const char* date, const char* category) {
    t.sql(std::string("INSERT INTO review (plan_id, kind, review_date, category) VALUES (") +
          std::to_string(plan) + ", '" + kind + "', '" + date + "', " + category + ")");
  };
  p(1, "child-in-need", "2024-01-01", "'2025-03-31'", "NULL");      // ended before S: out
  p(2, "child-in-need", "2024-06-01", "'2025-04-01'", "NULL");      // ended on S: in
  p(3, "child-in-need", "2026-04-01", "NULL", "NULL");              // starts after E: out
  p(4, "child-protection", "2025-02-01", "'2026-04-01'", "'PHY'");  // ends after E: open
  r(4, "review-conference", "2025-03-01", "'EMO'");                 // before S: kept
  r(4, "core-group", "2025-05-01", "NULL");                         // not a review conference
  r(4, "review-conference", "2025-08-01", "NULL");
  r(4, "review-conference", "2026-04-01", "'PHY'");                 // after E: out, and its category too
  p(5, "child-protection", "2024-01-01", "'2024-06-01'", "'MUL'");  // ended before S: out
  r(5, "review-conference", "2024-03-01", "NULL");
  p(6, "child-in-need", "2026-03-01", "'2026-06-01'", "NULL");  // end after E left blank
  auto children = t.read();
  const auto& e = children.at(0).episodes.at(0);
  REQUIRE(e.cin_plans.size() == 2);
  CHECK(e.cin_plans[0].id == 2);
  CHECK(e.cin_plans[0].end == d("2025-04-01"));
  CHECK(e.cin_plans[1].id == 6);
  CHECK_FALSE(e.cin_plans[1].end);
  REQUIRE(e.cp_plans.size() == 1);
  const auto& cpp = e.cp_plans[0];
  CHECK(cpp.id == 4);
  CHECK(cpp.start == d("2025-02-01"));
  CHECK_FALSE(cpp.end);
  CHECK(cpp.initial_category == "NEG");
  CHECK(cpp.latest_category == "EMO");
  CHECK(cpp.previous_plans == 4);
  CHECK(cpp.reviews == std::vector<Date>{d("2025-03-01"), d("2025-08-01")});
}

TEST_CASE("census: a plan's latest category is the one it holds when no later review changed it") {
  CensusDb t;
  t.child(1);
  t.episode(1, 1, "2025-05-01");
  t.sql(
      "INSERT INTO plan (id, child_id, template_id, kind, initial_category, latest_category, start_date, "
      "episode_id) VALUES (1, 1, 1, 'child-protection', 'NEG', 'SAB', '2025-05-01', 1)");
  auto children = t.read();
  CHECK(children.at(0).episodes.at(0).cp_plans.at(0).latest_category == "SAB");
  CHECK(children.at(0).episodes.at(0).cp_plans.at(0).reviews.empty());
}

TEST_CASE("census: another year reads the same records again") {
  CensusDb t;
  t.child(1);
  t.episode(1, 1, "2025-06-01", "'2026-06-01'");
  CHECK(t.read(2026).at(0).episodes.at(0).closure == std::nullopt);
  CHECK(t.read(2027).at(0).episodes.at(0).closure == d("2026-06-01"));
  CHECK(t.read(2025).empty());
}

TEST_CASE("census: a record's date that is not one stops the read, naming the column and the value") {
  // the last of 300 children: its rows are built after the reading thread has read everything
  CensusDb t;
  for (int c = 1; c <= 300; ++c) {
    t.child(c);
    t.episode(c, c, "2025-06-01");
  }
  t.sql(
      "INSERT INTO assessment (id, episode_id, start_date, recorded_on) VALUES (1, 300, '2025-13-45', "
      "'2025-06-02')");
  CHECK_THROWS_WITH_AS(t.read(), "census: 'start_date' is not a date: '2025-13-45'", StorageError);
}
