#pragma once
// The command table (commands.cpp) and what a subcommand file provides: one setup function that adds
// its options to its CLI11 app and sets the runner that does the work.
#include <functional>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace icsctl {

class Session;
class DatabaseAccess;
using Runner = std::function<void(Session&, DatabaseAccess&)>;

// What a command does with the database. The dispatcher hands the runner the database as this says
// (DatabaseAccess) and commits for it; `icsctl --help` lists a command under the heading it implies.
enum class Access {
  none,   // no database
  read,   // a read-only connection
  write,  // an open write transaction with its audit context, committed after the runner returns
  // As write, for a bulk import (a savepoint per row inside the one transaction); Ctrl-C is honoured
  // until the commit (interrupt.hpp).
  bulk_write,
  // A connection for writing that the command hands to a store bulk load (store/bulk_load.hpp: its
  // settings are made outside any transaction, then the import begins and commits its own); Ctrl-C
  // is honoured until that commit.
  bulk_load,
  // The command creates or migrates the database itself (each migration its own transaction), then
  // may open a connection.
  schema,
};

// Whether a command removes, cancels or replaces data, so that a confirmation is asked first (README
// "Dry runs and confirmation": such a row gets --yes; the command asks through
// DatabaseAccess::confirm before its write, when what it would do is destructive). When an option
// makes a command destructive, the row of the leaf command that has the option says which.
enum class Destructive {
  no,
  always,              // close-plan (when it cancels open actions), record-death, reassign
  on_conflict_update,  // import children|plans|actions|reviews --on-conflict update replaces records
};

// One row of the command table. A nested command is a row of its own, named after its parent's row
// ("import children"), so that each leaf says what it needs; a parent's row only sets up its help.
struct CommandSpec {
  std::string_view name;
  std::string_view help;
  Access access;
  Destructive destructive;
  void (*setup)(CLI::App& app, Runner& run);
};

// The one list of commands, in the order `icsctl --help` shows them.
const std::vector<CommandSpec>& command_table();

}  // namespace icsctl
