#pragma once
// The command line as data: every command with its options and arguments, read from the CLI11 tree
// the dispatcher builds from the command table, for what describes icsctl (completion scripts, the
// man page, `help COMMAND`). One walk, so that they cannot disagree with the parser.
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace icsctl {

struct OptionHelp {
  std::vector<std::string> names;    // "-o", "--output"; a positional argument: its name, "CHILD"
  std::string value_name;            // "TEXT", "INT"; empty for a flag
  std::vector<std::string> choices;  // the values CLI::IsMember accepts, in order
  std::string description;
  bool positional = false;
  bool required = false;
  bool repeatable = false;  // may be given more than once (--threshold A=1 --threshold B=2)
  bool takes_value() const { return !value_name.empty(); }
};

struct CommandHelp {
  std::string path;  // "import children"; empty for icsctl itself
  std::string description;
  std::vector<OptionHelp> options;       // named options, in the order --help lists them
  std::vector<OptionHelp> arguments;     // positional arguments, in order
  std::vector<std::string> subcommands;  // the names of the commands nested in this one
  const CLI::App* app = nullptr;
};

// icsctl and every command under `root`, depth first in the order of the command table; hidden
// commands (a name beginning with "__") are left out.
std::vector<CommandHelp> describe_commands(const CLI::App& root);

// The command `path` names ("import children"), or null.
const CLI::App* find_command(const CLI::App& root, std::string_view path);

// Whether `command` (the first word of the command line) describes icsctl as a whole, so that main
// sets up every command, not only the one named.
bool describes_every_command(std::string_view command);

// Whether a command of this name is left out of help, completion and the man page.
inline bool is_hidden_command(std::string_view name) {
  return name.substr(0, 2) == "__";
}

}  // namespace icsctl
