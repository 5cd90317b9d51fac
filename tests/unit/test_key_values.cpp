// A flat YAML map of text values (the configuration file's format): entries with their lines, and
// the refusals, each at FILE:LINE:COLUMN.
#include <doctest/doctest.h>
#include <ics/util/error.hpp>
#include <ics/util/key_values.hpp>

#include <string>

using ics::util::read_key_values;

namespace {
std::string refusal(std::string_view text) {
  try {
    read_key_values(text, "f.yaml");
  } catch (const ics::InvalidInput& e) {
    return e.what();
  }
  return "(accepted)";
}
}  // namespace

TEST_CASE("key values: each entry in file order with its line; a key with no value is empty") {
  auto entries = read_key_values("# a comment\nb: two words\n\na: '007'\nc:\nd: ~\n", "f.yaml");
  REQUIRE(entries.size() == 4);
  CHECK(entries[0].key == "b");
  CHECK(entries[0].value == "two words");
  CHECK(entries[0].line == 2);
  CHECK(entries[1].key == "a");
  CHECK(entries[1].value == "007");
  CHECK(entries[1].line == 4);
  CHECK(entries[2].value.empty());
  CHECK(entries[3].value.empty());
  CHECK(read_key_values("", "f.yaml").empty());
  CHECK(read_key_values("  # nothing\n\n", "f.yaml").empty());
}

TEST_CASE("key values: what is not a flat map of text is refused where it is") {
  CHECK(refusal("a: 1\na: 2\n") == "f.yaml:2:1: 'a' is set twice");
  CHECK(refusal("a: [1, 2]\n") == "f.yaml:1:4: 'a' must be one value, not a list");
  CHECK(refusal("a:\n  b: c\n") == "f.yaml:2:3: 'a' must be one value, not a map");
  CHECK(refusal("[a, b]\n").find("f.yaml:1:1: the file must be a map of keys") != std::string::npos);
  CHECK(refusal("? [a]\n: b\n").find("a key must be text") != std::string::npos);
  CHECK(refusal("a: [\n").find("YAML syntax error") != std::string::npos);
  CHECK(refusal("a: b\n---\nc: d\n").find("expected one YAML document") != std::string::npos);
  CHECK(refusal("# \xc3\n").find("f.yaml:1:3: text is not valid UTF-8") != std::string::npos);
}
