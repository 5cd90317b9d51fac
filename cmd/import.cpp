// `icsctl import`: `register` (a legacy register export, import_register.cpp) and the bulk
// imports of every record kind (import_bulk.cpp), each a row of the table.
#include "command.hpp"

#include <CLI/CLI.hpp>

namespace icsctl {

void register_import(CLI::App& app, Runner&) {
  app.require_subcommand(1);
  app.footer(R"(Run 'icsctl import SUBCOMMAND --help' for the rules of each.)");
}

}  // namespace icsctl
