#include <doctest/doctest.h>
#include <ics/io/mapping.hpp>
#include <ics/io/register/pipeline.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <sstream>
#include <thread>

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

TEST_CASE("checked rows: every row in file order, across chunks, checked") {
  Pipeline p(export_text(2500));  // more rows than two chunks hold
  io::CheckedRows rows(*p.reader, *p.checker);
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
  io::CheckedRows rows(*p.reader, *p.checker, static_cast<long long>(text.size()));
  std::vector<std::string> repeats;
  while (const io::CheckedRow* row = rows.next())
    if (row->ref_issue)
      repeats.push_back(fmt::format("{} {} {}", row->line, row->ref, row->ref_issue->reason));
  // R10 was itself rejected (no family name): the first row with a reference still wins
  CHECK(repeats == std::vector<std::string>{"3002 R10 already appears on line 11",
                                            "3003 R2999 already appears on line 3000"});
}

TEST_CASE("checked rows: the hook sees every row once, in order, on the reading thread, after checking") {
  std::string text = export_text(3000) + "R5,Jones,Neglect,01/03/2021\n";
  Pipeline p(text + "R9999,\"Smith,Neglect,01/03/2020\n");  // then a quote never closed
  std::vector<long> lines;
  std::size_t repeated = 0, expected = 0;
  auto caller = std::this_thread::get_id();
  bool on_reading_thread = true;
  io::CheckedRows rows(*p.reader, *p.checker, static_cast<long long>(text.size()),
                       [&](std::span<io::CheckedRow> chunk, std::size_t expected_rows) {
                         on_reading_thread = on_reading_thread && std::this_thread::get_id() != caller;
                         for (const auto& row : chunk) {
                           lines.push_back(row.line);
                           if (row.ref_issue) ++repeated;
                         }
                         expected = expected_rows;
                       });
  auto drain = [&] {
    while (rows.next()) {
    }
  };
  CHECK_THROWS_AS(drain(), InvalidInput);
  REQUIRE(lines.size() == 3001);  // the rows before the broken one, each once
  for (std::size_t i = 0; i < lines.size(); ++i) CHECK(lines[i] == static_cast<long>(i) + 2);
  CHECK(repeated == 1);  // R5, refused before the hook saw it
  CHECK(on_reading_thread);
  CHECK(expected > 2048);  // known once 2048 rows were read
}

TEST_CASE("expected rows: the file's size at the rate of its first rows, and a quarter more") {
  CHECK(io::expected_rows(1000000, 1000, 10) == 12500);
  CHECK(io::expected_rows(0, 1000, 10) == 0);  // size unknown
  CHECK(io::expected_rows(1000, 0, 0) == 0);
}

TEST_CASE("checked rows: a reading error comes after the rows before it") {
  Pipeline p(export_text(1500) + "R9999,\"Smith,Neglect,01/03/2020\n");  // a quote never closed
  io::CheckedRows rows(*p.reader, *p.checker);
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
    io::CheckedRows rows(*p.reader, *p.checker);
    REQUIRE(rows.next() != nullptr);
  }  // destroyed with most of the file unread: must not hang
  CHECK(p.input.good());
}
