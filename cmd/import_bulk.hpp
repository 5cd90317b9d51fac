#pragma once
// `import children|plans|actions|reviews FILE`: bulk import of the export columns, nested under `import`.
#include "command.hpp"

namespace icsctl {

// Adds the `children`, `plans`, `actions` and `reviews` subcommands to `import_app` and sets `run_bulk` to
// the runner of whichever of them was parsed.
void add_bulk_import_commands(CLI::App& import_app, Runner& run_bulk);

}  // namespace icsctl
