#include <doctest/doctest.h>
#include <ics/model/identifiers.hpp>
#include <ics/util/error.hpp>

using namespace ics::model;

TEST_CASE("NHS numbers: modulus 11, spaces allowed, check value 10 invalid") {
  CHECK(normalise_nhs_number("943 476 5919") == "9434765919");
  CHECK(normalise_nhs_number("9434765919") == "9434765919");
  CHECK_FALSE(normalise_nhs_number("9434765918"));   // wrong check digit
  CHECK_FALSE(normalise_nhs_number("943476591"));    // nine digits
  CHECK_FALSE(normalise_nhs_number("94347659190"));  // eleven digits
  CHECK_FALSE(normalise_nhs_number("943-476-5919"));
  // 100000001: weighted sum 10 + 2 = 12, remainder 1, check value 10: no tenth digit is valid.
  for (char last = '0'; last <= '9'; ++last)
    CHECK_FALSE(normalise_nhs_number(std::string("100000001") + last));
  // 000000001: weighted sum 2, check value 9.
  CHECK(normalise_nhs_number("0000000019"));
  CHECK(normalise_nhs_number("4010232137"));
}

TEST_CASE("UPNs: check letter from digits 2-13, temporary UPNs end in a letter") {
  CHECK(normalise_upn("A123456789012") == "A123456789012");
  CHECK(normalise_upn("a123456789012") == "A123456789012");
  CHECK_FALSE(normalise_upn("B123456789012"));  // wrong check letter
  CHECK_FALSE(normalise_upn("A12345678901"));   // 12 characters
  CHECK_FALSE(normalise_upn("A12345678901X2"));
  CHECK_FALSE(normalise_upn("I123456789012"));  // I is not a check letter
  // Temporary UPN: last character a letter, valued by its place in the check alphabet.
  const std::string letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
  int sum = 0;
  std::string body = "12345678901";
  for (size_t i = 0; i < body.size(); ++i) sum += (body[i] - '0') * static_cast<int>(i + 2);
  sum += static_cast<int>(letters.find('C')) * 13;
  std::string temporary = std::string(1, letters[sum % 23]) + body + "C";
  CHECK(normalise_upn(temporary) == temporary);
  CHECK_FALSE(normalise_upn(std::string(1, letters[(sum + 1) % 23]) + body + "C"));
}

TEST_CASE("UPN check letter: the DfE's algorithm on UPNs known to be valid") {
  // Valid UPNs of the DfE validator's own tests, and README's example.
  for (std::string upn : {"A950000178301", "H243278544154", "A123456789012"}) {
    CAPTURE(upn);
    CHECK(upn_check_letter(upn) == upn[0]);
  }
  CHECK(upn_check_letter("B207000016049") == 'P');  // 2x2 + 7x4 + 1x9 + 6x10 + 4x12 + 9x13 = 266 = 13 mod 23
  CHECK(upn_check_letter("X12345678901C") == 'A');  // temporary: C counts 2, at weight 13
  CHECK_FALSE(upn_check_letter("A12345678901"));    // 12 characters
  CHECK_FALSE(upn_check_letter("A1234567890I2"));   // a letter before the last
  CHECK_FALSE(upn_check_letter("A12345678901S"));   // S is not a UPN letter
  CHECK_FALSE(upn_check_letter("A12345678901c"));   // lower case, as the census file would hold it
}

TEST_CASE("public ids") {
  CHECK(format_id(EntityKind::plan, 12) == "P12");
  auto id = parse_id("c1042");
  REQUIRE(id);
  CHECK(id->kind == EntityKind::child);
  CHECK(id->number == 1042);
  CHECK_FALSE(parse_id("C"));
  CHECK_FALSE(parse_id("C0"));
  CHECK_FALSE(parse_id("C12x"));
  CHECK_FALSE(parse_id("X12"));
  CHECK_FALSE(parse_id("C-1"));
  CHECK_FALSE(parse_id("C99999999999999999999"));
  CHECK(parse_id_of(EntityKind::action, "A7", "action") == 7);
  CHECK_THROWS_WITH_AS(parse_id_of(EntityKind::plan, "C7", "plan"),
                       "'plan' is not a plan id (like P42): 'C7'", ics::InvalidInput);
}
