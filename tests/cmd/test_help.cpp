// A tool that explains itself: every command has examples, the help topics are there, the command
// tree that completion and the man page read is the parser's own, and misspelt options get a hint.
#include <command.hpp>
#include <completion_script.hpp>
#include <completion_values.hpp>
#include <did_you_mean.hpp>
#include <dispatch.hpp>
#include <help_examples.hpp>
#include <help_topics.hpp>
#include <help_tree.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <string>
#include <vector>

using namespace icsctl;

namespace {

// Every command of the table set up, as for `icsctl --help`.
struct Tree {
  CLI::App app{"icsctl", "icsctl"};
  Dispatcher commands{app, ""};
};

// An option or argument as help_tree.hpp describes it.
OptionHelp option(std::string name, std::string value_name = "TEXT") {
  OptionHelp o;
  o.positional = name[0] != '-';
  o.names = {std::move(name)};
  o.value_name = std::move(value_name);
  return o;
}

bool is_parent(std::string_view name) {
  const auto& table = command_table();
  return std::any_of(table.begin(), table.end(), [&](const auto& row) {
    return row.name.size() > name.size() && row.name.substr(0, name.size()) == name &&
           row.name[name.size()] == ' ';
  });
}

const CommandHelp* described(const std::vector<CommandHelp>& commands, std::string_view path) {
  auto at = std::find_if(commands.begin(), commands.end(), [&](const auto& c) { return c.path == path; });
  return at == commands.end() ? nullptr : &*at;
}

}  // namespace

TEST_CASE("every leaf command of the table has examples in schemas/help/examples.yaml") {
  std::vector<std::string> missing;
  for (const auto& row : command_table())
    if (!is_hidden_command(row.name) && !is_parent(row.name) && examples_of(row.name).empty())
      missing.emplace_back(row.name);
  CHECK_MESSAGE(missing.empty(), "commands without examples in schemas/help/examples.yaml: ",
                fmt::format("{}", fmt::join(missing, ", ")));
}

TEST_CASE("every entry of examples.yaml is a command, and each example runs it") {
  Tree tree;
  for (const auto& name : commands_with_examples()) {
    CAPTURE(name);
    CHECK(find_command(tree.app, name) != nullptr);
    for (const auto& example : examples_of(name)) {
      CAPTURE(example.run);
      CHECK(example.run.find("icsctl ") != std::string::npos);
      CHECK(example.run.find(" " + name) != std::string::npos);
      CHECK(!example.does.empty());
    }
  }
}

TEST_CASE("examples: a nested command shows those of its command line; a parent the first of each") {
  auto shown = examples_of("templates show");
  REQUIRE_FALSE(shown.empty());
  for (const auto& e : shown) CHECK(e.run.rfind("icsctl templates show", 0) == 0);
  auto db = examples_of("db");
  REQUIRE(db.size() == 3);
  CHECK(db[0].run == "icsctl db check");
  CHECK(examples_text("db migrate") ==
        "Examples:\n  # bring an older database's schema up to date\n  icsctl db migrate");
  CHECK(examples_text("no such command").empty());
}

TEST_CASE("a command's --help ends with its examples, after its own text") {
  Tree tree;
  const auto* end_enquiry = find_command(tree.app, "end-enquiry");
  REQUIRE(end_enquiry);
  auto help = end_enquiry->help();
  auto own = help.find("use record-conference instead");
  auto examples = help.find("Examples:\n  # end episode E3's enquiry");
  CHECK(own != std::string::npos);
  CHECK(examples != std::string::npos);
  CHECK(own < examples);
}

TEST_CASE("the help topics: each with a summary line and a text") {
  for (const char* name : {"formats", "exit-codes", "environment", "dates", "filters", "import", "reports"}) {
    CAPTURE(name);
    const auto* topic = find_topic(name);
    REQUIRE(topic);
    CHECK(!topic->summary.empty());
    CHECK(topic->text.size() > topic->summary.size() + 100);
    CHECK(topic->text.back() == '\n');
  }
  CHECK(find_topic("fromats") == nullptr);
}

TEST_CASE("the command tree: options, values and arguments as the parser has them; hidden ones left out") {
  Tree tree;
  auto commands = describe_commands(tree.app);
  CHECK(described(commands, "__complete") == nullptr);
  CHECK(described(commands, "__man") == nullptr);
  const auto* import_children = described(commands, "import children");
  REQUIRE(import_children);
  REQUIRE(import_children->arguments.size() == 1);
  CHECK(import_children->arguments[0].names.front() == "FILE");
  auto format = std::find_if(import_children->options.begin(), import_children->options.end(),
                             [](const auto& o) { return o.names.back() == "--format"; });
  REQUIRE(format != import_children->options.end());
  CHECK(format->choices == std::vector<std::string>{"csv", "tsv", "ndjson"});
  const auto* root = described(commands, "");
  REQUIRE(root);
  CHECK(std::find(root->subcommands.begin(), root->subcommands.end(), "add-child") !=
        root->subcommands.end());
  CHECK(std::find(root->subcommands.begin(), root->subcommands.end(), "__complete") ==
        root->subcommands.end());
  const auto* templates = described(commands, "templates");
  REQUIRE(templates);
  CHECK(templates->subcommands == std::vector<std::string>{"list", "show", "check"});
}

TEST_CASE("completion values: ids, names and codes where the option or argument takes them") {
  using Kind = CompletionValues::Kind;
  auto name = option("NAME");
  CHECK(completion_values("report", name).asked == "report");
  CHECK(completion_values("templates show", name).asked == "template");
  auto child = option("CHILD");
  CHECK(completion_values("open-plan", child).asked == "child");
  auto sex = option("--sex");
  CHECK(completion_values("add-child", sex).words == std::vector<std::string>{"M", "F", "U"});
  auto flag = option("--open", "");
  CHECK(completion_values("list plans", flag).kind == Kind::none);
  auto db = option("--db");
  CHECK(completion_values("", db).kind == Kind::file);
  auto agency = option("--agency");
  auto agencies = completion_values("assign-action", agency).words;
  CHECK(std::find(agencies.begin(), agencies.end(), "health") != agencies.end());
}

TEST_CASE("an option misspelt: the nearest option of the command named, or of those above it") {
  Tree tree;
  std::vector<std::string> words = {"icsctl", "list", "actions", "--stauts", "open"};
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  CHECK(option_suggestion(tree.app, "The following arguments were not expected: open --stauts", 5,
                          argv.data()) == " (did you mean '--status'?)");
  CHECK(option_suggestion(tree.app, "The following argument was not expected: --zzzzzz", 5, argv.data())
            .empty());
  CHECK(option_suggestion(tree.app, "option '--db' is given an empty value", 5, argv.data()).empty());
}
