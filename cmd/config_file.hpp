#pragma once
// The configuration file (README "Configuration"): defaults for the global options and the return
// settings, found at --config PATH, else ICSCTL_CONFIG, else $XDG_CONFIG_HOME/icsctl/config
// (~/.config/icsctl/config). A flat YAML map, one `key: value` a line.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace icsctl {

// Where a value in effect came from, as `config show` prints it: "flag --db", "env ICSCTL_DB",
// "config FILE:LINE", "database" or "default".
struct Effective {
  std::string value;
  std::string origin;
};

// The keys a configuration file may set besides the return settings (returns/settings.hpp), in the
// order `config show` lists them.
inline constexpr std::string_view k_config_option_keys[] = {"db",   "as",        "output", "color",
                                                            "wait", "templates", "reports"};

// The file to read: `flag` (--config), else ICSCTL_CONFIG, else the default path; required when one
// of the first two named it (a missing default file is no configuration).
struct ConfigLocation {
  std::filesystem::path path;  // empty: no home folder, so no default file
  std::string named_by;        // "--config", "ICSCTL_CONFIG", or "" for the default path
  bool required() const { return !named_by.empty(); }
};
ConfigLocation config_location(const std::string& flag);

class Config {
 public:
  Config() = default;  // no file: nothing set
  // A file looked for at `where` and not found.
  explicit Config(ConfigLocation where) : m_location(std::move(where)) {}
  // Checks every key and value of `text`, read from `where`: an unknown key, a value a key does not
  // accept, a key set twice or a YAML error throws ics::InvalidInput "FILE:LINE: ..." naming the key.
  static Config parse(std::string_view text, ConfigLocation where);

  // Where the file was looked for, and whether it was there and read.
  const ConfigLocation& location() const { return m_location; }
  bool read() const { return m_read; }
  // The value of `key` with "config FILE:LINE", or nullopt when the file does not set it.
  std::optional<Effective> find(std::string_view key) const;

 private:
  struct Entry {
    std::string value;
    long line;
  };
  ConfigLocation m_location;
  bool m_read = false;
  std::map<std::string, Entry, std::less<>> m_values;
};

// Reads and checks the configuration at `where`. A missing required file throws ics::NotFound; a file
// another user owns (root excepted) or that group or others may write is refused like the database's
// files (StorageError naming it and its fix), or with `allow_shared` named to `warn` and read.
Config load_config(const ConfigLocation& where, bool allow_shared,
                   const std::function<void(const std::string&)>& warn);

// The first of: the flag's value (`flag` names it, e.g. "--db"), a non-empty environment variable
// `env`, the configuration's `key`. nullopt when none gives one (the caller's default applies).
std::optional<Effective> chosen(std::string_view flag, const std::string& flag_value, const char* env,
                                const Config& config, std::string_view key);

// "~/x" with the home folder for "~".
std::filesystem::path expand_home(const std::string& path);

}  // namespace icsctl
