#pragma once
// What a subcommand file provides: one register function that adds its options to its CLI11 app and
// sets the runner that does the work.
#include <functional>
#include <string_view>

namespace CLI {
class App;
}

namespace icsctl {

class Session;
using Runner = std::function<void(Session&)>;

enum class Access { none, read, write, varies };

// One row of the command table. `access` groups the commands in `icsctl --help` and bounds what
// the command may do: a read command cannot open the database for writing. (No command destroys
// data today; the first one that does adds a `destructive` flag here and a confirmation in main.)
struct CommandSpec {
  std::string_view name;
  std::string_view help;
  Access access;
  void (*setup)(CLI::App& app, Runner& run);
};

// The heading a command is listed under in `icsctl --help`.
const char* help_group(Access access);

// The one list of subcommands, in the order help shows them.
const std::vector<CommandSpec>& command_table();

}  // namespace icsctl
