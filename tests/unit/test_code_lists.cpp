// The code lists of schemas/codes/: each one loads, holds the census's codes, and refuses an
// unknown value naming the field, the value and the list.
#include <doctest/doctest.h>
#include <ics/model/code_lists.hpp>
#include <ics/util/error.hpp>

#include <string>

using namespace ics;

TEST_CASE("code lists: each list loads with its version, census year and codes") {
  struct Expect {
    const char* name;
    std::size_t count;
    const char* first;
    const char* last;
  };
  for (auto e : {Expect{"referral-source", 22, "1A", "10"}, Expect{"primary-need", 10, "N0", "N9"},
                 Expect{"closure-reason", 9, "RC1", "RC9"}, Expect{"assessment-factor", 44, "1A", "24A"},
                 Expect{"agency", 11, "social-care", "other"}}) {
    CAPTURE(e.name);
    const auto& list = model::code_list(e.name);
    CHECK(list.name == e.name);
    CHECK(list.version >= 1);
    CHECK(list.census_year == "2025-26");
    REQUIRE(list.codes.size() == e.count);
    CHECK(list.codes.front().code == e.first);
    CHECK(list.codes.back().code == e.last);
    for (const auto& code : list.codes) CHECK_FALSE(code.meaning.empty());
  }
  CHECK_THROWS_AS(model::code_list("no-such-list"), NotFound);
}

TEST_CASE("code lists: 18A and 19A are accepted but deprecated; nothing else is") {
  const auto& factors = model::code_list("assessment-factor");
  for (const auto& code : factors.codes) {
    CAPTURE(code.code);
    CHECK(code.deprecated == (code.code == "18A" || code.code == "19A"));
  }
  CHECK(model::require_listed("18A", "assessment-factor", "factors") == "18A");
}

TEST_CASE("code lists: the agencies the shipped templates and the activity generator use are codes") {
  for (auto agency : {"social-care", "health", "education", "police", "housing", "voluntary", "probation",
                      "youth-justice", "other"})
    CHECK(model::code_list("agency").contains(agency));
}

TEST_CASE("code lists: an unknown code is refused naming the field, the value and the list") {
  CHECK(model::require_listed("RC8", "closure-reason", "reason") == "RC8");
  try {
    model::require_listed("RC10", "closure-reason", "reason");
    FAIL("accepted");
  } catch (const InvalidInput& e) {
    CHECK(e.field() == "reason");
    CHECK(e.value() == "RC10");
    CHECK(e.reason() ==
          "is not in the closure-reason list: must be one of RC1, RC2, RC3, RC4, RC5, RC6, RC7, RC8, RC9");
  }
  CHECK_THROWS_AS(model::require_listed("n1", "primary-need", "need"), InvalidInput);  // codes are exact
}

TEST_CASE("code lists: the file format is read strictly") {
  auto list = model::parse_code_list(
      "name: x\nversion: 2\ncensus_year: 2025-26\ncodes:\n  - code: A\n    meaning: a\n"
      "  - code: B\n    meaning: b\n    deprecated: true\n",
      "x.yaml");
  CHECK(list.version == 2);
  CHECK(list.values() == std::vector<std::string>{"A", "B"});
  CHECK(list.codes[1].deprecated);
  CHECK_THROWS_AS(model::parse_code_list("name: x\nversion: 1\ncensus_year: 2025-26\ncodes:\n"
                                         "  - code: A\n    meaning: a\n  - code: A\n    meaning: b\n",
                                         "x.yaml"),
                  InvalidInput);  // a code twice
  CHECK_THROWS_AS(
      model::parse_code_list("name: x\nversion: 1\ncodes:\n  - code: A\n    meaning: a\n", "x.yaml"),
      InvalidInput);  // no census year
  CHECK_THROWS_AS(model::parse_code_list("name: x\nversion: 1\ncensus_year: 2025-26\ncodes:\n"
                                         "  - code: A\n    meaning: a\n    note: b\n",
                                         "x.yaml"),
                  InvalidInput);  // an unknown key
}
