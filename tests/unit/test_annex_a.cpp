#include <doctest/doctest.h>
#include <ics/report/definition.hpp>
#include <ics/returns/annex_a.hpp>
#include <ics/returns/annex_a_codes.hpp>
#include <ics/util/error.hpp>

#include <set>
#include <string>

using ics::returns::annex_a_label;

TEST_CASE("annex A codings write values as Ofsted's lists do") {
  CHECK(annex_a_label("gender", "F") == "b) Female");
  CHECK(annex_a_label("gender", "U") == "c) Not stated/recorded");
  CHECK(annex_a_label("ethnicity", "WBRI") == "a) WBRI");
  CHECK(annex_a_label("ethnicity", "OOTH") == "r) OOTH");
  CHECK(annex_a_label("ethnicity", "NOBT") == "t) NOBT");
  CHECK(annex_a_label("yes_no", "unknown") == "c) Unknown");
  CHECK(annex_a_label("category", "MUL") == "e) Multiple/not recommended");
  CHECK(annex_a_label("referral_source", "6") == "q) 6: Police");
  CHECK(annex_a_label("referral_source", "10") == "u) 10: Unknown");
  CHECK(annex_a_label("primary_need", "N1") == "N1 - Abuse or neglect");
  CHECK(annex_a_label("closure_reason", "RC1") == "RC1 - Adopted");
  CHECK(annex_a_label("case_status", "cp-plan") == "b) Child Protection plan");
  // a value the coding does not know is kept, not hidden
  CHECK(annex_a_label("ethnicity", "XXXX") == "XXXX");
  CHECK(annex_a_label("primary_need", "N99") == "N99");
}

TEST_CASE("every annex A list's definition heads each column and names known codings") {
  std::set<int> numbers;
  for (const auto& list : ics::returns::annex_a_lists()) {
    numbers.insert(list.number);
    const auto& def = ics::report::find_definition(list.definition);
    CAPTURE(def.name);
    CHECK_FALSE(def.listed);
    REQUIRE(def.columns.size() > 5);
    CHECK(def.columns[0].header == "Child Unique ID");
    std::set<std::string> headers;
    for (const auto& column : def.columns) {
      CAPTURE(column.name);
      CHECK_FALSE(column.header.empty());
      CHECK(headers.insert(column.header).second);
      if (!column.codes.empty()) CHECK(ics::returns::is_annex_a_coding(column.codes));
    }
  }
  CHECK(numbers == std::set<int>{3, 4, 5, 6, 7});
  CHECK_THROWS_AS(ics::returns::annex_a_list(1, "list"), ics::InvalidInput);
  CHECK(ics::returns::annex_a_list(7, "list").sheet == "List 7");
}
