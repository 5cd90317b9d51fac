// db check's quick reading of an audit image (store/plain_image.hpp): it may say "the same" only
// where nlohmann's parser, read as db check reads it, would find the same values.
#include <ics/store/plain_image.hpp>

#include <doctest/doctest.h>

using ics::store::plainly_matches;
using Values = std::vector<std::optional<std::string_view>>;

namespace {
const std::vector<std::string> k_names = {"child_id", "given_names", "date_of_birth", "version", "nfa"};
}

TEST_CASE("a plain image with the record's values matches; keys it lacks or has besides are no difference") {
  Values row = {"C1", "Amy", std::nullopt, "2", "no"};
  CHECK(plainly_matches(
      R"({"child_id":"C1","given_names":"Amy","date_of_birth":null,"version":2,"nfa":false})", k_names, row));
  CHECK(plainly_matches(R"( { "child_id" : "C1" , "refs" : "PER1", "version": 2 } )", k_names, row));
  CHECK(plainly_matches("{}", k_names, row));
  row[4] = "yes";
  CHECK(plainly_matches(R"({"nfa":true})", k_names, row));
}

TEST_CASE("keys in any order are found (each looked for from the one after the last key's)") {
  Values row = {"C1", "Amy", std::nullopt, "2", "no"};
  CHECK(plainly_matches(
      R"({"nfa":false,"version":2,"date_of_birth":null,"given_names":"Amy","child_id":"C1"})", k_names, row));
  CHECK(plainly_matches(R"({"version":2,"child_id":"C1","nfa":false,"given_names":"Amy"})", k_names, row));
  CHECK_FALSE(plainly_matches(R"({"version":2,"child_id":"C1","nfa":true})", k_names, row));
  CHECK_FALSE(plainly_matches(R"({"nfa":false,"child_id":"C2"})", k_names, row));
  CHECK_FALSE(plainly_matches(R"({"nfa":false,"child_id":"C1","nfa":false})", k_names, row));  // twice
}

TEST_CASE("a value that differs is not a match") {
  Values row = {"C1", "Amy", std::nullopt, "2", "no"};
  CHECK_FALSE(plainly_matches(R"({"given_names":"Amie"})", k_names, row));
  CHECK_FALSE(plainly_matches(R"({"date_of_birth":"2019-01-01"})", k_names, row));
  CHECK_FALSE(plainly_matches(R"({"given_names":null})", k_names, row));
  CHECK_FALSE(plainly_matches(R"({"version":3})", k_names, row));
  CHECK_FALSE(plainly_matches(R"({"nfa":true})", k_names, row));
}

TEST_CASE("what is not plain is left to the parser, never called the same") {
  Values row = {"C1", "A\"my", std::nullopt, "0", "no"};
  CHECK_FALSE(plainly_matches(R"({"given_names":"A\"my"})", k_names, row));  // an escape
  row[1] = "Amy";
  CHECK_FALSE(plainly_matches(R"({"given_names":"Amy","given_names":"Amy"})", k_names, row));  // twice
  CHECK_FALSE(plainly_matches(R"({"version":-0})", k_names, row));   // the parser reads 0
  CHECK_FALSE(plainly_matches(R"({"version":0.0})", k_names, row));  // a fraction
  CHECK_FALSE(plainly_matches(R"({"version":00})", k_names, row));   // not JSON
  CHECK_FALSE(plainly_matches(R"({"child_id":["C1"]})", k_names, row));
  CHECK_FALSE(plainly_matches(R"({"child_id":"C1"} x)", k_names, row));
  CHECK_FALSE(plainly_matches(R"({"child_id":"C1")", k_names, row));
  CHECK_FALSE(plainly_matches("{\"given_names\":\"A\tmy\"}", k_names, row));  // a raw control character
  CHECK_FALSE(plainly_matches(R"(["C1"])", k_names, row));
  CHECK_FALSE(plainly_matches("", k_names, row));
}
