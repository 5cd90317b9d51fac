// returns::CensusXmlWriter: the census document's shape (returns-spec §1.3-1.11).
#include <doctest/doctest.h>
#include <ics/returns/census_xml.hpp>

#include <sstream>

using namespace ics;

namespace {
returns::CensusHeader header() {
  return {"202", "soft & <ware>", "1.0", "001", "2026-11-22T00:00:00"};
}
util::Date d(const char* iso) {
  return *util::Date::parse_iso(iso);
}
}  // namespace

TEST_CASE("census xml: a return with no child has the header and no empty Children") {
  std::ostringstream out;
  returns::CensusXmlWriter xml(out, returns::census_period(2026), header());
  xml.finish();
  CHECK(out.str() ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<Message>\n"
        "  <Header>\n"
        "    <CollectionDetails>\n"
        "      <Collection>CIN</Collection>\n"
        "      <Year>2026</Year>\n"
        "      <ReferenceDate>2026-03-31</ReferenceDate>\n"
        "    </CollectionDetails>\n"
        "    <Source>\n"
        "      <SourceLevel>L</SourceLevel>\n"
        "      <LEA>202</LEA>\n"
        "      <SoftwareCode>soft &amp; &lt;ware&gt;</SoftwareCode>\n"
        "      <Release>1.0</Release>\n"
        "      <SerialNo>001</SerialNo>\n"
        "      <DateTime>2026-11-22T00:00:00</DateTime>\n"
        "    </Source>\n"
        "  </Header>\n"
        "</Message>\n");
}

TEST_CASE("census xml: a child's elements in order, nothing written for what is not held") {
  returns::CensusChild c;
  c.id = 42;
  c.expected_birth = d("2026-05-20");
  c.sex = "U";
  c.ethnicity = "NOBT";
  auto& e = c.episodes.emplace_back();
  e.referral = d("2026-01-15");
  e.referral_source = "3F";
  e.primary_need = "N1";
  auto& s = e.section47s.emplace_back();
  s.start = d("2026-01-16");
  s.icpc_not_required = true;
  auto& p = e.cp_plans.emplace_back();
  p.start = d("2026-02-02");
  p.initial_category = "NEG";
  p.latest_category = "NEG";
  std::ostringstream out;
  returns::CensusXmlWriter xml(out, returns::census_period(2026), header());
  xml.child(c);
  xml.finish();
  auto text = out.str();
  auto from = text.find("  <Children>");
  REQUIRE(from != std::string::npos);
  CHECK(text.substr(from) ==
        "  <Children>\n"
        "    <Child>\n"
        "      <ChildIdentifiers>\n"
        "        <LAchildID>C42</LAchildID>\n"
        "        <ExpectedPersonBirthDate>2026-05-20</ExpectedPersonBirthDate>\n"
        "        <Sex>U</Sex>\n"
        "      </ChildIdentifiers>\n"
        "      <ChildCharacteristics>\n"
        "        <Ethnicity>NOBT</Ethnicity>\n"
        "      </ChildCharacteristics>\n"
        "      <CINdetails>\n"
        "        <CINreferralDate>2026-01-15</CINreferralDate>\n"
        "        <ReferralSource>3F</ReferralSource>\n"
        "        <PrimaryNeedCode>N1</PrimaryNeedCode>\n"
        "        <Section47>\n"
        "          <S47ActualStartDate>2026-01-16</S47ActualStartDate>\n"
        "          <ICPCnotRequired>1</ICPCnotRequired>\n"
        "        </Section47>\n"
        "        <ReferralNFA>0</ReferralNFA>\n"
        "        <ChildProtectionPlans>\n"
        "          <CPPstartDate>2026-02-02</CPPstartDate>\n"
        "          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>\n"
        "          <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>\n"
        "          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>\n"
        "        </ChildProtectionPlans>\n"
        "      </CINdetails>\n"
        "    </Child>\n"
        "  </Children>\n"
        "</Message>\n");
}
