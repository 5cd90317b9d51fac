// `icsctl version`: the tool's version, the schema it makes, and the libraries it runs on.
#include "version.hpp"

#include "command.hpp"
#include "session.hpp"

#include <ics/versions.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

std::string_view icsctl_version() {
  return ICS_VERSION;
}

namespace {

// icsctl, then libics's list (libics, schema, sqlite, fmt, ...), with CLI11, which only icsctl uses.
std::vector<ics::ComponentVersion> versions() {
  std::vector<ics::ComponentVersion> out = {{"icsctl", ICS_VERSION}};
  for (auto& v : ics::library_versions()) out.push_back(std::move(v));
  out.push_back({"cli11", CLI11_VERSION});
  return out;
}

}  // namespace

void register_version(CLI::App&, Runner& run) {
  run = [](Session& s, DatabaseAccess&) {
    auto all = versions();
    auto out = s.output();
    if (!s.machine_output()) {  // for people: a line each
      out->begin({{"component"}, {"version"}});
      for (const auto& v : all) out->row({v.name, v.version});
      out->end();
      return;
    }
    // For scripts: one record, a key each (`icsctl version -o json | jq -r '.[0].sqlite'`).
    std::vector<ics::util::Column> columns;
    std::vector<ics::util::Value> row;
    for (const auto& v : all) {
      columns.push_back({v.name});
      row.emplace_back(v.version);
    }
    out->begin(columns);
    out->row(row);
    out->end();
  };
}

}  // namespace icsctl
