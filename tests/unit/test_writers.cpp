// The machine output formats (DESIGN §6): csv quoting, tsv escapes, json and ndjson shapes.
#include <doctest/doctest.h>
#include <ics/io/json_value.hpp>
#include <ics/io/writers.hpp>
#include <ics/util/rows.hpp>

#include <sstream>
#include <string>
#include <vector>

using ics::io::Format;
using ics::util::Column;
using ics::util::Value;

namespace {

std::string written(Format format, const std::vector<Column>& columns,
                    const std::vector<std::vector<Value>>& rows) {
  std::ostringstream out;
  auto writer = ics::io::make_writer(format, out);
  writer->begin(columns);
  for (const auto& row : rows) writer->row(row);
  writer->end();
  return out.str();
}

const std::vector<Column> k_columns = {{"id"}, {"name"}, {"count", "integer"}, {"note"}};

}  // namespace

TEST_CASE("to_text: null is empty, numbers in their shortest form") {
  CHECK(ics::util::to_text(Value{}).empty());
  CHECK(ics::util::to_text(Value{std::int64_t{-42}}) == "-42");
  CHECK(ics::util::to_text(Value{2.5}) == "2.5");
  CHECK(ics::util::to_text(Value{std::string("Zoë")}) == "Zoë");
  CHECK(ics::util::is_null(Value{}));
  CHECK(!ics::util::is_null(Value{std::string()}));
  CHECK(ics::io::to_json(Value{}).is_null());
  CHECK(ics::io::to_json(Value{std::int64_t{7}}).is_number_integer());
}

TEST_CASE("csv: a field is quoted only for a comma, quote, CR or LF; quotes are doubled") {
  auto text =
      written(Format::csv, k_columns,
              {{std::string("C1"), std::string("Smith, Jr"), std::int64_t{3}, Value{}},
               {std::string("C2"), std::string("Zoë \"Zee\""), std::int64_t{-1}, std::string("a\rb")},
               {std::string("C3"), std::string("two\nlines"), std::int64_t{0}, std::string("plain text")}});
  CHECK(text ==
        "id,name,count,note\n"
        "C1,\"Smith, Jr\",3,\n"
        "C2,\"Zoë \"\"Zee\"\"\",-1,\"a\rb\"\n"
        "C3,\"two\nlines\",0,plain text\n");
  std::ostringstream field;
  ics::io::write_csv_field(field, "no quotes needed; 'single' ok");
  CHECK(field.str() == "no quotes needed; 'single' ok");
}

TEST_CASE("tsv: tab, line feed, carriage return and backslash are escaped, nothing is quoted") {
  auto text =
      written(Format::tsv, k_columns,
              {{std::string("C1"), std::string("Tab\tName"), std::int64_t{1}, std::string("a\nb\rc\\d")},
               {std::string("C2"), std::string("Smith, \"Jr\""), std::int64_t{2}, Value{}}});
  CHECK(text ==
        "id\tname\tcount\tnote\n"
        "C1\tTab\\tName\t1\ta\\nb\\rc\\\\d\n"
        "C2\tSmith, \"Jr\"\t2\t\n");
}

TEST_CASE("json: one array of objects; an empty result is []") {
  CHECK(written(Format::json, k_columns, {}) == "[]\n");
  auto text = written(
      Format::json, k_columns,
      {{std::string("C1"), std::string("Ó Briain"), std::int64_t{12345678901}, Value{}},
       {std::string("C2"), std::string("quote \" and \\ and \n"), std::int64_t{-2}, std::string("")}});
  CHECK(text ==
        "[\n"
        "{\"id\":\"C1\",\"name\":\"Ó Briain\",\"count\":12345678901,\"note\":null},\n"
        "{\"id\":\"C2\",\"name\":\"quote \\\" and \\\\ and \\n\",\"count\":-2,\"note\":\"\"}\n"
        "]\n");
  auto parsed = nlohmann::json::parse(text);
  REQUIRE(parsed.is_array());
  CHECK(parsed.size() == 2);
  CHECK(parsed[0]["count"].is_number_integer());
  CHECK(parsed[0]["note"].is_null());
  // One row is still an array.
  CHECK(written(Format::json, {{"n", "integer"}}, {{std::int64_t{1}}}) == "[\n{\"n\":1}\n]\n");
}

TEST_CASE("ndjson: one object a line; an empty result is nothing") {
  CHECK(written(Format::ndjson, k_columns, {}).empty());
  auto text = written(Format::ndjson, k_columns,
                      {{std::string("C1"), std::string("Zoë"), std::int64_t{1}, Value{}},
                       {std::string("C2"), std::string("B"), std::int64_t{2}, std::string("x")}});
  CHECK(text ==
        "{\"id\":\"C1\",\"name\":\"Zoë\",\"count\":1,\"note\":null}\n"
        "{\"id\":\"C2\",\"name\":\"B\",\"count\":2,\"note\":\"x\"}\n");
}

TEST_CASE("json and ndjson: invalid UTF-8 is replaced, never thrown") {
  const std::string bad = "Zo\xEB";  // windows-1252 ë
  std::string text;
  CHECK_NOTHROW(text = written(Format::ndjson, {{"name"}}, {{bad}}));
  CHECK(text == "{\"name\":\"Zo\xEF\xBF\xBD\"}\n");  // U+FFFD
  CHECK_NOTHROW(text = written(Format::json, {{"name"}}, {{bad}}));
  CHECK(text == "[\n{\"name\":\"Zo\xEF\xBF\xBD\"}\n]\n");
  CHECK(ics::io::json_text(Value{bad}) == "\"Zo\xEF\xBF\xBD\"");
  // csv and tsv pass the bytes through.
  CHECK(written(Format::csv, {{"name"}}, {{bad}}) == "name\n" + bad + "\n");
}

TEST_CASE("parse_format: the four machine formats") {
  CHECK(ics::io::parse_format("csv") == Format::csv);
  CHECK(ics::io::parse_format("tsv") == Format::tsv);
  CHECK(ics::io::parse_format("json") == Format::json);
  CHECK(ics::io::parse_format("ndjson") == Format::ndjson);
  CHECK_THROWS(ics::io::parse_format("xml"));
}

TEST_CASE("neutralise_formula: a ' before = + - @ tab CR at the start, nothing else changed") {
  using ics::io::neutralise_formula;
  for (std::string formula : {"=1+2", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"})
    CHECK(neutralise_formula(formula) == "'" + formula);
  for (std::string plain : {"", "Zoë", "a=b", "2026-01-01", "'quoted", " =x", "x-"})
    CHECK(neutralise_formula(plain) == plain);
}

TEST_CASE("csv and tsv: formula cells neutralised only when asked, numbers never") {
  const std::vector<Column> columns = {{"name"}, {"days", "integer"}};
  const std::vector<std::vector<Value>> rows = {{std::string("=cmd|' /C calc'!A0"), std::int64_t{-5}},
                                                {std::string("-x"), std::int64_t{3}}};
  CHECK(written(Format::csv, columns, rows) == "name,days\n=cmd|' /C calc'!A0,-5\n-x,3\n");
  std::ostringstream out;
  auto writer = ics::io::make_writer(Format::csv, out, {.neutralise_formulas = true});
  writer->begin(columns);
  for (const auto& row : rows) writer->row(row);
  writer->end();
  CHECK(out.str() == "name,days\n'=cmd|' /C calc'!A0,-5\n'-x,3\n");
  std::ostringstream tsv;
  auto tsv_writer = ics::io::make_writer(Format::tsv, tsv, {.neutralise_formulas = true});
  tsv_writer->begin(columns);
  tsv_writer->row({std::string("@x"), std::int64_t{1}});
  tsv_writer->row({std::string("\tx"), std::int64_t{1}});
  tsv_writer->end();
  CHECK(tsv.str() == "name\tdays\n'@x\t1\n'\\tx\t1\n");
  std::ostringstream json;
  auto json_writer = ics::io::make_writer(Format::ndjson, json, {.neutralise_formulas = true});
  json_writer->begin(columns);
  json_writer->row({std::string("=x"), std::int64_t{1}});
  json_writer->end();
  CHECK(json.str() == "{\"name\":\"=x\",\"days\":1}\n");  // json is not for spreadsheets
}

TEST_CASE("markdown: a pipe table whose cells show the text as it is, never markup") {
  CHECK(ics::io::parse_format("markdown") == Format::markdown);
  auto text =
      written(Format::markdown, k_columns,
              {{std::string("C1"), std::string("Smith | Jones"), std::int64_t{3}, Value{}},
               {std::string("C2"), std::string("two\nlines\r\nand\rthree"), std::int64_t{-1},
                std::string("![x](http://evil.example/?q) <img src=x> *bold* _it_ `code` \\ & [link]")}});
  CHECK(text ==
        "| id | name | count | note |\n"
        "| --- | --- | ---: | --- |\n"
        "| C1 | Smith \\| Jones | 3 | |\n"
        "| C2 | two<br>lines<br>and<br>three | -1 | "
        "!\\[x\\](http://evil.example/?q) &lt;img src=x&gt; \\*bold\\* \\_it\\_ \\`code\\` \\\\ &amp; "
        "\\[link\\] |\n");
  // an empty result is still a table: its header
  CHECK(written(Format::markdown, {{"a"}}, {}) == "| a |\n| --- |\n");
  // a name that is not snake_case is escaped like a cell
  CHECK(written(Format::markdown, {{"Child | ID"}}, {}) == "| Child \\| ID |\n| --- |\n");
}

TEST_CASE(
    "markdown_cell: control characters escaped as a terminal shows them; formulas neutralised when asked") {
  CHECK(ics::io::markdown_cell("a\x1b[31mb") == "a\\x1b\\[31mb");
  CHECK(ics::io::markdown_cell("tab\there") == "tab\\there");
  CHECK(ics::io::markdown_cell("Zoë") == "Zoë");
  CHECK(ics::io::markdown_cell("") == "");
  std::ostringstream out;
  auto writer = ics::io::make_writer(Format::markdown, out, {.neutralise_formulas = true});
  writer->begin({{"name"}, {"days", "integer"}});
  writer->row({std::string("=HYPERLINK(\"x\")"), std::int64_t{-5}});
  writer->end();
  CHECK(out.str() == "| name | days |\n| --- | ---: |\n| '=HYPERLINK(\"x\") | -5 |\n");
}

TEST_CASE("csv and tsv: without headers, only the rows") {
  for (auto format : {Format::csv, Format::tsv}) {
    std::ostringstream out;
    auto writer = ics::io::make_writer(format, out, {.headers = false});
    writer->begin(k_columns);
    writer->row({std::string("C1"), std::string("A"), std::int64_t{1}, Value{}});
    writer->end();
    CHECK(out.str() == (format == Format::csv ? "C1,A,1,\n" : "C1\tA\t1\t\n"));
  }
}
