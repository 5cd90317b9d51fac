#pragma once
// Every command's examples, kept in one data file (schemas/help/examples.yaml) and shown at the end
// of its --help, in the man page, and run by the tests (tests/e2e/test_help_examples.sh).
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace icsctl {

struct Example {
  std::string run;    // the command line, as typed: "icsctl show C1 -o json"
  std::string does;   // what it does, one line
  int exit_code = 0;  // what it exits with (3: an import that rejects rows on purpose)
};

// The examples of `command` (a row of the command table, or a command nested in one, like
// "templates show"): its own entry of examples.yaml, else those of the nearest command above it
// that have a command line naming it, else the first of each command nested in it that has some.
// Empty when there are none.
std::vector<Example> examples_of(std::string_view command);

// The commands examples.yaml has an entry for, in the file's order.
std::vector<std::string> commands_with_examples();

// "Examples:" and each example as two lines, "  # does" and "  run" (" (exit N)" after a `does` of
// an example that does not exit 0); empty when there are none.
std::string examples_text(std::string_view command);

// Makes `app`'s footer its own text followed by the examples of `command` (read when help is shown,
// not at every start), and the same for the commands nested in it that the table does not list.
void attach_examples(CLI::App& app, const std::string& command);

}  // namespace icsctl
