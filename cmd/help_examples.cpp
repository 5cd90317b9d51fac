#include "help_examples.hpp"

#include <ics/util/error.hpp>
#include <ics/util/resources.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>
#include <CLI/CLI.hpp>

#include <utility>

namespace icsctl {

namespace {

using ExampleFile = std::vector<std::pair<std::string, std::vector<Example>>>;

// schemas/help/examples.yaml, read once: a map from command to a list of {run, does, exit}. The file is
// built in and tested, so a mistake in it is a bug (StorageError, exit 1), not the user's input.
ExampleFile read_examples() {
  auto text = ics::util::resource("help/examples.yaml");
  if (!text) throw ics::StorageError("help/examples.yaml is not built in");
  ExampleFile file;
  try {
    auto root = YAML::Load(std::string(*text));
    for (const auto& entry : root) {
      std::vector<Example> examples;
      for (const auto& item : entry.second) {
        Example example{item["run"].as<std::string>(), item["does"].as<std::string>(),
                        item["exit"] ? item["exit"].as<int>() : 0};
        examples.push_back(std::move(example));
      }
      file.emplace_back(entry.first.as<std::string>(), std::move(examples));
    }
  } catch (const YAML::Exception& e) {
    throw ics::StorageError(fmt::format("help/examples.yaml: {}", e.what()));
  }
  return file;
}

const ExampleFile& examples_file() {
  static const ExampleFile k_file = read_examples();
  return k_file;
}

const std::vector<Example>* entry_of(std::string_view command) {
  for (const auto& [name, examples] : examples_file())
    if (name == command) return &examples;
  return nullptr;
}

// Whether the command line `run` runs `command`: "icsctl templates show x" runs "templates show".
bool runs(const std::string& run, std::string_view command) {
  std::string prefix = fmt::format("icsctl {}", command);
  return run.compare(0, prefix.size(), prefix) == 0 &&
         (run.size() == prefix.size() || run[prefix.size()] == ' ');
}

}  // namespace

std::vector<Example> examples_of(std::string_view command) {
  if (const auto* own = entry_of(command)) return *own;
  for (auto above = command; above.rfind(' ') != std::string_view::npos;) {
    above = above.substr(0, above.rfind(' '));
    if (const auto* examples = entry_of(above)) {
      std::vector<Example> out;
      for (const auto& example : *examples)
        if (runs(example.run, command)) out.push_back(example);
      return out;
    }
  }
  // A command whose nested commands have the examples (db, settings): the first of each.
  std::vector<Example> out;
  std::string nested = fmt::format("{} ", command);
  for (const auto& [name, examples] : examples_file())
    if (name.compare(0, nested.size(), nested) == 0 && !examples.empty()) out.push_back(examples.front());
  return out;
}

std::vector<std::string> commands_with_examples() {
  std::vector<std::string> out;
  for (const auto& entry : examples_file()) out.push_back(entry.first);
  return out;
}

std::string examples_text(std::string_view command) {
  auto examples = examples_of(command);
  if (examples.empty()) return {};
  std::string text = "Examples:";
  for (const auto& example : examples) {
    text += fmt::format("\n  # {}", example.does);
    if (example.exit_code != 0) text += fmt::format(" (exit {})", example.exit_code);
    text += fmt::format("\n  {}", example.run);
  }
  return text;
}

void attach_examples(CLI::App& app, const std::string& command) {
  // CLI11 shows the callback's text, a line break, then the footer's own text: all of it goes in
  // the callback, so that the examples come last.
  std::string own = app.get_footer();
  while (!own.empty() && own.back() == '\n') own.pop_back();
  app.footer(std::string());
  app.footer([own, command] {
    auto examples = examples_text(command);
    if (own.empty() || examples.empty()) return own + examples;
    return own + "\n\n" + examples;
  });
  for (auto* nested : app.get_subcommands([](CLI::App*) { return true; }))
    attach_examples(*nested, command + " " + nested->get_name());
}

}  // namespace icsctl
