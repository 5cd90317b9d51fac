#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/returns/settings.hpp>
#include <ics/store/settings.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <iostream>

namespace icsctl {

namespace {
// An unknown key is a usage error (exit 2), naming the keys.
void require_key(const std::string& key) {
  if (!ics::returns::is_setting_key(key))
    throw CLI::ValidationError("KEY", fmt::format("'{}' is not a setting: the settings are {}", key,
                                                  ics::returns::setting_key_names()));
}

std::string key_help() {
  std::string help = "The keys, and what each accepts:\n";
  for (const auto& k : ics::returns::setting_keys()) help += fmt::format("  {}: {}\n", k.key, k.accepts);
  return help;
}
}  // namespace

void register_settings(CLI::App& app, Runner&) {
  app.require_subcommand(1);
  app.footer(key_help());
}

void register_settings_set(CLI::App& app, Runner& run) {
  auto key = std::make_shared<std::string>();
  auto value = std::make_shared<std::string>();
  app.add_option("KEY", *key, "the setting")->required();
  app.add_option("VALUE", *value, "its value")->required();
  app.footer(key_help());
  run = [key, value](Session& s, DatabaseAccess& db) {
    require_key(*key);
    auto stored = ics::returns::set_setting(db.write(), *key, *value);
    db.after_commit([&s, key, stored] { s.info(fmt::format("{} set to '{}'", *key, stored)); });
  };
}

void register_settings_show(CLI::App& app, Runner& run) {
  auto key = std::make_shared<std::string>();
  app.add_option("KEY", *key, "only this setting's value (exit 4 when it is not set)");
  run = [key](Session& s, DatabaseAccess& db) {
    if (!key->empty()) {
      require_key(*key);
      std::cout << ics::returns::require_setting(db.read(), *key) << '\n';
      return;
    }
    auto values = ics::store::all_settings(db.read());
    auto out = s.output();
    out->begin({{"key"}, {"value"}});
    for (const auto& k : ics::returns::setting_keys()) {  // every key, null when not set
      auto it = values.find(std::string(k.key));
      out->row({std::string(k.key), it == values.end() ? ics::util::Value{} : ics::util::Value{it->second}});
    }
    out->end();
  };
}

}  // namespace icsctl
