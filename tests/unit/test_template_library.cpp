#include <doctest/doctest.h>
#include <ics/plan/template.hpp>
#include <ics/util/error.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using ics::plan::TemplateLibrary;

namespace {

// A scratch directory of its own per test process, removed at the end of the test.
struct ScratchDir {
  fs::path path = fs::temp_directory_path() / ("ics_unit_templates_" + std::to_string(::getpid()));
  ScratchDir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~ScratchDir() { fs::remove_all(path); }
  void write(const std::string& file, const std::string& text) const { std::ofstream(path / file) << text; }
};

std::string local_template(const std::string& name, const std::string& title) {
  return "name: " + name + "\nversion: 2\ntitle: " + title +
         "\nkind: child-protection\nsections:\n  - key: safety\n    title: Safety\n";
}

}  // namespace

TEST_CASE("the built-in templates") {
  TemplateLibrary library({});
  auto all = library.list();
  REQUIRE(all.size() == 2);
  CHECK(all[0].name == "child-in-need");
  CHECK(all[1].name == "child-protection");
  CHECK(all[1].source == "builtin:plans/child-protection.yaml");
  auto cp = library.find("child-protection");
  CHECK(cp.source == "builtin:plans/child-protection.yaml");
  CHECK(cp.hash == all[1].hash);
  CHECK(cp.hash.size() == 64);
  CHECK_THROWS_WITH_AS(library.find("adoption"), "no template 'adoption'", ics::NotFound);
  CHECK_THROWS_WITH_AS(library.find("../plans/child-protection"), "no template '../plans/child-protection'",
                       ics::NotFound);
  CHECK_THROWS_AS(library.find(""), ics::NotFound);
}

TEST_CASE("a user directory overrides a built-in and adds its own") {
  ScratchDir first, dir;
  dir.path += "_b";
  fs::create_directories(dir.path);
  first.write("child-protection.yaml", local_template("child-protection", "Ours"));
  dir.write("child-protection.yaml", local_template("child-protection", "Shadowed"));
  dir.write("adoption.yaml", local_template("adoption", "Adoption plan"));
  dir.write("notes.txt", "not a template");
  dir.write(".hidden.yaml", "not: [valid");

  TemplateLibrary library({first.path / "missing", first.path, dir.path});
  auto cp = library.find("child-protection");
  CHECK(cp.title == "Ours");
  CHECK(cp.version == 2);
  CHECK(cp.source == (first.path / "child-protection.yaml").string());
  CHECK(library.find("adoption").title == "Adoption plan");
  CHECK(library.find("child-in-need").source == "builtin:plans/child-in-need.yaml");

  auto all = library.list();
  REQUIRE(all.size() == 3);
  CHECK(all[0].name == "adoption");
  CHECK(all[1].name == "child-in-need");
  CHECK(all[2].name == "child-protection");
  CHECK(all[2].title == "Ours");
  fs::remove_all(dir.path);
}

TEST_CASE("a broken or misnamed user template is refused with its place") {
  ScratchDir dir;
  dir.write("local.yaml", local_template("other", "Misnamed"));
  TemplateLibrary library({dir.path});
  std::string file = (dir.path / "local.yaml").string();
  CHECK_THROWS_WITH_AS(library.find("local"),
                       (file + ":1:7: 'name' must match the file name 'local': 'other'").c_str(),
                       ics::InvalidInput);
  CHECK_THROWS_AS(library.list(), ics::InvalidInput);
  CHECK(library.find("child-protection").name == "child-protection");  // the others still load

  dir.write("local.yaml", "name: local\nversion: 1\ntitle: L\nkind: cp\nsections: [\n");
  CHECK_THROWS_AS(library.find("local"), ics::InvalidInput);
}
