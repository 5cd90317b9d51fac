// The census rules about the whole return, and that the checker applies exactly the rules of
// returns-spec §1.12.
#include "census_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace census_test;
using ics::returns::Severity;

namespace {

// The clean child as child `id`, with its disabilities.
CensusChild child(std::int64_t id, std::vector<std::string> disabilities = {"NONE"}) {
  auto c = clean_child();
  c.id = id;
  c.upn = std::nullopt;
  c.upn_unknown = "UN2";
  c.disabilities = std::move(disabilities);
  return c;
}

std::vector<std::string> messages(std::string_view rule, const std::vector<CensusChild>& children) {
  std::vector<std::string> out;
  for (const auto& f : findings(rule, children)) out.push_back(f.message);
  return out;
}

}  // namespace

TEST_CASE("census 100: ReferenceDate is 31 March of the Year") {
  CHECK(findings("100", clean_child()).empty());
  auto wrong = period();
  wrong.reference = Date(2026, 3, 30);
  auto f = ics::returns::check_one_rule("100", wrong, header(), {clean_child()});
  REQUIRE(f.size() == 1);
  CHECK(f[0].child_id == 0);
  CHECK(f[0].message == "ReferenceDate 2026-03-30 is not 31 March of the census year 2026");
}

TEST_CASE("census 2883: plans starting do not outnumber initial conferences") {
  auto c = clean_child();
  auto& e = c.episodes[0];
  e.section47s.push_back({3, Date(2025, 5, 5), Date(2025, 5, 27), Date(2025, 5, 27), 4, false});
  e.cp_plans.push_back({7, Date(2025, 5, 27), std::nullopt, "NEG", "NEG", 0, {}});
  CHECK(findings("2883", c).empty());
  auto before = clean_child();  // a plan started before the period counts for nothing
  before.id = 2;
  before.episodes[0].cp_plans.push_back({8, Date(2025, 3, 3), std::nullopt, "PHY", "PHY", 0, {}});
  CHECK(findings("2883", {c, before}).empty());
  e.section47s[0].icpc = std::nullopt;
  CHECK(messages("2883", {c}) ==
        std::vector<std::string>{"1 child protection plans start in the census period but only 0 initial "
                                 "conferences are held in it"});
  e.icpc = Date(2025, 5, 27);  // a transfer-in conference counts
  CHECK(findings("2883", c).empty());
}

TEST_CASE("census 2886Q: Sex missing or U for at most 2% of the children not unborn") {
  std::vector<CensusChild> children;
  for (int i = 1; i <= 50; ++i) children.push_back(child(i));
  children[0].sex = "U";  // 1 in 50: 2%
  CHECK(findings("2886Q", children).empty());
  children[1].sex = "";
  CHECK(messages("2886Q", children) ==
        std::vector<std::string>{
            "2 of 50 children (4.0%) who are not unborn have Sex missing or U; more than 2%"});
  children[1].birth = std::nullopt;  // an unborn child's U does not count
  children[1].expected_birth = Date(2026, 5, 1);
  children[1].sex = "U";
  CHECK(findings("2886Q", children).empty());
}

TEST_CASE("census 2887Q, 2888Q: disability codes used across the return") {
  std::vector<CensusChild> children{child(1, {"MOB", "HAND"}), child(2, {"PC", "INC", "COMM"}),
                                    child(3, {"LD", "HEAR", "VIS"}), child(4, {"NONE"})};
  CHECK(findings("2887Q", children).empty());  // 8 codes
  CHECK(findings("2888Q", children).empty());
  children[2].disabilities = {"LD"};
  CHECK(messages("2887Q", children) ==
        std::vector<std::string>{
            "the return uses 6 different disability codes other than NONE; 8 or more are expected"});
  std::vector<CensusChild> single{child(1, {"MOB"}), child(2, {"AUT"}), child(3, {"NONE"})};
  CHECK(messages("2888Q", single) ==
        std::vector<std::string>{
            "each of the 2 children with a disability has only one disability code recorded"});
  CHECK(findings("2888Q", {child(1, {"NONE"})}).empty());  // no child with a disability: nothing to ask
}

TEST_CASE("census 8510, 1520: LAchildID and UPN unique in the return") {
  auto a = child(1), b = child(2);
  a.upn = "M201123456780";
  b.upn = "B201123456781";
  CHECK(findings("8510", {a, b}).empty());
  CHECK(findings("1520", {a, b}).empty());
  b.upn = a.upn;
  auto f = findings("1520", {a, b});
  REQUIRE(f.size() == 1);
  CHECK(f[0].child_id == 2);
  CHECK(f[0].message == "UPN M201123456780 is also the UPN of C1");
  b.id = 1;
  f = findings("8510", {a, b});
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "LAchildID C1 appears more than once in the return");
}

TEST_CASE("census: the checker applies every rule of returns-spec §1.12 once") {
  // The 109 rules of cin2025_26 (83 errors, 26 queries), by element as §1.12 lists them.
  const std::vector<std::string> k_return{"100", "2883", "2886Q", "2887Q", "2888Q"};
  const std::vector<std::string> k_child{"8500", "8510",  "1570",  "1580",  "1510",  "1520",  "1530",
                                         "1540", "1550",  "1560Q", "8770Q", "8772",  "4180",  "8750",
                                         "8520", "8525Q", "8530Q", "8535Q", "8545Q", "8775Q", "8590",
                                         "4220", "8540",  "8790",  "8794"};
  const std::vector<std::string> k_episode{"8600",  "8606",  "8866",  "8568", "8569Q", "8610", "8650",
                                           "8555Q", "8815",  "8816",  "8820", "8620",  "8630", "8640",
                                           "8805",  "8810",  "8585Q", "8565", "8867",  "8868", "2990",
                                           "8825Q", "8873Q", "8831",  "8832", "4000",  "2991Q"};
  const std::vector<std::string> k_items{
      "1103",  "8608",  "8696", "8736", "8896",  "8863Q", "8670Q", "8614", "8897Q", "8869", "8898",
      "8945Q", "8950Q", "4010", "4011", "4012Q", "4013",  "4004",  "4014", "4015",  "4008", "4009Q",
      "4001",  "4016",  "4017", "2889", "8615",  "1104",  "8715",  "8740", "8675Q", "8839", "8890",
      "8875",  "8870Q", "2884", "8720", "1105",  "2885",  "8925",  "8840", "8930",  "8905", "8910",
      "8730",  "8915",  "8920", "8935", "8940",  "8841",  "8842Q", "4003"};
  std::set<std::string> all, listed;
  for (const auto* part : {&k_return, &k_child, &k_episode, &k_items}) all.insert(part->begin(), part->end());
  REQUIRE(all.size() == 109);
  CHECK(std::count_if(all.begin(), all.end(), [](const std::string& n) { return n.back() == 'Q'; }) == 26);

  for (const auto& r : ics::returns::census_rules()) {
    std::string number(r.number);
    CAPTURE(number);
    CHECK(all.contains(number));          // no rule outside §1.12
    CHECK(listed.insert(number).second);  // none twice
    CHECK(r.severity == (number.back() == 'Q' ? Severity::query : Severity::error));
    CHECK_FALSE(r.summary.empty());
  }
  // The child, episode and return rules are census_rules_child*, _episode* and _return.cpp's.
  for (const auto* part : {&k_return, &k_child, &k_episode})
    for (const auto& number : *part) {
      CAPTURE(number);
      CHECK(listed.contains(number));
    }
  // The item rules (assessments, CIN plans, section 47s, plans, reviews) come from
  // census_rules_items.cpp, written separately: once any of them is in, all of them must be. Until
  // then this part checks nothing.
  bool items_present =
      std::any_of(k_items.begin(), k_items.end(), [&](const std::string& n) { return listed.contains(n); });
  if (items_present) {
    for (const auto& number : k_items) {
      CAPTURE(number);
      CHECK(listed.contains(number));
    }
    CHECK(listed.size() == 109);
  }
}
