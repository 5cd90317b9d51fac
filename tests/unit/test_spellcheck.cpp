#include <doctest/doctest.h>
#include <ics/util/spellcheck.hpp>

#include <string>
#include <vector>

using ics::util::closest_match;
using ics::util::edit_distance;

TEST_CASE("edit distance: insertions, deletions, replacements and swaps of neighbours, one edit each") {
  CHECK(edit_distance("", "", 3) == 0);
  CHECK(edit_distance("child", "child", 3) == 0);
  CHECK(edit_distance("chlid", "child", 3) == 1);   // two neighbours swapped
  CHECK(edit_distance("chid", "child", 3) == 1);    // one left out
  CHECK(edit_distance("chiild", "child", 3) == 1);  // one too many
  CHECK(edit_distance("chold", "child", 3) == 1);   // one replaced
  CHECK(edit_distance("", "abc", 3) == 3);
  CHECK(edit_distance("abc", "", 3) == 3);
  CHECK(edit_distance("kitten", "sitting", 5) == 3);
  CHECK(edit_distance("ca", "abc", 5) == 3);  // optimal string alignment: no edit of a swapped pair
}

TEST_CASE("edit distance: counting stops past the limit") {
  CHECK(edit_distance("abcdef", "uvwxyz", 2) == 3);
  CHECK(edit_distance("a", "abcdefgh", 3) == 4);  // lengths alone are too far apart
  CHECK(edit_distance("abcdef", "abcxyz", 3) == 3);
  CHECK(edit_distance("abcdef", "abcxyz", 2) == 3);
}

TEST_CASE("the limit: a third of the word, at least 1, at most 3") {
  using ics::util::max_suggestion_edits;
  CHECK(max_suggestion_edits(0) == 1);
  CHECK(max_suggestion_edits(4) == 1);
  CHECK(max_suggestion_edits(6) == 2);
  CHECK(max_suggestion_edits(9) == 3);
  CHECK(max_suggestion_edits(40) == 3);
}

TEST_CASE("closest match: the nearest candidate within the limit, the first of equals, else none") {
  const std::vector<std::string> commands = {"add-child", "open-plan", "show", "list", "log", "report"};
  CHECK(closest_match("add-chlid", commands) == "add-child");
  CHECK(closest_match("add-chidl", commands) == "add-child");
  CHECK(closest_match("reprot", commands) == "report");
  CHECK(closest_match("shwo", commands) == "show");
  CHECK(closest_match("lst", commands) == "list");
  CHECK_FALSE(closest_match("x", commands));  // one letter: every short command is 3 or 4 away
  CHECK_FALSE(closest_match("zebra", commands));
  CHECK(closest_match("open-planet", commands) == "open-plan");
  CHECK(closest_match("lag", std::vector<std::string>{"log", "lug"}) == "log");  // equally near: the first
  CHECK_FALSE(closest_match("abc", {}));
  CHECK(closest_match("--dbb", std::vector<std::string>{"--db", "--as", "--dob"}) == "--db");
}
