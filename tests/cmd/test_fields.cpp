// --fields: the projecting sink every read command's output goes through (cmd/fields.hpp), and the
// filter options of lists and reports checked against a definition (cmd/filters.hpp).
#include "fields.hpp"
#include "filters.hpp"

#include <doctest/doctest.h>
#include <ics/report/definition.hpp>
#include <ics/util/rows.hpp>

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

using ics::util::Column;
using ics::util::RowBuffer;
using ics::util::Value;

namespace {

// A RowBuffer that a unique_ptr may own while the test reads it.
struct Shared : ics::util::RowSink {
  explicit Shared(RowBuffer& into) : buffer(into) {}
  void begin(const std::vector<Column>& columns) override { buffer.begin(columns); }
  void row(const std::vector<Value>& values) override { buffer.row(values); }
  void end() override { ++ends; }
  RowBuffer& buffer;
  int ends = 0;
};

const std::vector<Column> k_columns = {{"action_id"}, {"what"}, {"days", "integer"}, {"due_date", "date"}};

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const CLI::ValidationError& e) {
    CHECK(e.get_exit_code() != 0);
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("project_fields: only the columns named, in their order, with their types") {
  RowBuffer seen;
  auto sink = icsctl::project_fields(std::make_unique<Shared>(seen), {"due_date", "action_id", "days"});
  sink->begin(k_columns);
  sink->row(
      {std::string("A1"), std::string("Visit, then report"), std::int64_t{3}, std::string("2026-01-02")});
  sink->row({std::string("A2"), Value{}, Value{}, Value{}});
  sink->end();
  REQUIRE(seen.columns().size() == 3);
  CHECK(seen.columns()[0].name == "due_date");
  CHECK(seen.columns()[0].type == "date");
  CHECK(seen.columns()[1].name == "action_id");
  CHECK(seen.columns()[2].type == "integer");
  REQUIRE(seen.rows().size() == 2);
  CHECK(seen.rows()[0] == std::vector<Value>{std::string("2026-01-02"), std::string("A1"), std::int64_t{3}});
  CHECK(seen.rows()[1] == std::vector<Value>{Value{}, std::string("A2"), Value{}});
}

TEST_CASE(
    "project_fields: an unknown field is a usage error listing the valid ones, before anything is passed "
    "on") {
  RowBuffer seen;
  auto sink = icsctl::project_fields(std::make_unique<Shared>(seen), {"action_id", "nmae"});
  CHECK(message_of([&] { sink->begin(k_columns); }) ==
        "--fields: no field 'nmae' here: the fields are action_id, what, days, due_date");
  CHECK(seen.columns().empty());
}

TEST_CASE("parse_fields: names in order, trimmed; an empty item or a repeated name is a usage error") {
  CHECK(icsctl::parse_fields("a,b , c") == std::vector<std::string>{"a", "b", "c"});
  CHECK(icsctl::parse_fields("only") == std::vector<std::string>{"only"});
  CHECK(message_of([] { icsctl::parse_fields("a,,b"); }) == "--fields: 'a,,b' has an empty field name");
  CHECK(message_of([] { icsctl::parse_fields("a,"); }) == "--fields: 'a,' has an empty field name");
  CHECK(message_of([] { icsctl::parse_fields("a,b,a"); }) == "--fields: 'a,b,a' names the field 'a' twice");
}

TEST_CASE("field_positions: names a command takes besides its columns have no position") {
  auto positions = icsctl::field_positions(k_columns, {"what", "plans"}, {"plans", "actions"});
  CHECK(positions == std::vector<std::size_t>{1, std::string::npos});
  CHECK(message_of([] { icsctl::field_positions(k_columns, {"reviews"}, {"plans"}); }) ==
        "--fields: no field 'reviews' here: the fields are action_id, what, days, due_date, plans");
}

TEST_CASE("filters: a filter the definition does not take is a usage error naming those it takes") {
  const auto& def = ics::report::find_definition("reviews-due");
  CHECK(icsctl::filter_options_of(def) ==
        "--worker --team --child --kind --status=overdue|due-soon|ok --due-before --due-after");
  icsctl::FilterOptions options;
  options.given["team"] = "CP Team A";
  CHECK_NOTHROW(icsctl::check_filters(def, options, "report reviews-due"));
  options.given["agency"] = "health";
  CHECK(message_of([&] { icsctl::check_filters(def, options, "report reviews-due"); }) ==
        "--agency: report reviews-due takes no --agency: its filters are --worker --team --child --kind "
        "--status=overdue|due-soon|ok --due-before --due-after");
  icsctl::FilterOptions team;
  team.given["team"] = "CP Team A";
  CHECK(message_of([&] {
          icsctl::check_filters(ics::report::find_definition("list-children"), team, "list children");
        }) == "--team: list children takes no --team: it takes no filters");
}

TEST_CASE("filters: every filter is an option of a list or report command, in one group") {
  CLI::App app;
  icsctl::FilterOptions options;
  icsctl::add_filter_options(app, options);
  for (const auto& spec : ics::report::filter_specs()) {
    const auto* option = app.get_option_no_throw(std::string(spec.option));
    REQUIRE(option != nullptr);
    CHECK(option->get_group() == "Filters (icsctl help filters)");
  }
  app.parse("--due-before 2026-01-01 --worker Sam");
  CHECK(options.given["due_before"] == "2026-01-01");
  CHECK(options.given["worker"] == "Sam");
  CHECK(options.given["agency"].empty());
}
