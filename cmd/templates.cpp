#include "command.hpp"
#include "session.hpp"

#include <ics/plan/template.hpp>
#include <ics/util/error.hpp>
#include <ics/util/file.hpp>

#include <CLI/CLI.hpp>
#include <iostream>

namespace icsctl {

void register_templates(CLI::App& app, Runner& run) {
  auto name = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  app.require_subcommand(1);
  auto* list = app.add_subcommand("list", "the templates open-plan can use");
  auto* show = app.add_subcommand("show", "print a template's text");
  show->add_option("NAME", *name, "template name")->required();
  auto* check = app.add_subcommand("check", "validate a template file");
  check->add_option("FILE", *file, "template file to check")->required();
  for (auto* sub : {list, show, check}) sub->fallthrough();
  run = [name, file, list, show](Session& s, DatabaseAccess&) {
    if (list->parsed()) {
      auto out = s.output();
      out->begin({{"name"}, {"version"}, {"kind"}, {"title"}, {"categories"}, {"source"}});
      for (const auto& t : s.templates().list()) {
        std::string categories;
        for (const auto& c : t.categories) categories += (categories.empty() ? "" : " ") + c;
        out->row({t.name, std::int64_t{t.version}, t.kind, t.title, categories, t.source});
      }
      out->end();
    } else if (show->parsed()) {
      std::cout << s.templates().find(*name).text;
    } else {
      auto t = ics::plan::parse_template(ics::util::read_file(*file), *file);
      try {
        s.calendar(t.calendar);  // the calendar it names must exist too
      } catch (const ics::NotFound&) {
        throw ics::InvalidInput(
            fmt::format("{}: 'calendar' names no known calendar: '{}'", *file, t.calendar));
      }
      s.info(fmt::format("{}: template '{}' version {} is valid", *file, t.name, t.version));
    }
  };
}

}  // namespace icsctl
