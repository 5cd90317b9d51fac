#include "help_tree.hpp"

#include <CLI/CLI.hpp>

namespace icsctl {

namespace {

// "TEXT:{table,csv,tsv}" (a type and what CLI::IsMember describes) into "TEXT" and its choices.
void read_type(const std::string& type_name, OptionHelp& option) {
  auto colon = type_name.find(':');
  option.value_name = type_name.substr(0, colon);
  if (colon == std::string::npos) return;
  auto open = type_name.find('{', colon), close = type_name.find('}', colon);
  if (open == std::string::npos || close == std::string::npos) return;
  std::string list = type_name.substr(open + 1, close - open - 1);
  for (std::size_t at = 0; at <= list.size();) {
    auto end = std::min(list.find(',', at), list.size());
    if (end > at) option.choices.push_back(list.substr(at, end - at));
    at = end + 1;
  }
}

OptionHelp describe_option(const CLI::Option& opt) {
  OptionHelp option;
  option.positional = !opt.nonpositional();
  if (option.positional) {
    option.names.push_back(opt.get_name(true));
  } else {
    for (const auto& s : opt.get_snames()) option.names.push_back("-" + s);
    for (const auto& l : opt.get_lnames()) option.names.push_back("--" + l);
  }
  if (opt.get_type_size_max() > 0) read_type(opt.get_type_name(), option);
  if (option.positional && option.value_name.empty()) option.value_name = "TEXT";
  option.description = opt.get_description();
  option.required = opt.get_required();
  option.repeatable = opt.get_expected_max() > 1;
  return option;
}

void walk(const CLI::App& app, const std::string& path, std::vector<CommandHelp>& out) {
  CommandHelp command;
  command.path = path;
  command.description = app.get_description();
  command.app = &app;
  for (const auto* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;  // hidden
    auto option = describe_option(*opt);
    (option.positional ? command.arguments : command.options).push_back(std::move(option));
  }
  auto subs = app.get_subcommands([](const CLI::App* sub) { return !is_hidden_command(sub->get_name()); });
  for (const auto* sub : subs) command.subcommands.push_back(sub->get_name());
  out.push_back(std::move(command));
  for (const auto* sub : subs) walk(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
}

}  // namespace

std::vector<CommandHelp> describe_commands(const CLI::App& root) {
  std::vector<CommandHelp> out;
  walk(root, "", out);
  return out;
}

const CLI::App* find_command(const CLI::App& root, std::string_view path) {
  const CLI::App* app = &root;
  while (!path.empty()) {
    auto space = path.find(' ');
    std::string word(path.substr(0, space));
    path = space == std::string_view::npos ? std::string_view() : path.substr(space + 1);
    auto found = app->get_subcommands([&](const CLI::App* sub) { return sub->get_name() == word; });
    if (found.empty() || word.empty()) return nullptr;
    app = found.front();
  }
  return app;
}

bool describes_every_command(std::string_view command) {
  return command == "help" || command == "completion" || command == "__man";
}

}  // namespace icsctl
