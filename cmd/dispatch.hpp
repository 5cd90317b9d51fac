#pragma once
// Wires the command table to CLI11 and runs the command parsed, as its row says.
#include "command.hpp"

#include <string_view>
#include <vector>

namespace icsctl {

struct GlobalOptions;
class Config;
class Terminal;

class Dispatcher {
 public:
  // Sets up the command named `wanted` with the commands nested in it, or every command when
  // `wanted` names none (setting up all of them is a tenth of a short report).
  Dispatcher(CLI::App& app, std::string_view wanted);
  // Whether `name` is a command of the table's first level.
  bool knows(std::string_view name) const;
  // Runs the command that app.parse() found, with the configuration read.
  void run_parsed(const GlobalOptions& globals, const Config& config, const Terminal& terminal) const;

 private:
  struct Entry {
    CLI::App* app = nullptr;  // null when not set up
    Runner run;               // empty for a parent's row
    bool dry_run = false;     // -n, --dry-run: on every command that writes
    bool yes = false;         // --yes: on every destructive command
  };
  std::vector<Entry> m_entries;  // one per row of the table
};

// Runs `run` with the database as `spec.access` says: opens it, then commits after the runner.
void run_command(const CommandSpec& spec, const Runner& run, Session& session);

}  // namespace icsctl
