// The configuration file: its checks (FILE:LINE, the key, the reason), where it is looked for, the
// refusal of a file others could change, and each option's precedence (flag > env > config > default).
#include "../unit/scratch_db.hpp"

#include <config_file.hpp>
#include <session.hpp>
#include <terminal.hpp>

#include <ics/util/error.hpp>

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

using namespace icsctl;

namespace {

// Sets environment variables for one scope, restoring them after.
class Env {
 public:
  Env(std::initializer_list<std::pair<const char*, const char*>> values) {
    for (auto [name, value] : values) {
      const char* old = std::getenv(name);
      m_old.emplace(name, old ? std::optional<std::string>(old) : std::nullopt);
      if (value)
        ::setenv(name, value, 1);
      else
        ::unsetenv(name);
    }
  }
  ~Env() {
    for (auto& [name, old] : m_old)
      if (old)
        ::setenv(name.c_str(), old->c_str(), 1);
      else
        ::unsetenv(name.c_str());
  }

 private:
  std::map<std::string, std::optional<std::string>> m_old;
};

// The variables the options read, none set.
Env no_environment() {
  return Env{{"ICSCTL_DB", nullptr},        {"ICSCTL_USER", nullptr},    {"ICSCTL_WAIT", nullptr},
             {"ICSCTL_TEMPLATES", nullptr}, {"ICSCTL_REPORTS", nullptr}, {"ICSCTL_CONFIG", nullptr},
             {"NO_COLOR", nullptr},         {"CLICOLOR_FORCE", nullptr}, {"FORCE_COLOR", nullptr}};
}

Config parsed(std::string_view text) {
  return Config::parse(text, {"/etc/icsctl.conf", "--config"});
}

std::string refusal(std::string_view text) {
  try {
    parsed(text);
  } catch (const ics::InvalidInput& e) {
    return e.what();
  }
  return "(accepted)";
}

struct Fixture : ics_test::ScratchDb {
  Terminal terminal;

  std::filesystem::path write(const std::string& name, const std::string& text, mode_t mode = 0600) {
    auto path = dir / name;
    std::ofstream(path) << text;
    ::chmod(path.c_str(), mode);
    return path;
  }

  std::map<std::string, Effective> effective(const GlobalOptions& options, const Config& config) const {
    Session session(options, terminal, "config show", false, config);
    std::map<std::string, Effective> out;
    for (auto& [key, value] : session.effective_options()) out[std::string(key)] = value;
    return out;
  }
};

}  // namespace

TEST_CASE("config: each key's value, with the file and line it is on") {
  auto config =
      parsed("# defaults\ndb: /data/ics.db\noutput: csv\n\nla_code: \"202\"\nwait: 2.5\ncolor: never\n");
  CHECK(config.read());
  CHECK(config.find("db")->value == "/data/ics.db");
  CHECK(config.find("db")->origin == "config /etc/icsctl.conf:2");
  CHECK(config.find("output")->origin == "config /etc/icsctl.conf:3");
  CHECK(config.find("la_code")->value == "202");
  CHECK(config.find("la_code")->origin == "config /etc/icsctl.conf:5");
  CHECK(config.find("wait")->value == "2.5");
  CHECK_FALSE(config.find("as"));
  CHECK_FALSE(parsed("").find("db"));
  CHECK_FALSE(parsed("# only a comment\n\n").find("db"));
}

TEST_CASE("config: paths are absolute or under ~/, values trimmed as the settings trim them") {
  Env home{{"HOME", "/home/sam"}};
  CHECK(parsed("templates: ~/tpl\n").find("templates")->value == "/home/sam/tpl");
  CHECK(parsed("db: \"~\"\n").find("db")->value == "/home/sam");  // a bare ~ is YAML's null
  CHECK(parsed("la_name: \"  Camden \"\n").find("la_name")->value == "Camden");
  CHECK(refusal("db: data/ics.db\n") ==
        "/etc/icsctl.conf:1: 'db' must be an absolute path, or begin with ~/: 'data/ics.db'");
  CHECK(refusal("reports: ~sam/reports\n").find("'reports' must be an absolute path") != std::string::npos);
}

TEST_CASE("config: a bad file is refused naming FILE:LINE, the key and the reason") {
  CHECK(refusal("output: csv\ncolour: never\n")
            .starts_with("/etc/icsctl.conf:2: 'colour' is not a configuration key: the keys are db, as, "
                         "output, color, wait, "
                         "templates, reports, la_code, software_code"));
  CHECK(refusal("output: xml\n") ==
        "/etc/icsctl.conf:1: 'output' must be one of table, csv, tsv, json, ndjson, markdown: 'xml'");
  CHECK(refusal("color: yes\n") == "/etc/icsctl.conf:1: 'color' must be one of auto, always, never: 'yes'");
  CHECK(refusal("\nwait: -1\n") ==
        "/etc/icsctl.conf:2: 'wait' is not a number of seconds from 0 to 86400: '-1'");
  CHECK(refusal("wait: 86401\n").find("'wait' is not a number of seconds") != std::string::npos);
  CHECK(refusal("db:\n") == "/etc/icsctl.conf:1: 'db' has no value");
  CHECK(refusal("as: '  '\n") == "/etc/icsctl.conf:1: 'as' has no value");
  CHECK(refusal("la_code: 12\n").starts_with("/etc/icsctl.conf:1: 'la_code' must be 3 digits"));
  CHECK(refusal("la_code: 998\n").find("is not a local authority number") != std::string::npos);
  CHECK(refusal("output: csv\noutput: json\n") == "/etc/icsctl.conf:2:1: 'output' is set twice");
  CHECK(refusal("db: {a: b}\n") == "/etc/icsctl.conf:1:5: 'db' must be one value, not a map");
  CHECK(refusal("- db\n").find("/etc/icsctl.conf:1:1: the file must be a map of keys") != std::string::npos);
  CHECK(refusal("db: [\n").find("YAML syntax error") != std::string::npos);
  CHECK(refusal("as: \xff\n").find("not valid UTF-8") != std::string::npos);
  CHECK(refusal("as: \"a\\u0007b\"\n").find("'as'") != std::string::npos);  // a control character
}

TEST_CASE("config: where the file is looked for") {
  {
    Env env{{"ICSCTL_CONFIG", "/srv/team.conf"}, {"XDG_CONFIG_HOME", "/x"}};
    CHECK(config_location("/tmp/mine.conf").path == "/tmp/mine.conf");
    CHECK(config_location("/tmp/mine.conf").named_by == "--config");
    CHECK(config_location("").path == "/srv/team.conf");
    CHECK(config_location("").named_by == "ICSCTL_CONFIG");
  }
  {
    Env env{{"ICSCTL_CONFIG", ""}, {"XDG_CONFIG_HOME", "/x"}};
    CHECK(config_location("").path == "/x/icsctl/config");
    CHECK_FALSE(config_location("").required());
  }
  {
    Env env{{"ICSCTL_CONFIG", nullptr}, {"XDG_CONFIG_HOME", "relative"}, {"HOME", "/home/sam"}};
    CHECK(config_location("").path == "/home/sam/.config/icsctl/config");
  }
}

TEST_CASE_FIXTURE(Fixture,
                  "config: a missing default file is no configuration; a missing named one an error") {
  auto none = [](const std::string&) { FAIL("no warning expected"); };
  auto missing = dir / "nope" / "config";
  CHECK_FALSE(load_config({missing, ""}, false, none).read());
  CHECK_THROWS_AS(load_config({missing, "--config"}, false, none), ics::NotFound);
  CHECK_THROWS_AS(load_config({missing, "ICSCTL_CONFIG"}, false, none), ics::NotFound);
  CHECK_THROWS_AS(load_config({dir, "--config"}, false, none), ics::InvalidInput);  // a folder
  auto path = write("config", "output: json\n");
  auto config = load_config({path, "--config"}, false, none);
  CHECK(config.find("output")->origin == "config " + path.string() + ":1");
}

TEST_CASE_FIXTURE(Fixture, "config: a file group or others may write is refused, or read with a warning") {
  auto none = [](const std::string&) { FAIL("no warning expected"); };
  for (mode_t mode : {0620, 0602, 0666}) {
    auto path = write("config", "output: json\n", mode);
    CHECK_THROWS_WITH_AS(load_config({path, ""}, false, none),
                         doctest::Contains("another user could change what icsctl does with it"),
                         ics::StorageError);
    std::vector<std::string> warnings;
    auto config = load_config({path, ""}, true, [&](const std::string& m) { warnings.push_back(m); });
    CHECK(config.find("output")->value == "json");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("chmod go-w") != std::string::npos);
  }
  auto readable = write("config", "output: json\n", 0644);  // others may read it: no secret in it
  CHECK(load_config({readable, ""}, false, none).read());
}

TEST_CASE("config: flag > env > config > default, for each option") {
  auto clean = no_environment();
  auto config = parsed(
      "db: /config.db\nas: Config Person\noutput: csv\ncolor: never\nwait: 5\n"
      "templates: /config-tpl\nreports: /config-reports\n");
  CHECK(chosen("--db", "/flag.db", "ICSCTL_DB", config, "db")->origin == "flag --db");
  CHECK(chosen("--db", "", "ICSCTL_DB", config, "db")->origin == "config /etc/icsctl.conf:1");
  {
    Env env{{"ICSCTL_DB", "/env.db"}};
    CHECK(chosen("--db", "/flag.db", "ICSCTL_DB", config, "db")->value == "/flag.db");
    CHECK(chosen("--db", "", "ICSCTL_DB", config, "db")->value == "/env.db");
    CHECK(chosen("--db", "", "ICSCTL_DB", config, "db")->origin == "env ICSCTL_DB");
  }
  {
    Env env{{"ICSCTL_DB", ""}};  // empty is not set
    CHECK(chosen("--db", "", "ICSCTL_DB", config, "db")->value == "/config.db");
  }
  CHECK_FALSE(chosen("--db", "", "ICSCTL_DB", Config(), "db"));
}

TEST_CASE("config: colour: --color > NO_COLOR, CLICOLOR_FORCE, FORCE_COLOR > config > auto") {
  auto clean = no_environment();
  auto never = parsed("color: never\n");
  CHECK(effective_color("", Config()).value == "auto");
  CHECK(effective_color("", Config()).origin == "default");
  CHECK(effective_color("", never).value == "never");
  CHECK(effective_color("always", never).origin == "flag --color");
  {
    Env env{{"FORCE_COLOR", "1"}};
    CHECK(effective_color("", never).value == "always");
    CHECK(effective_color("", never).origin == "env FORCE_COLOR");
    CHECK(effective_color("never", never).value == "never");
  }
  {
    Env env{{"FORCE_COLOR", "0"}};  // "0" forces nothing
    CHECK(effective_color("", never).value == "never");
  }
  {
    Env env{{"NO_COLOR", "1"}, {"CLICOLOR_FORCE", "1"}};
    CHECK(effective_color("", parsed("color: always\n")).value == "never");
    CHECK(effective_color("", parsed("color: always\n")).origin == "env NO_COLOR");
    CHECK(effective_color("always", Config()).value == "always");
  }
}

TEST_CASE_FIXTURE(Fixture, "config: the session takes each option from the flag, the environment, the file") {
  auto clean = no_environment();
  auto config = parsed(
      "db: /config.db\nas: Config Person\noutput: csv\nwait: 5\ntemplates: /config-tpl\n"
      "reports: /config-reports\n");
  GlobalOptions none;
  auto from_file = effective(none, config);
  CHECK(from_file["db"].value == "/config.db");
  CHECK(from_file["as"].value == "Config Person");
  CHECK(from_file["output"].value == "csv");
  CHECK(from_file["wait"].value == "5");
  CHECK(from_file["templates"].value == "/config-tpl");
  CHECK(from_file["reports"].value == "/config-reports");
  CHECK(from_file["color"].origin == "default");
  for (const auto& [key, value] : from_file)
    if (key != "color") CHECK_MESSAGE(value.origin.starts_with("config /etc/icsctl.conf:"), key);

  Env env{{"ICSCTL_DB", "/env.db"},
          {"ICSCTL_USER", "envuser"},
          {"ICSCTL_WAIT", "7"},
          {"ICSCTL_TEMPLATES", "/env-tpl"},
          {"ICSCTL_REPORTS", "/env-reports"}};
  auto from_env = effective(none, config);
  CHECK(from_env["db"].origin == "env ICSCTL_DB");
  CHECK(from_env["as"].origin == "env ICSCTL_USER");
  CHECK(from_env["output"].origin == "config /etc/icsctl.conf:3");  // -o has no variable
  CHECK(from_env["wait"].value == "7");
  CHECK(from_env["templates"].value == "/env-tpl");
  CHECK(from_env["reports"].value == "/env-reports");

  GlobalOptions flags;
  flags.db = "/flag.db";
  flags.actor = "flaguser";
  flags.output = "json";
  flags.color = "always";
  flags.wait = "9";
  flags.templates = "/flag-tpl";
  flags.reports = "/flag-reports";
  auto from_flags = effective(flags, config);
  for (const auto& [key, value] : from_flags) CHECK_MESSAGE(value.origin.starts_with("flag --"), key);
  CHECK(from_flags["output"].value == "json");
  Session session(flags, terminal, "config show", false, config);
  CHECK(session.db_path() == "/flag.db");
  CHECK(session.wait() == std::chrono::seconds(9));
  CHECK(session.reports_dir() == "/flag-reports");
  CHECK(session.json_array_output());
}

TEST_CASE_FIXTURE(Fixture, "config: with nothing given, the built-in defaults") {
  auto clean = no_environment();
  Env env{{"XDG_DATA_HOME", (dir / "data").c_str()}};
  auto defaults = effective(GlobalOptions{}, Config());
  CHECK(defaults["db"].value == (dir / "data" / "icsctl" / "ics.db").string());
  CHECK(defaults["output"].value == "table");
  CHECK(defaults["color"].value == "auto");
  CHECK(defaults["wait"].value == "600");
  CHECK(defaults["templates"].value.empty());
  CHECK(defaults["reports"].value.empty());
  for (const auto& [key, value] : defaults) CHECK_MESSAGE(value.origin == "default", key);
}
