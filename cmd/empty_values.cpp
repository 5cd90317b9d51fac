#include "empty_values.hpp"

#include "exit_codes.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <string_view>

namespace icsctl {

namespace {

CLI::ParseError empty_value(const std::string& option) {
  return CLI::ParseError(fmt::format("option '{}' is given an empty value", option), k_exit_usage);
}

std::vector<CLI::App*> subcommands(CLI::App& app) {
  return app.get_subcommands([](CLI::App*) { return true; });
}

void refuse_empty_option_values(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    if (!option->nonpositional() || option->get_items_expected_max() == 0) continue;
    // A transform runs before the option's other checks (IsMember, a number's conversion), and a
    // ParseError, unlike their ValidationError, is not prefixed with the option's name by CLI11.
    option->transform([name = option->get_name()](std::string value) {
      if (value.empty()) throw empty_value(name);
      return value;
    });
  }
  for (CLI::App* sub : subcommands(app)) refuse_empty_option_values(*sub);
}

bool takes_value(CLI::App& app, const std::string& name) {
  if (const CLI::Option* option = app.get_option_no_throw(name)) return option->get_items_expected_max() > 0;
  for (CLI::App* sub : subcommands(app))
    if (takes_value(*sub, name)) return true;
  return false;
}

}  // namespace

void refuse_empty_values(CLI::App& app, int argc, char** argv) {
  refuse_empty_option_values(app);
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg.size() > 3 && arg.substr(0, 2) == "--" && arg.find('=') == arg.size() - 1) {
      std::string name(arg.substr(0, arg.size() - 1));
      if (takes_value(app, name)) throw empty_value(name);
    }
  }
}

}  // namespace icsctl
