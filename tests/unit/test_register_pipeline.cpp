#include <doctest/doctest.h>
#include <ics/io/mapping.hpp>
#include <ics/io/register_import_pipeline.hpp>
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
  std::optional<io::ExportReader> reader;
  std::optional<io::RowChecker> checker;

  explicit Pipeline(const std::string& text) : input(text) {
    reader.emplace(input, mapping.encoding);
    std::vector<std::string> header;
    REQUIRE(reader->next(header));
    checker.emplace(mapping, header, util::Date(2026, 11, 22), std::vector<std::string>{});
  }
};

}  // namespace

namespace {

void read_all(io::CheckedRows::Checkers checkers) {
  Pipeline p(export_text(2500));  // more rows than two chunks hold
  io::CheckedRows rows(*p.reader, *p.checker, checkers);
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

}  // namespace

TEST_CASE("checked rows: every row in file order, across chunks, checked by either thread") {
  SUBCASE("by the reading thread") {
    read_all(io::CheckedRows::Checkers::reading_thread);
  }
  SUBCASE("by both threads in turn") {
    read_all(io::CheckedRows::Checkers::both_threads);
  }
}

TEST_CASE("checked rows: a reading error comes after the rows before it") {
  Pipeline p(export_text(1500) + "R9999,\"Smith,Neglect,01/03/2020\n");  // a quote never closed
  io::CheckedRows rows(*p.reader, *p.checker, io::CheckedRows::Checkers::both_threads);
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
    io::CheckedRows rows(*p.reader, *p.checker, io::CheckedRows::Checkers::both_threads);
    REQUIRE(rows.next() != nullptr);
  }  // destroyed with most of the file unread: must not hang
  CHECK(p.input.good());
}
