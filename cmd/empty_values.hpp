#pragma once
// An option given an empty value (`--start ''`, `--db=`) is a usage error, never its default.
namespace CLI {
class App;
}

namespace icsctl {

// Makes every option of `app` and of its subcommands that takes a value refuse an empty one, before
// any other check of the value, and refuses `--name=` in `argv` (which CLI11 would read as `--name`
// followed by its value): `option '--start' is given an empty value`, a CLI::ParseError of exit
// code 2. Call it once every option is added, before parsing.
void refuse_empty_values(CLI::App& app, int argc, char** argv);

}  // namespace icsctl
