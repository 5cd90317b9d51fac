#include "confirm.hpp"

#include "session.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <iostream>
#include <string>

namespace icsctl {

Confirmation confirmation_needed(const ConfirmInputs& inputs) {
  if (inputs.yes || inputs.dry_run) return Confirmation::proceed;
  if (inputs.no_input || !inputs.terminal) return Confirmation::refuse;
  return Confirmation::ask;
}

bool is_yes(std::string_view answer) {
  while (!answer.empty() && std::isspace(static_cast<unsigned char>(answer.front()))) answer.remove_prefix(1);
  while (!answer.empty() && std::isspace(static_cast<unsigned char>(answer.back()))) answer.remove_suffix(1);
  std::string lower(answer);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "y" || lower == "yes";
}

void confirm(const Session& session, const std::string& what, bool stdin_is_input) {
  auto decision = confirmation_needed({session.yes(), session.dry_run(), session.no_input(),
                                       session.terminal().can_ask() && !stdin_is_input});
  if (decision == Confirmation::proceed) return;
  if (decision == Confirmation::refuse)
    throw CLI::ParseError(
        fmt::format("{} would {}: confirm with --yes ({}), or see what would change with --dry-run",
                    session.command(), what,
                    session.no_input() ? "--no-input forbids the question"
                    : stdin_is_input   ? "standard input is the data, so no answer can be read from it"
                                       : "no terminal to ask on: stdin and stderr are not both terminals"),
        2);
  std::cerr << fmt::format("icsctl {} will {}. Go on? [y/N] ", session.command(), what) << std::flush;
  std::string answer;
  if (!std::getline(std::cin, answer)) std::cerr << '\n';
  if (!is_yes(answer))
    throw Declined(fmt::format("{}: not confirmed; nothing was changed", session.command()));
}

}  // namespace icsctl
