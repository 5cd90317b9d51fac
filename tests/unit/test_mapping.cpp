#include <doctest/doctest.h>
#include <ics/io/mapping.hpp>
#include <ics/util/error.hpp>
#include <ics/util/resources.hpp>

#include <string>

using ics::io::Mapping;
using ics::io::parse_mapping;
using ics::io::RegisterField;

namespace {

const std::string k_minimal = R"(columns:
  ref: register_ref
  family_name: surname
  start_date: registration_date
  category: category
)";

// The message of the InvalidInput that parsing `text` throws ("" when it parses).
std::string error_of(const std::string& text) {
  try {
    parse_mapping(text, "m.yaml");
  } catch (const ics::InvalidInput& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("mapping: the minimal mapping and its defaults") {
  Mapping m = parse_mapping(k_minimal, "m.yaml");
  CHECK(m.encoding == ics::util::Encoding::utf8);
  REQUIRE(m.date_formats.size() == 1);
  CHECK(m.date_formats[0].text() == "%Y-%m-%d");
  CHECK(m.unborn_marker == "Unborn");
  REQUIRE(m.column(RegisterField::family_name));
  CHECK(m.column(RegisterField::family_name)->header == "surname");
  CHECK(m.column(RegisterField::family_name)->line == 3);
  CHECK(m.column(RegisterField::family_name)->column == 16);
  CHECK_FALSE(m.column(RegisterField::nhs_number));
  CHECK(m.text == k_minimal);
}

TEST_CASE("mapping: values are trimmed and compared ignoring case; codes pass as themselves") {
  Mapping m =
      parse_mapping(k_minimal +
                        "  sex: gender\nvalues:\n  category: {Neglect: NEG, \"Emotional Abuse\": EMO}\n"
                        "  sex: {\"\": U, Male: M}\n",
                    "m.yaml");
  CHECK(m.map_value(RegisterField::category, " NEGLECT ") == "NEG");
  CHECK(m.map_value(RegisterField::category, "emotional abuse") == "EMO");
  CHECK(m.map_value(RegisterField::category, "phy") == "PHY");  // a code itself
  CHECK_FALSE(m.map_value(RegisterField::category, "Neglet"));
  CHECK_FALSE(m.map_value(RegisterField::category, ""));
  CHECK(m.map_value(RegisterField::sex, "") == "U");
  CHECK(m.map_value(RegisterField::sex, "f") == "F");
  CHECK_FALSE(m.map_value(RegisterField::sex, "X"));
  CHECK(m.map_value(RegisterField::end_reason, "Died") == "died");
}

TEST_CASE("mapping: date formats in order, impossible dates never") {
  Mapping m = parse_mapping("date_formats: [\"%d/%m/%Y\", \"%Y-%m-%d\"]\n" + k_minimal, "m.yaml");
  CHECK(m.parse_date("04/03/2020") == ics::util::Date(2020, 3, 4));
  CHECK(m.parse_date(" 2020-03-04 ") == ics::util::Date(2020, 3, 4));
  CHECK_FALSE(m.parse_date("31/02/2020"));
  CHECK_FALSE(m.parse_date("29/02/2023"));
  CHECK_FALSE(m.parse_date("4/3/20"));
  CHECK_FALSE(m.parse_date("N/K"));
  CHECK_FALSE(m.parse_date(""));
}

TEST_CASE("mapping: the unborn marker") {
  Mapping m = parse_mapping("unborn_marker: Baby\n" + k_minimal, "m.yaml");
  CHECK(m.is_unborn_marker(" baby "));
  CHECK_FALSE(m.is_unborn_marker("Unborn"));
}

TEST_CASE("mapping: errors name file, line and column") {
  CHECK(error_of("encoding: latin-1\n" + k_minimal) ==
        "m.yaml:1:11: 'encoding' must be utf-8 or windows-1252: 'latin-1'");
  CHECK(error_of("colour: red\n" + k_minimal).starts_with("m.yaml:1:1: unknown key 'colour' in mapping"));
  CHECK(error_of(k_minimal + "  postcode: pc\n")
            .starts_with("m.yaml:6:3: unknown key 'postcode' in 'columns'"));
  CHECK(error_of("columns:\n  ref: r\n  family_name: s\n  start_date: d\n") ==
        "m.yaml:2:3: 'columns' must name the source column of 'category' (required: ref, family_name, "
        "start_date, category)");
  CHECK(error_of("date_formats: [\"%d/%m\"]\n" + k_minimal) ==
        "m.yaml:1:16: date format '%d/%m' needs a day, a month and a year");
  CHECK(error_of("date_formats: [\"%d/%m/%Q\"]\n" + k_minimal)
            .starts_with("m.yaml:1:16: date format '%d/%m/%Q' uses '%Q'"));
  CHECK(error_of("date_formats: \"%d/%m/%Y\"\n" + k_minimal)
            .starts_with("m.yaml:1:15: 'date_formats' must be a list"));
  CHECK(error_of(k_minimal + "values:\n  category: {Neglect: NEGLECT}\n")
            .starts_with(
                "m.yaml:7:23: 'Neglect' maps to 'NEGLECT', which is not one of NEG, PHY, SAB, EMO, MUL"));
  CHECK(error_of(k_minimal + "values:\n  category:\n    Neglect: NEG\n    neglect: EMO\n")
            .starts_with("m.yaml:9:5: 'neglect' maps to EMO but an earlier spelling of it maps to NEG"));
  CHECK(error_of(k_minimal + "values:\n  sex: {M: M}\n") ==
        "m.yaml:7:8: values are given for 'sex' but 'columns' names no source column for it");
  CHECK(error_of(k_minimal + "values:\n  team: {a: b}\n")
            .starts_with("m.yaml:7:3: unknown key 'team' in 'values'"));
  CHECK(error_of(k_minimal + "  ref: again\n").starts_with("m.yaml:6:3: duplicate key 'ref'"));
  CHECK(error_of("columns: [a, b]\n").starts_with("m.yaml:1:10: 'columns' must be a map of keys"));
  CHECK(error_of("columns: {ref: [\n").starts_with("m.yaml:"));
  CHECK(error_of("").starts_with("m.yaml:1:1: mapping is empty"));
  CHECK(error_of("encoding: utf-8\n\xff\n").starts_with("m.yaml:2:1: text is not valid UTF-8"));
  // same spelling twice, same code: harmless
  CHECK(error_of(k_minimal + "values:\n  category: {Neglect: NEG, \"NEGLECT \": NEG}\n") == "");
}

TEST_CASE("mapping: the shipped legacy-register mapping reads every spelling of the generator") {
  auto text = ics::util::resource("mappings/legacy-register.yaml");
  REQUIRE(text);
  Mapping m = parse_mapping(*text, "builtin:mappings/legacy-register.yaml");
  CHECK(m.column(RegisterField::child_ref)->header == "person_id");
  struct Case {
    const char* code;
    std::vector<const char*> spellings;
  };
  std::vector<Case> categories = {
      {"NEG", {"Neglect", "NEG", "NEGLECT", "neglect", "N", "Neglect "}},
      {"EMO", {"Emotional", "Emotional Abuse", "EMO", "EA", "EMOTIONAL ABUSE", "Emotional abuse"}},
      {"PHY", {"Physical", "Physical Abuse", "PHY", "PA", "PHYSICAL", "Physical Injury"}},
      {"SAB", {"Sexual", "Sexual Abuse", "SEX", "SA", "SEXUAL ABUSE"}},
      {"MUL", {"Multiple", "MUL", "Multiple/Not Recommended", "MULTIPLE", "Mixed"}}};
  for (const auto& c : categories)
    for (const auto* spelling : c.spellings) CHECK(m.map_value(RegisterField::category, spelling) == c.code);
  for (const auto* typo : {"Neglet", "Emotinal", "?", ""})
    CHECK_FALSE(m.map_value(RegisterField::category, typo));
  std::vector<Case> reasons = {
      {"no-longer-at-risk",
       {"No longer at risk", "NLR", "Plan ceased - no longer at risk", "No Longer Requires CP Plan"}},
      {"transferred-out", {"Transferred to other LA", "TRF", "Moved out of area", "Transfer Out"}},
      {"looked-after", {"Child in care", "Care Order", "Accommodated (S20)"}},
      {"age-18", {"Reached 18", "Child reached 18", "Age 18"}},
      {"adopted", {"Adopted", "Adoption"}},
      {"other", {"Other", "OTH"}},
      {"died", {"Child died", "Deceased"}}};
  for (const auto& c : reasons)
    for (const auto* spelling : c.spellings)
      CHECK(m.map_value(RegisterField::end_reason, spelling) == c.code);
  for (const auto* sex : {"M", "F", "U", "m", "f"}) CHECK(m.map_value(RegisterField::sex, sex));
  CHECK_FALSE(m.map_value(RegisterField::sex, "X"));
  CHECK(m.parse_date("31/03/2024") == ics::util::Date(2024, 3, 31));
}
