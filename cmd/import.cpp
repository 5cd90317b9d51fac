// `icsctl import`: `register` (a legacy register export, import_register.cpp) and the bulk
// imports of children, plans and actions (import_bulk.cpp).
#include "command.hpp"
#include "import_bulk.hpp"
#include "session.hpp"

#include <CLI/CLI.hpp>
#include <memory>

namespace icsctl {

void register_import_register(CLI::App& app, Runner& run);

void register_import(CLI::App& app, Runner& run) {
  app.require_subcommand(1);
  auto* reg = app.add_subcommand("register", "migrate a legacy register export into child protection plans");
  reg->fallthrough();
  auto run_register = std::make_shared<Runner>();
  register_import_register(*reg, *run_register);
  auto run_bulk = std::make_shared<Runner>();
  add_bulk_import_commands(app, *run_bulk);
  app.footer(R"(Run 'icsctl import SUBCOMMAND --help' for the rules of each.

Examples:
  icsctl import register export.csv --mapping legacy-register --rejects rejects.csv
  icsctl import register export.csv --mapping my-mapping.yaml --dry-run -o json
  icsctl import children children.csv --on-conflict skip
  icsctl import plans plans.ndjson --on-conflict update)");
  run = [reg, run_register, run_bulk](Session& s) {
    if (reg->parsed())
      (*run_register)(s);
    else if (*run_bulk)
      (*run_bulk)(s);
  };
}

}  // namespace icsctl
