#include "did_you_mean.hpp"

#include "help_tree.hpp"

#include <ics/util/spellcheck.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

namespace icsctl {

namespace {

// The command the words of the command line name: the deepest one whose path they spell out.
const CLI::App* named_command(const CLI::App& root, int argc, char** argv) {
  const CLI::App* app = &root;
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    auto found = app->get_subcommands([&](const CLI::App* sub) { return sub->get_name() == word; });
    if (!found.empty()) app = found.front();
  }
  return app;
}

// Every long and short option name `app` and the commands above it accept.
std::vector<std::string> option_names(const CLI::App* app) {
  std::vector<std::string> names;
  for (; app; app = app->get_parent())
    for (const auto* option : app->get_options()) {
      for (const auto& l : option->get_lnames()) names.push_back("--" + l);
      for (const auto& s : option->get_snames()) names.push_back("-" + s);
    }
  return names;
}

// The words CLI11 lists after "not expected: ", split at spaces.
std::vector<std::string> unexpected_words(const std::string& error) {
  std::vector<std::string> words;
  auto colon = error.find("not expected:");
  if (colon == std::string::npos) return words;
  std::string rest = error.substr(colon + 13);
  for (std::size_t at = 0; at < rest.size();) {
    auto end = std::min(rest.find(' ', at), rest.size());
    if (end > at) words.push_back(rest.substr(at, end - at));
    at = end + 1;
  }
  return words;
}

}  // namespace

std::vector<std::string> command_names(const CLI::App& root) {
  std::vector<std::string> names;
  for (const auto* sub :
       root.get_subcommands([](const CLI::App* sub) { return !is_hidden_command(sub->get_name()); }))
    names.push_back(sub->get_name());
  return names;
}

std::string option_suggestion(const CLI::App& root, const std::string& error, int argc, char** argv) {
  const CLI::App* command = named_command(root, argc, argv);
  auto names = option_names(command);
  for (const auto& word : unexpected_words(error)) {
    if (word.size() < 2 || word[0] != '-') continue;
    auto name = word.substr(0, word.find('='));  // --sttus=open
    if (auto hint = ics::util::did_you_mean(name, names); !hint.empty()) return hint;
  }
  return {};
}

}  // namespace icsctl
