// `icsctl config show`: each value the configuration file may set, as in effect, and where it came
// from (README "Configuration").
#include "command.hpp"
#include "database_access.hpp"
#include "return_settings.hpp"
#include "session.hpp"

#include <ics/returns/settings.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

namespace icsctl {

namespace {

constexpr const char* k_footer =
    R"(The sources, first first: flag (the command line), env NAME, config FILE:LINE (the configuration
file), database (a return setting set by 'icsctl settings set'), default. The return settings are
the database's own when it has them; the configuration's are defaults for a database that has none.)";

// "flag --config", "env ICSCTL_CONFIG" or "default".
std::string config_origin(const ConfigLocation& where) {
  if (!where.required()) return "default";
  return fmt::format("{} {}", where.named_by.starts_with("--") ? "flag" : "env", where.named_by);
}

// Every row: the configuration file, the global options, then the return settings.
std::vector<std::pair<std::string, Effective>> effective_values(Session& s, DatabaseAccess& access) {
  std::vector<std::pair<std::string, Effective>> rows;
  const auto& where = s.config().location();
  rows.emplace_back("config", Effective{where.path.string(), config_origin(where)});
  for (auto& [key, value] : s.effective_options()) rows.emplace_back(std::string(key), value);
  ics::store::Database* db = nullptr;
  try {
    db = &access.read();
  } catch (const ics::NoDatabase&) {
    s.info(fmt::format("note: no database at '{}': the return settings shown are the configuration's",
                       s.db_path().string()));
  }
  for (const auto& k : ics::returns::setting_keys()) {
    std::optional<Effective> value = db ? return_setting(s, *db, k.key) : s.config().find(k.key);
    rows.emplace_back(std::string(k.key), value.value_or(Effective{"", "default"}));
  }
  return rows;
}

}  // namespace

void register_config(CLI::App& app, Runner&) {
  app.require_subcommand(1);
  app.footer(k_footer);
}

void register_config_show(CLI::App& app, Runner& run) {
  auto key = std::make_shared<std::string>();
  app.add_option("KEY", *key, "only this value, on a line of its own (exit 4 when it has none)");
  app.footer(k_footer);
  run = [key](Session& s, DatabaseAccess& access) {
    if (!s.config().read() && !s.config().location().path.empty())
      s.detail(fmt::format("no configuration file at '{}'", s.config().location().path.string()));
    auto rows = effective_values(s, access);
    if (!key->empty()) {
      auto row = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.first == *key; });
      if (row == rows.end()) {
        std::string keys;
        for (const auto& r : rows) keys += fmt::format("{}{}", keys.empty() ? "" : ", ", r.first);
        throw CLI::ValidationError(
            "KEY", fmt::format("'{}' is not a configuration key: the keys are {}", *key, keys));
      }
      if (row->second.value.empty())
        throw ics::NotFound(fmt::format("'{}' has no value ({})", *key, row->second.origin));
      std::cout << row->second.value << '\n';
      return;
    }
    auto out = s.output();
    out->begin({{"key"}, {"value"}, {"source"}});
    for (const auto& [name, value] : rows)
      out->row(
          {name, value.value.empty() ? ics::util::Value{} : ics::util::Value{value.value}, value.origin});
    out->end();
  };
}

}  // namespace icsctl
