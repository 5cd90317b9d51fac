#include "standard_input.hpp"

#include "exit_codes.hpp"
#include "terminal.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

namespace icsctl {

void refuse_terminal_input(std::string_view file, std::string_view command) {
  if (file != "-" || !standard_input_is_terminal()) return;
  throw CLI::ParseError(
      fmt::format("reading from standard input, which is a terminal: pipe a file in or name it "
                  "('icsctl {} FILE', or 'icsctl {} - < FILE')",
                  command, command),
      k_exit_usage);
}

}  // namespace icsctl
