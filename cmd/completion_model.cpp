#include "completion_script.hpp"

#include <fmt/format.h>

namespace icsctl {

std::vector<CompletionCommand> completion_commands(const std::vector<CommandHelp>& commands) {
  std::vector<CompletionCommand> out;
  for (const auto& command : commands) {
    CompletionCommand c;
    c.path = command.path;
    for (const auto& name : command.subcommands) {
      std::string path = command.path.empty() ? name : command.path + " " + name;
      for (const auto& other : commands)
        if (other.path == path) c.subcommands.emplace_back(name, short_description(other.description));
    }
    for (const auto& option : command.options)
      c.options.push_back({option.names, short_description(option.description), option.takes_value(),
                           completion_values(command.path, option)});
    for (const auto& argument : command.arguments)
      c.arguments.push_back(completion_values(command.path, argument));
    out.push_back(std::move(c));
  }
  return out;
}

std::string completion_how(const CompletionValues& values) {
  using Kind = CompletionValues::Kind;
  switch (values.kind) {
    case Kind::words: return fmt::format("words:{}", fmt::join(values.words, " "));
    case Kind::file: return "file";
    case Kind::directory: return "directory";
    case Kind::asked: return "asked:" + values.asked;
    case Kind::none: break;
  }
  return "text";
}

std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string short_description(std::string_view description) {
  auto text = std::string(description.substr(0, description.find('\n')));
  for (auto& c : text)
    if (c == '\t') c = ' ';
  return text;
}

}  // namespace icsctl
