#include <doctest/doctest.h>
#include <ics/io/mapping.hpp>
#include <ics/io/register/read.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <sstream>

using namespace ics;

namespace {

const char* k_mapping = R"(date_formats: ["%d/%m/%Y"]
columns:
  ref: ref
  family_name: surname
  category: category
  start_date: start
values:
  category: {Neglect: NEG}
)";

// A header and `rows` rows; every tenth has no family name (rejected by the checker).
std::string export_text(int rows) {
  std::string text = "ref,surname,category,start\n";
  for (int i = 1; i <= rows; ++i)
    text += fmt::format("R{},{},Neglect,01/03/2020\n", i, i % 10 == 0 ? "" : "Smith");
  return text;
}

struct Pipeline {
  io::Mapping mapping = io::parse_mapping(k_mapping, "m.yaml");
  std::istringstream input;
  io::ChildMatcher matcher;

  explicit Pipeline(const std::string& text, io::ChildMatcher::Lookups lookups = {})
      : input(text), matcher(std::move(lookups), 1) {}
  io::CheckedRows::Source source() {
    return {
        .input = &input, .file_name = "export.csv", .mapping = &mapping, .today = util::Date(2026, 11, 22)};
  }
};

}  // namespace

TEST_CASE("checked rows: every row in file order, across chunks, checked") {
  Pipeline p(export_text(2500));  // more rows than two chunks hold
  io::CheckedRows rows(p.source(), p.matcher);
  int seen = 0, rejected = 0;
  while (const io::CheckedRow* row = rows.next()) {
    ++seen;
    CHECK(row->line == seen + 1);
    CHECK(row->ref == fmt::format("R{}", seen));
    CHECK_FALSE(row->ref_issue);
    if (row->row_issue) {
      ++rejected;
      CHECK(row->row_issue->field == "family_name");
    } else {
      CHECK(row->row.family_name == "Smith");
      CHECK(row->row.category == "NEG");
    }
  }
  CHECK(seen == 2500);
  CHECK(rejected == 250);
  CHECK(rows.next() == nullptr);
  CHECK(rows.bytes_read() == static_cast<long long>(export_text(2500).size()));
}

TEST_CASE("checked rows: a reference repeated from an earlier row, however far back") {
  std::string text = export_text(3000);
  Pipeline p(text + "R10,Jones,Neglect,01/03/2021\nR2999,Brown,Neglect,01/03/2021\n");
  io::CheckedRows rows(p.source(), p.matcher);
  std::vector<std::string> repeats;
  while (const io::CheckedRow* row = rows.next())
    if (row->ref_issue)
      repeats.push_back(fmt::format("{} {} {}", row->line, row->ref, row->ref_issue->reason));
  // R10 was itself rejected (no family name): the first row with a reference still wins
  CHECK(repeats == std::vector<std::string>{"3002 R10 already appears on line 11",
                                            "3003 R2999 already appears on line 3000"});
}

TEST_CASE("checked rows: each row to import placed by the matcher, the same whether it asks the database") {
  // every row is a new child, but R5 repeats a reference and R7 is already imported
  std::string text = export_text(3000) + "R5,Jones,Neglect,01/03/2021\n";
  auto placements = [&](io::ChildMatcher::Lookups lookups) {
    Pipeline p(text, std::move(lookups));
    io::CheckedRows rows(p.source(), p.matcher);
    std::vector<std::string> out;
    while (const io::CheckedRow* row = rows.next()) {
      if (row->already_imported)
        out.push_back(row->ref + " already imported");
      else if (!row->ref_issue && !row->row_issue)
        out.push_back(fmt::format("{} child {}{}", row->ref, row->placement.child,
                                  row->placement.create ? " new" : ""));
    }
    return out;
  };
  auto without_database = placements({});
  auto with_database = placements({.plan_by_ref = [](std::string_view ref) { return ref == "R7"; },
                                   .child_by_person = [](std::string_view) { return std::nullopt; }});
  REQUIRE(without_database.size() == 2700);  // every tenth row rejected, R5 refused
  CHECK(without_database[0] == "R1 child 1 new");
  CHECK(without_database[6] == "R7 child 7 new");
  CHECK(without_database[2699] == "R2999 child 2700 new");
  REQUIRE(with_database.size() == 2700);
  CHECK(with_database[6] == "R7 already imported");
  CHECK(with_database[7] == "R8 child 7 new");  // R7 took no child
  CHECK(with_database[2699] == "R2999 child 2699 new");
}

TEST_CASE("checked rows: a file with no header row, and the file's hash") {
  Pipeline empty("");
  CHECK_THROWS_WITH_AS(io::CheckedRows(empty.source(), empty.matcher),
                       "'file' has no header row: 'export.csv'", InvalidInput);
  Pipeline p("ref,surname,category,start\n");
  io::CheckedRows rows(p.source(), p.matcher);
  CHECK(rows.next() == nullptr);
  CHECK(rows.sha256() == util::sha256_hex("ref,surname,category,start\n"));
}

TEST_CASE("checked rows: a reading error comes after the rows before it") {
  Pipeline p(export_text(1500) + "R9999,\"Smith,Neglect,01/03/2020\n");  // a quote never closed
  io::CheckedRows rows(p.source(), p.matcher);
  int seen = 0;
  auto drain = [&] {
    while (rows.next()) ++seen;
  };
  CHECK_THROWS_AS(drain(), InvalidInput);
  CHECK(seen == 1500);
}

TEST_CASE("checked rows: stopping early ends the reading thread") {
  Pipeline p(export_text(20000));
  {
    io::CheckedRows rows(p.source(), p.matcher);
    REQUIRE(rows.next() != nullptr);
  }  // destroyed with most of the file unread: must not hang
  CHECK(p.input.good());
}

TEST_CASE("checked rows: a reference with a tab is shown escaped in its row's issues (fuzz)") {
  // The text rules allow a tab in a reference; an issue names the row by it on a terminal.
  Pipeline p("ref,surname,category,start\nR\t1,Smith,Neglect\nR\t2,,Neglect,01/03/2020\n");
  io::CheckedRows rows(p.source(), p.matcher);
  std::vector<std::string> issues;
  while (const io::CheckedRow* row = rows.next()) {
    if (row->ref_issue) issues.push_back(row->ref_issue->ref + " " + row->ref_issue->field);
    if (row->row_issue) issues.push_back(row->row_issue->ref + " " + row->row_issue->field);
  }
  CHECK(issues == std::vector<std::string>{"R\\t1 row", "R\\t2 family_name"});
}
