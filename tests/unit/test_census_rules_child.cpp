// The census rules about the child (ChildIdentifiers, ChildCharacteristics): each passes the clean
// child and finds the fault planted in it, naming the values.
#include "census_fixture.hpp"

#include <doctest/doctest.h>

using namespace census_test;
using ics::returns::Severity;

namespace {

// The one finding of `rule` about `child`, whose message must be `message`.
void finds(std::string_view rule, const CensusChild& child, const std::string& message) {
  std::string name(rule);
  CAPTURE(name);
  auto f = findings(rule, child);
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == name);
  CHECK(f[0].child_id == child.id);
  CHECK(f[0].severity == (rule.back() == 'Q' ? Severity::query : Severity::error));
  CHECK(f[0].message == message);
}

void passes(std::string_view rule, const CensusChild& child) {
  std::string name(rule);
  CAPTURE(name);
  CHECK(findings(rule, child).empty());
}

}  // namespace

TEST_CASE("census 8500, 1570, 1580: LAchildID present, at most 20 characters, letters and digits") {
  for (auto rule : {"8500", "1570", "1580"}) passes(rule, clean_child());
  auto c = clean_child();
  c.id = 0;  // no public id: no LAchildID
  finds("8500", c, "the child has no LAchildID (id 0)");
  c.id = -1234567890123456789;  // not a public id: "C-1234567890123456789", 21 characters with a '-'
  finds("1570", c, "LAchildID C-1234567890123456789 is 21 characters long; at most 20 are allowed");
  finds("1580", c, "LAchildID C-1234567890123456789 holds '-'; only letters and digits are allowed");
  c.id = 9223372036854775807;  // the largest id fits
  passes("1570", c);
}

TEST_CASE("census 1510: UPN check letter") {
  passes("1510", clean_child());
  auto c = clean_child();
  c.upn = "A201123456780";
  finds("1510", c, "UPN A201123456780 has check letter A; expected M");
  c.upn = "M20112345678A";  // a temporary UPN: its letter counts
  passes("1510", c);
  c.upn = "N20112345678A";
  finds("1510", c, "UPN N20112345678A has check letter N; expected M");
  c.upn = std::nullopt;
  passes("1510", c);
}

TEST_CASE("census 1530: UPN characters 2-4 a local authority number") {
  passes("1530", clean_child());
  auto c = clean_child();
  c.upn = "R999123456780";
  finds("1530", c, "UPN R999123456780: characters 2-4 '999' are not a local authority number");
}

TEST_CASE("census 1540: UPN 13 characters, 5-12 digits") {
  passes("1540", clean_child());
  auto c = clean_child();
  c.upn = "M2011234X6780";
  finds("1540", c, "UPN M2011234X6780: character 9 'X' is not a digit (characters 5-12 must be)");
  c.upn = "M20112345678";
  finds("1540", c, "UPN M20112345678 is 12 characters long; a UPN has 13");
}

TEST_CASE("census 1550: UPN character 13 a digit or a letter but I, O, S") {
  passes("1550", clean_child());
  auto c = clean_child();
  c.upn = "M20112345678A";
  passes("1550", c);
  c.upn = "M20112345678O";
  finds("1550", c,
        "UPN M20112345678O: character 13 'O' is neither a digit nor a letter A-Z other than I, O or S");
}

TEST_CASE("census 1560Q: FormerUPN well formed") {
  auto c = clean_child();
  c.former_upn = "B201123456781";
  passes("1560Q", c);
  c.former_upn = "M20112345678A";  // a temporary UPN
  passes("1560Q", c);
  c.former_upn = "B2011234567";
  finds("1560Q", c, "FormerUPN B2011234567 is not a letter, 11 digits and a digit or letter (not I, O or S)");
}

TEST_CASE("census 8770Q: a child of 6 or more has a UPN or a reason UN2-UN7") {
  passes("8770Q", clean_child());
  auto c = clean_child();
  c.upn = std::nullopt;
  c.upn_unknown = "UN3";
  passes("8770Q", c);
  c.upn_unknown = "UN1";  // not yet of school age: not for a child of 10
  finds("8770Q", c,
        "the child, born 2015-06-01, is 6 or older on 2026-03-31 but has no UPN, and UPNunknown is 'UN1' "
        "(UN2-UN7 expected)");
  c.upn_unknown = std::nullopt;
  c.birth = Date(2020, 4, 1);  // 5 on the reference date
  passes("8770Q", c);
  c.birth = Date(2020, 3, 31);  // 6 on the reference date
  finds("8770Q", c,
        "the child, born 2020-03-31, is 6 or older on 2026-03-31 but has no UPN, and UPNunknown is none "
        "(UN2-UN7 expected)");
  c.episodes[0].nfa = true;  // only no further action referrals: no UPN expected
  c.episodes[0].assessments.clear();
  passes("8770Q", c);
}

TEST_CASE("census 8772: UN7 only when every episode is a no further action referral") {
  auto c = clean_child();
  c.upn = std::nullopt;
  c.upn_unknown = "UN7";
  finds("8772", c,
        "UPNunknown is UN7 (referral with no further action) but episode E1 is not a no further action "
        "referral");
  CHECK(findings("8772", c)[0].episode_id == 1);
  c.episodes[0].nfa = true;
  passes("8772", c);
}

TEST_CASE("census 4180: Sex present, M, F or U") {
  passes("4180", clean_child());
  auto c = clean_child();
  c.sex = "X";
  finds("4180", c, "Sex 'X' is not M, F or U");
  c.sex = "";
  finds("4180", c, "Sex is missing (M, F or U)");
}

TEST_CASE("census 8750: an unborn child's Sex is U") {
  auto c = clean_child();
  c.birth = std::nullopt;
  c.expected_birth = Date(2026, 5, 1);
  c.sex = "U";
  passes("8750", c);
  c.sex = "F";
  finds("8750", c, "the child is unborn (expected 2026-05-01) but Sex is 'F'; an unborn child's is U");
}

TEST_CASE("census 8520: birth on or before the reference date") {
  auto c = clean_child();
  c.birth = Date(2026, 3, 31);
  passes("8520", c);
  c.birth = Date(2026, 4, 1);
  finds("8520", c, "birth date 2026-04-01 is after the reference date 2026-03-31");
}

TEST_CASE("census 8525Q: one of birth date and expected birth date") {
  passes("8525Q", clean_child());
  auto c = clean_child();
  c.expected_birth = Date(2015, 6, 3);
  finds("8525Q", c, "the child has both a birth date 2015-06-01 and an expected birth date 2015-06-03");
  c.birth = c.expected_birth = std::nullopt;
  finds("8525Q", c, "the child has neither a birth date nor an expected birth date");
}

TEST_CASE("census 8530Q: expected birth from the reference date less 30 days to 9 months after") {
  auto c = clean_child();
  c.birth = std::nullopt;
  c.sex = "U";
  for (auto d : {Date(2026, 3, 1), Date(2026, 12, 31)}) {
    c.expected_birth = d;
    passes("8530Q", c);
  }
  c.expected_birth = Date(2026, 2, 28);
  finds("8530Q", c,
        "expected birth date 2026-02-28 is outside 2026-03-01 to 2026-12-31 (the reference date less 30 days "
        "to "
        "9 months after it)");
  c.expected_birth = Date(2027, 1, 1);
  CHECK(findings("8530Q", c).size() == 1);
}

TEST_CASE("census 8535Q, 8545Q: death not before birth, inside the period") {
  auto c = clean_child();
  c.death = Date(2025, 10, 1);
  passes("8535Q", c);
  passes("8545Q", c);
  c.death = Date(2015, 5, 31);
  finds("8535Q", c, "death 2015-05-31 is before the birth 2015-06-01");
  finds("8545Q", c, "death 2015-05-31 is outside the census period 2025-04-01 to 2026-03-31");
}

TEST_CASE("census 8775Q: nothing open after the 25th birthday") {
  passes("8775Q", clean_child());
  auto c = clean_child();
  c.birth = Date(2000, 6, 1);
  finds("8775Q", c, "the child, born 2000-06-01, turned 25 on 2025-06-01 but episode E1 is open");
  c.episodes[0].closure = Date(2025, 6, 1);
  c.episodes[0].closure_reason = "RC7";
  passes("8775Q", c);
  c.episodes[0].closure = Date(2025, 6, 2);
  finds("8775Q", c,
        "the child, born 2000-06-01, turned 25 on 2025-06-01 but episode E1 closed later, on 2025-06-02");
}

TEST_CASE("census 8590: the child has an episode") {
  passes("8590", clean_child());
  auto c = clean_child();
  c.episodes.clear();
  finds("8590", c, "the child has no episode (CINdetails)");
}

TEST_CASE("census 4220: Ethnicity present and valid") {
  passes("4220", clean_child());
  auto c = clean_child();
  c.ethnicity = "NOBT";
  passes("4220", c);
  c.ethnicity = std::nullopt;
  finds("4220", c, "Ethnicity is missing");
  c.ethnicity = "WBR";
  auto f = findings("4220", c);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.starts_with("Ethnicity 'WBR' is not a code of the ethnicity list (WBRI, "));
}

TEST_CASE("census 8540: a born child with an episode that is not NFA has valid disabilities") {
  passes("8540", clean_child());
  auto c = clean_child();
  c.disabilities.clear();
  finds("8540", c,
        "the child has an episode that is not a no further action referral but no Disability (NONE when the "
        "child has none)");
  c.disabilities = {"MOB", "WALK"};
  auto f = findings("8540", c);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.starts_with("Disability 'WALK' is not a code of the disability list (NONE, MOB, "));
  c.disabilities.clear();
  c.episodes[0].nfa = true;  // only no further action: none needed
  passes("8540", c);
  c.episodes[0].nfa = false;
  c.birth = std::nullopt;  // unborn: none needed
  c.expected_birth = Date(2026, 6, 1);
  passes("8540", c);
}

TEST_CASE("census 8790, 8794: NONE alone, no code twice") {
  auto c = clean_child();
  c.disabilities = {"MOB", "AUT"};
  passes("8790", c);
  passes("8794", c);
  c.disabilities = {"NONE", "MOB", "MOB"};
  finds("8790", c, "Disability NONE is recorded with other codes: NONE, MOB, MOB");
  finds("8794", c, "Disability MOB is recorded more than once");
}
