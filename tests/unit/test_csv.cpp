#include <doctest/doctest.h>
#include <ics/util/csv.hpp>
#include <ics/util/error.hpp>

#include <sstream>

using ics::util::CsvReader;

namespace {
std::vector<std::vector<std::string>> read_all(const std::string& text, std::vector<long>* lines = nullptr,
                                               char sep = ',') {
  std::istringstream in(text);
  CsvReader reader(in, sep);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> fields;
  while (reader.next(fields)) {
    out.push_back(fields);
    if (lines) lines->push_back(reader.line());
  }
  return out;
}
}  // namespace

TEST_CASE("csv: plain, quoted, CRLF and embedded line breaks") {
  std::vector<long> lines;
  auto rows = read_all("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\r\nlines\",\r\n3,,z", &lines);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0] == std::vector<std::string>{"a", "b", "c"});
  CHECK(rows[1] == std::vector<std::string>{"1", "x, y", "say \"hi\""});
  CHECK(rows[2] == std::vector<std::string>{"2", "two\r\nlines", ""});
  CHECK(rows[3] == std::vector<std::string>{"3", "", "z"});
  CHECK(lines == std::vector<long>{1, 2, 3, 5});
}

TEST_CASE("csv: byte order mark skipped, stray quotes kept, unclosed quote refused") {
  auto rows = read_all("\xEF\xBB\xBFname\nO\"Brien\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0][0] == "name");
  CHECK(rows[1][0] == "O\"Brien");
  CHECK_THROWS_AS(read_all("a\n\"open,b\n"), ics::InvalidInput);
}

TEST_CASE("tsv: tabs separate and quotes are ordinary") {
  auto rows = read_all("a\tb\n\"x\"\ty\n", nullptr, '\t');
  REQUIRE(rows.size() == 2);
  CHECK(rows[1] == std::vector<std::string>{"\"x\"", "y"});
}

TEST_CASE("csv: a lone CR inside an unquoted field is kept and the empty last line ignored") {
  auto rows = read_all("a\rb,c\n\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == std::vector<std::string>{"a\rb", "c"});
  CHECK(rows[1] == std::vector<std::string>{""});
}
