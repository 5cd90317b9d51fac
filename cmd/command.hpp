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

struct CommandSpec {
  std::string_view name;
  std::string_view help;
  Access access;
  bool destructive;
  void (*setup)(CLI::App& app, Runner& run);
};

// The one list of subcommands, in the order help shows them.
const std::vector<CommandSpec>& command_table();

}  // namespace icsctl
