#include "config_file.hpp"

#include "database_files.hpp"
#include "session.hpp"

#include <ics/model/validate.hpp>
#include <ics/returns/settings.hpp>
#include <ics/util/error.hpp>
#include <ics/util/key_values.hpp>

#include <fcntl.h>
#include <fmt/format.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace icsctl {

namespace {

// A configuration file is a few lines: anything this large is some other file named by mistake.
constexpr std::size_t k_max_config_bytes = 1 << 20;

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::filesystem::path home_folder() {
  std::filesystem::path home = env("HOME");
  if (!home.empty() && home.is_absolute()) return home;
  if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir && *pw->pw_dir) return pw->pw_dir;
  return {};
}

bool is_path_key(std::string_view key) {
  return key == "db" || key == "templates" || key == "reports";
}

std::string key_names() {
  std::string names;
  for (auto key : k_config_option_keys) names += fmt::format("{}{}", names.empty() ? "" : ", ", key);
  return names + ", " + ics::returns::setting_key_names();
}

template <std::size_t N>
std::string one_of(std::string_view key, const std::string& value, const std::string_view (&allowed)[N]) {
  if (std::find(std::begin(allowed), std::end(allowed), value) != std::end(allowed)) return value;
  std::string names;
  for (auto a : allowed) names += fmt::format("{}{}", names.empty() ? "" : ", ", a);
  throw ics::InvalidInput(std::string(key), value, "must be one of " + names);
}

// The value `key` takes from `value` (a path with ~ expanded, a setting trimmed); InvalidInput naming
// the key otherwise.
std::string checked(const std::string& key, const std::string& value) {
  static constexpr std::string_view k_colors[] = {"auto", "always", "never"};
  bool option = std::find(std::begin(k_config_option_keys), std::end(k_config_option_keys), key) !=
                std::end(k_config_option_keys);
  if (!option && !ics::returns::is_setting_key(key))
    throw ics::InvalidInput(
        fmt::format("'{}' is not a configuration key: the keys are {}", key, key_names()));
  if (value.find_first_not_of(" \t") == std::string::npos)
    throw ics::InvalidInput(fmt::format("'{}' has no value", key));
  if (!option) return ics::returns::check_setting(key, value);
  if (is_path_key(key)) {
    auto path = expand_home(value);
    if (!path.is_absolute())
      throw ics::InvalidInput(key, value, "must be an absolute path, or begin with ~/");
    return path.string();
  }
  if (key == "as") return ics::model::require_text(value, "as");
  if (key == "output") return one_of(key, value, k_output_formats);
  if (key == "color") return one_of(key, value, k_colors);
  parse_wait(value, "wait");  // key == "wait"
  return value;
}

// The file's problems if another user could change it: owned by someone else (root may own it), or
// writable by group or others.
std::vector<LooseFile> loose_config(const std::filesystem::path& file, const struct stat& st) {
  auto quoted = fmt::format("'{}'", file.string());
  std::vector<LooseFile> loose;
  if (st.st_uid != ::geteuid() && st.st_uid != 0) {
    const passwd* pw = ::getpwuid(st.st_uid);
    auto owner = pw && pw->pw_name ? fmt::format("'{}' (uid {})", pw->pw_name, st.st_uid)
                                   : fmt::format("uid {}", st.st_uid);
    loose.push_back({file, fmt::format("is owned by {}, not by you", owner),
                     fmt::format("use a copy of your own: cp {} NEW && chmod 600 NEW", quoted)});
  }
  mode_t mode = st.st_mode & 07777;
  if (mode & (S_IWGRP | S_IWOTH)) {
    bool group = mode & S_IWGRP, others = mode & S_IWOTH;
    loose.push_back({file,
                     fmt::format("is writable by {} (mode {:04o})",
                                 group && others ? "group and others"
                                 : group         ? "group"
                                                 : "others",
                                 mode),
                     fmt::format("chmod go-w {}", quoted)});
  }
  return loose;
}

std::string read_all(int fd, const std::filesystem::path& file) {
  std::string text;
  char buffer[8192];
  while (true) {
    auto got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0)
      throw ics::StorageError(
          fmt::format("cannot read configuration '{}': {}", file.string(), std::strerror(errno)));
    if (got == 0) return text;
    text.append(buffer, static_cast<std::size_t>(got));
    if (text.size() > k_max_config_bytes)
      throw ics::InvalidInput(
          fmt::format("configuration '{}' is larger than {} KiB: not a configuration file", file.string(),
                      k_max_config_bytes >> 10));
  }
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::filesystem::path expand_home(const std::string& path) {
  if (path != "~" && !path.starts_with("~/")) return path;
  auto home = home_folder();
  if (home.empty()) return path;
  return path.size() <= 2 ? home : home / path.substr(2);
}

Config Config::parse(std::string_view text, ConfigLocation where) {
  auto file = where.path;
  Config config(std::move(where));
  config.m_read = true;
  for (auto& kv : ics::util::read_key_values(text, file.string())) {
    try {
      config.m_values[kv.key] = {checked(kv.key, kv.value), kv.line};
    } catch (const ics::InvalidInput& e) {
      throw ics::InvalidInput(fmt::format("{}:{}: {}", file.string(), kv.line, e.what()));
    }
  }
  return config;
}

std::optional<Effective> Config::find(std::string_view key) const {
  auto it = m_values.find(key);
  if (it == m_values.end()) return std::nullopt;
  return Effective{it->second.value, fmt::format("config {}:{}", m_location.path.string(), it->second.line)};
}

ConfigLocation config_location(const std::string& flag) {
  if (!flag.empty()) return {expand_home(flag), "--config"};
  if (auto named = env("ICSCTL_CONFIG"); !named.empty()) return {named, "ICSCTL_CONFIG"};
  std::filesystem::path base = env("XDG_CONFIG_HOME");
  if (base.empty() || base.is_relative()) {  // XDG: a relative value is ignored
    auto home = home_folder();
    if (home.empty()) return {};
    base = home / ".config";
  }
  return {base / "icsctl" / "config", ""};
}

Config load_config(const ConfigLocation& where, bool allow_shared,
                   const std::function<void(const std::string&)>& warn) {
  if (where.path.empty()) return Config(where);
  const auto& file = where.path;
  // O_NONBLOCK: a FIFO planted at the path must not hang the command (it is refused below).
  Fd fd{::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)};
  if (fd.fd < 0) {
    if ((errno == ENOENT || errno == ENOTDIR) && !where.required()) return Config(where);
    if (errno == ENOENT || errno == ENOTDIR)
      throw ics::NotFound(
          fmt::format("no configuration file '{}' (named by {})", file.string(), where.named_by));
    throw ics::StorageError(
        fmt::format("cannot read configuration '{}': {}", file.string(), std::strerror(errno)));
  }
  struct stat st {};
  if (::fstat(fd.fd, &st) != 0)
    throw ics::StorageError(
        fmt::format("cannot read configuration '{}': {}", file.string(), std::strerror(errno)));
  if (!S_ISREG(st.st_mode))
    throw ics::InvalidInput(fmt::format("configuration '{}' is not a regular file", file.string()));
  if (auto loose = loose_config(file, st); !loose.empty()) {
    if (allow_shared) {
      for (const auto& l : loose) warn(describe(l) + " (going on: --allow-shared)");
    } else {
      std::string message = fmt::format(
          "refusing to read configuration '{}': another user could change what icsctl does with it:",
          file.string());
      for (const auto& l : loose) message += "\n  " + describe(l);
      message += "\nfix it as shown, or give --allow-shared if sharing it is meant";
      throw ics::StorageError(message);
    }
  }
  return Config::parse(read_all(fd.fd, file), where);
}

std::optional<Effective> chosen(std::string_view flag, const std::string& flag_value, const char* env_name,
                                const Config& config, std::string_view key) {
  if (!flag_value.empty()) return Effective{flag_value, fmt::format("flag {}", flag)};
  if (env_name)
    if (auto value = env(env_name); !value.empty()) return Effective{value, fmt::format("env {}", env_name)};
  return config.find(key);
}

}  // namespace icsctl
