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

std::string option_and_argument_cases(const std::vector<CompletionCommand>& commands, std::string_view open) {
  std::string out =
      "# _icsctl_option PATH WORD: 'flag' when WORD is a flag of the command PATH, else how its value is\n"
      "# completed ('words:A B', 'file', 'directory', 'asked:KIND', 'text'), in REPLY; 1: no such option.\n"
      "_icsctl_option() {\n  case \"$1|$2\" in\n";
  for (const auto& c : commands)
    for (const auto& o : c.options) {
      std::string patterns;
      for (const auto& n : o.names) patterns += (patterns.empty() ? "" : "|") + shell_quote(c.path + "|" + n);
      out += fmt::format("    {}{}) REPLY={} ;;\n", open, patterns,
                         shell_quote(o.takes_value ? completion_how(o.values) : "flag"));
    }
  out += fmt::format("    {}*) return 1 ;;\n  esac\n}}\n\n", open);
  out +=
      "# _icsctl_argument PATH N: how the Nth argument of the command PATH is completed, in REPLY;\n"
      "# 1: none.\n_icsctl_argument() {\n  case \"$1|$2\" in\n";
  for (const auto& c : commands)
    for (std::size_t i = 0; i < c.arguments.size(); ++i)
      if (c.arguments[i].kind != CompletionValues::Kind::none)
        out += fmt::format("    {}{}) REPLY={} ;;\n", open, shell_quote(fmt::format("{}|{}", c.path, i + 1)),
                           shell_quote(completion_how(c.arguments[i])));
  out += fmt::format("    {}*) return 1 ;;\n  esac\n}}\n", open);
  return out;
}

}  // namespace icsctl
