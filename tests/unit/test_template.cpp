#include <doctest/doctest.h>
#include <ics/plan/template.hpp>
#include <ics/util/error.hpp>
#include <ics/util/sha256.hpp>

#include <fstream>
#include <string>

using ics::plan::parse_template;
using ics::plan::Template;
using ics::plan::Unit;

namespace {

std::string read_source(const std::string& relative) {
  std::ifstream in(std::string(ICS_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string error_of(const std::string& yaml) {
  try {
    parse_template(yaml, "plans/x.yaml");
  } catch (const ics::InvalidInput& e) {
    return e.what();
  }
  return "(no error)";
}

// Lines 1-4 of a valid template; tests append lines 5 onwards.
const std::string k_head = "name: x\nversion: 1\ntitle: X\nkind: child-protection\n";
const std::string k_sections = "sections:\n  - key: safety\n    title: Safety\n";

}  // namespace

TEST_CASE("the shipped child protection template") {
  std::string text = read_source("schemas/plans/child-protection.yaml");
  Template t = parse_template(text, "schemas/plans/child-protection.yaml");
  CHECK(t.name == "child-protection");
  CHECK(t.kind == "child-protection");
  CHECK(t.version == 1);
  CHECK(t.categories == std::vector<std::string>{"NEG", "PHY", "SAB", "EMO", "MUL"});
  REQUIRE(t.core_group);
  CHECK(t.core_group->amount == 10);
  CHECK(t.core_group->unit == Unit::working_days);
  REQUIRE(t.first_review);
  CHECK((t.first_review->amount == 3 && t.first_review->unit == Unit::months));
  REQUIRE(t.review_interval);
  CHECK((t.review_interval->amount == 6 && t.review_interval->unit == Unit::months));
  REQUIRE(t.visit_interval);
  CHECK((t.visit_interval->amount == 10 && t.visit_interval->unit == Unit::working_days));
  CHECK(t.calendar == "england-and-wales");
  CHECK(t.sections.size() >= 3);
  CHECK(t.sections.size() <= 4);
  REQUIRE(!t.sections.empty());
  CHECK(t.sections[0].key == "safety");
  REQUIRE(!t.sections[0].actions.empty());
  const auto& first = t.sections[0].actions[0];
  CHECK(first.what == "Hold the first core group meeting");
  CHECK(first.agency == "social-care");
  CHECK((first.due.amount == 10 && first.due.unit == Unit::working_days));
  for (const auto& section : t.sections) {
    CHECK(!section.actions.empty());
    CHECK(section.actions.size() <= 3);
  }
  CHECK(t.text == text);
  CHECK(t.hash == ics::util::sha256_hex(text));
  CHECK(t.source == "schemas/plans/child-protection.yaml");
}

TEST_CASE("the shipped child in need template") {
  Template t = parse_template(read_source("schemas/plans/child-in-need.yaml"), "child-in-need.yaml");
  CHECK(t.name == "child-in-need");
  CHECK(t.kind == "child-in-need");
  CHECK(t.categories.empty());
  CHECK_FALSE(t.core_group);
  REQUIRE(t.first_review);
  CHECK((t.first_review->amount == 3 && t.first_review->unit == Unit::months));
  REQUIRE(t.review_interval);
  CHECK((t.review_interval->amount == 6 && t.review_interval->unit == Unit::months));
  REQUIRE(t.visit_interval);
  CHECK(t.visit_interval->unit == Unit::working_days);
  CHECK(t.sections.size() >= 3);
}

TEST_CASE("a template's errors show the file's keys and values escaped (fuzz)") {
  try {
    parse_template("name: t\nversion: 1\ntitl\x7f\x1b[2J: T\n", "t\x1b.yaml");
    FAIL("a template with an unknown key was read");
  } catch (const ics::InvalidInput& e) {
    CHECK(
        std::string(e.what()) ==
        "t\\x1b.yaml:3:1: unknown key 'titl\\x7f\\x1b[2J' in template (expected name, version, title, kind, "
        "categories, timescales, calendar, sections)");
  }
}

TEST_CASE("a minimal template: defaults and optional keys") {
  Template t = parse_template(k_head + k_sections, "plans/x.yaml");
  CHECK(t.categories.empty());
  CHECK_FALSE(t.core_group);
  CHECK_FALSE(t.first_review);
  CHECK(t.calendar == "england-and-wales");
  REQUIRE(t.sections.size() == 1);
  CHECK(t.sections[0].actions.empty());

  Template u = parse_template(
      k_head +
          "calendar: local\n"
          "timescales: {first_review: {within: 2, unit: weeks}}\n"
          "sections:\n"
          "  - key: a-1\n    title: A\n    actions:\n"
          "      - {what: Do, agency: police, owner: DS Smith, due: {within: 3, unit: days}}\n",
      "plans/x.yaml");
  CHECK(u.calendar == "local");
  CHECK((u.first_review->amount == 2 && u.first_review->unit == Unit::weeks));
  REQUIRE(u.sections[0].actions.size() == 1);
  CHECK(u.sections[0].actions[0].owner == "DS Smith");
  CHECK(u.sections[0].actions[0].due.unit == Unit::days);
  CHECK(u.hash != t.hash);
}

TEST_CASE("template errors: place, key and value") {
  // The example from the design: a block map, the value at column 11.
  CHECK(
      error_of(k_head + "timescales:\n  first_review:\n    unit: fortnights\n    within: 3\n" + k_sections) ==
      "plans/x.yaml:7:11: 'unit' must be one of working_days, days, weeks, months: 'fortnights'");
  CHECK(error_of(k_head + "timescales:\n  core_group: {within: 0, unit: days}\n" + k_sections) ==
        "plans/x.yaml:6:24: 'within' must be a whole number from 1 to 1000: '0'");
  CHECK(error_of(k_head + "timescales:\n  core_group: {within: -3, unit: days}\n" + k_sections) ==
        "plans/x.yaml:6:24: 'within' must be a whole number from 1 to 1000: '-3'");
  CHECK(error_of(k_head + "timescales:\n  core_group: {within: 2.5, unit: days}\n" + k_sections) ==
        "plans/x.yaml:6:24: 'within' must be a whole number from 1 to 1000: '2.5'");
  CHECK(error_of(k_head + "timescales:\n  review_interval: {within: 6, unit: months}\n" + k_sections) ==
        "plans/x.yaml:6:21: unknown key 'within' in 'review_interval' (expected every, unit)");
  CHECK(error_of(k_head + "timescales:\n  review_interval: {every: 6}\n" + k_sections) ==
        "plans/x.yaml:6:20: missing required key 'unit' in 'review_interval'");
  CHECK(error_of(k_head + "timescales:\n  visits: {every: 6, unit: days}\n" + k_sections) ==
        "plans/x.yaml:6:3: unknown key 'visits' in 'timescales' "
        "(expected core_group, first_review, review_interval, visit_interval)");
  CHECK(error_of(k_head + "timescales: 10\n" + k_sections) ==
        "plans/x.yaml:5:13: 'timescales' must be a map of keys, not '10'");
}

TEST_CASE("template errors: top-level keys") {
  CHECK(error_of("name: x\nversion: 1\nkind: child-protection\n" + k_sections) ==
        "plans/x.yaml:1:1: missing required key 'title' in template");
  CHECK(
      error_of(k_head + "colour: red\n" + k_sections) ==
      "plans/x.yaml:5:1: unknown key 'colour' in template (expected name, version, title, kind, categories, "
      "timescales, calendar, sections)");
  CHECK(error_of(k_head + "title: Y\n" + k_sections) ==
        "plans/x.yaml:5:1: duplicate key 'title' in template");
  CHECK(error_of("name: Child Protection\nversion: 1\ntitle: X\nkind: cp\n" + k_sections) ==
        "plans/x.yaml:1:7: 'name' must be lower-case letters, digits and '-': 'Child Protection'");
  CHECK(error_of("name: x\nversion: one\ntitle: X\nkind: cp\n" + k_sections) ==
        "plans/x.yaml:2:10: 'version' must be a positive whole number: 'one'");
  CHECK(error_of("name: x\nversion: 99999999999\ntitle: X\nkind: cp\n" + k_sections) ==
        "plans/x.yaml:2:10: 'version' must be a positive whole number: '99999999999'");
  CHECK(error_of("name: x\nversion: 1\ntitle:\nkind: cp\n" + k_sections) ==
        "plans/x.yaml:3:1: 'title' must not be empty");
  CHECK(error_of("name: x\nversion: 1\ntitle: [a, b]\nkind: cp\n" + k_sections) ==
        "plans/x.yaml:3:8: 'title' must be text: a list");
  CHECK(error_of(k_head + "calendar: England\n" + k_sections) ==
        "plans/x.yaml:5:11: 'calendar' must be lower-case letters, digits and '-': 'England'");
  CHECK(error_of(k_head) == "plans/x.yaml:1:1: missing required key 'sections' in template");
  CHECK(error_of(k_head + "sections: []\n") ==
        "plans/x.yaml:5:11: 'sections' must list at least one section");
  CHECK(error_of(k_head + "sections: safety\n") == "plans/x.yaml:5:11: 'sections' must be a list: 'safety'");
  CHECK(error_of("") == "plans/x.yaml:1:1: template is empty");
  CHECK(error_of("just text\n") == "plans/x.yaml:1:1: template must be a map of keys");
  CHECK(error_of(k_head + k_sections + "---\nname: y\n") ==
        "plans/x.yaml:9:1: expected one YAML document, found more");
}

TEST_CASE("template errors: categories") {
  CHECK(error_of(k_head + "categories: [NEG, XYZ]\n" + k_sections) ==
        "plans/x.yaml:5:19: 'categories' must be among NEG, PHY, SAB, EMO, MUL: 'XYZ'");
  CHECK(error_of(k_head + "categories: [NEG, neg]\n" + k_sections) ==
        "plans/x.yaml:5:19: 'categories' must be among NEG, PHY, SAB, EMO, MUL: 'neg'");
  CHECK(error_of(k_head + "categories:\n  - PHY\n  - PHY\n" + k_sections) ==
        "plans/x.yaml:7:5: 'categories' lists a category twice: 'PHY'");
  CHECK(error_of(k_head + "categories: NEG\n" + k_sections) ==
        "plans/x.yaml:5:13: 'categories' must be a list: 'NEG'");
}

TEST_CASE("template errors: sections and actions") {
  CHECK(error_of(k_head + k_sections + "  - key: safety\n    title: Again\n") ==
        "plans/x.yaml:8:10: 'key' must be unique among the sections: 'safety'");
  CHECK(error_of(k_head + "sections:\n  - key: Safety First\n    title: S\n") ==
        "plans/x.yaml:6:10: 'key' must be lower-case letters, digits and '-': 'Safety First'");
  CHECK(error_of(k_head + "sections:\n  - title: S\n") ==
        "plans/x.yaml:6:5: missing required key 'key' in section");
  CHECK(error_of(k_head + k_sections + "    actions:\n      - {what: Visit, agency: social-care}\n") ==
        "plans/x.yaml:9:9: missing required key 'due' in action");
  CHECK(
      error_of(k_head + k_sections +
               "    actions:\n      - {what: Visit, agency: Social Care, due: {within: 1, unit: days}}\n") ==
      "plans/x.yaml:9:31: 'agency' must be lower-case letters, digits and '-': 'Social Care'");
  CHECK(error_of(k_head + k_sections +
                 "    actions:\n      - {what: Visit, agency: police, due: {within: 1, unit: day}}\n") ==
        "plans/x.yaml:9:62: 'unit' must be one of working_days, days, weeks, months: 'day'");
  CHECK(error_of(k_head + k_sections +
                 "    actions:\n      - {what: Visit, agency: police, due: {every: 1, unit: days}}\n") ==
        "plans/x.yaml:9:45: unknown key 'every' in 'due' (expected within, unit)");
  CHECK(error_of(k_head + k_sections + "    actions:\n      - {what: Visit, agency: police, due: 3}\n") ==
        "plans/x.yaml:9:44: 'due' must be a map of keys, not '3'");
  CHECK(error_of(k_head + k_sections + "    actions:\n      - Visit the child\n") ==
        "plans/x.yaml:9:9: action must be a map of keys, not 'Visit the child'");
}

TEST_CASE("template errors: text that is not YAML or not UTF-8") {
  CHECK(error_of("name: x\nversion: 1\ntitle: Caf\xe9 plan\nkind: cp\n" + k_sections) ==
        "plans/x.yaml:3:11: text is not valid UTF-8 (byte 0xe9)");
  CHECK(error_of("name: x\ntitle: \xed\xa0\x80\n") ==
        "plans/x.yaml:2:8: text is not valid UTF-8 (byte 0xed)");
  CHECK(error_of("name: x\ntitle: \xc0\xaf\n") == "plans/x.yaml:2:8: text is not valid UTF-8 (byte 0xc0)");
  CHECK(error_of("name: x\ntitle: Caf\xc3") == "plans/x.yaml:2:11: text is not valid UTF-8 (byte 0xc3)");
  CHECK(
      parse_template("name: x\nversion: 1\ntitle: Caf\xc3\xa9 \xf0\x9f\x91\xb6\nkind: cp\n" + k_sections, "p")
          .title == "Caf\xc3\xa9 \xf0\x9f\x91\xb6");

  std::string syntax = error_of(k_head + "sections: [a, b\n");
  CHECK(syntax.starts_with("plans/x.yaml:6:1: YAML syntax error: "));
  std::string tabs = error_of(k_head + "sections:\n\t- key: a\n");
  CHECK(tabs.starts_with("plans/x.yaml:6:"));
  CHECK(tabs.find("YAML syntax error") != std::string::npos);
}

TEST_CASE("template errors: a ',' where a document starts is refused, not a hang (fuzz)") {
  // yaml-cpp's LoadAll read an empty document at such a ',' forever, until memory ran out
  // (tests/fuzz/corpus/template/stray_flow_entry).
  CHECK(error_of(k_head + k_sections + ",\n") == "plans/x.yaml:8:1: YAML syntax error: end of map not found");
  CHECK(error_of("---\n,\n") == "plans/x.yaml:2:1: YAML syntax error: unexpected ','");
  CHECK(error_of("# a comment\n, the actions\n") == "plans/x.yaml:2:1: YAML syntax error: unexpected ','");
  CHECK(error_of(",") == "plans/x.yaml:1:1: YAML syntax error: unexpected ','");
  CHECK(error_of(k_head + k_sections + "]\n") == "plans/x.yaml:8:1: YAML syntax error: illegal flow end");
  // What the document count says otherwise is unchanged.
  CHECK(error_of(k_head + k_sections + "---\n") ==
        "plans/x.yaml:8:1: expected one YAML document, found more");
  CHECK(error_of("# nothing\n") == "plans/x.yaml:1:1: template is empty");
  CHECK(error_of("---\n...\n") == "plans/x.yaml:1:1: template is empty");
  CHECK(parse_template(k_head + k_sections + "...\n", "p").name == "x");
}

TEST_CASE("template: an action's agency is a code of schemas/codes/agency.yaml") {
  auto text = ics::plan::TemplateLibrary({}).find("child-in-need").text;
  auto pos = text.find("agency: housing");
  REQUIRE(pos != std::string::npos);
  text.replace(pos, 15, "agency: fire-service");
  try {
    ics::plan::parse_template(text, "plans/x.yaml");
    FAIL("accepted");
  } catch (const ics::InvalidInput& e) {
    CHECK(std::string(e.what()).find(
              "'agency' must be an agency of schemas/codes/agency.yaml (social-care, health") !=
          std::string::npos);
  }
}
