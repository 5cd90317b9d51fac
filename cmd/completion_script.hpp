#pragma once
// `icsctl completion bash|zsh|fish`: scripts generated from the commands and options the dispatcher
// sets up (help_tree.hpp) and what each value takes (completion_values.hpp), so that a new command
// or option is completed without touching them. Each script walks the words typed so far to the
// command they name, the same way in each shell, then offers that command's nested commands,
// options, an option's values or an argument's.
#include "completion_values.hpp"
#include "help_tree.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace icsctl {

struct CompletionOption {
  std::vector<std::string> names;  // "-o", "--output"
  std::string description;
  bool takes_value = false;
  CompletionValues values;
};

struct CompletionCommand {
  std::string path;                                              // "" for icsctl itself
  std::vector<std::pair<std::string, std::string>> subcommands;  // name, description
  std::vector<CompletionOption> options;                         // its own, not those above it
  std::vector<CompletionValues> arguments;                       // in order
};

std::vector<CompletionCommand> completion_commands(const std::vector<CommandHelp>& commands);

std::string bash_completion(const std::vector<CompletionCommand>& commands);
std::string zsh_completion(const std::vector<CompletionCommand>& commands);
std::string fish_completion(const std::vector<CompletionCommand>& commands);

// The _icsctl_option and _icsctl_argument functions of the bash and zsh scripts: a case table of every
// option and argument, each pattern opened by `open` as the shell's case syntax has it ("" for bash,
// "(" for zsh).
std::string option_and_argument_cases(const std::vector<CompletionCommand>& commands, std::string_view open);
// How a script names a value's completion: "words:A B", "file", "directory", "asked:KIND", "text".
std::string completion_how(const CompletionValues& values);
// `text` in single quotes for sh, bash and zsh.
std::string shell_quote(std::string_view text);
// The first line of a description, for a menu.
std::string short_description(std::string_view description);

}  // namespace icsctl
