#include "command.hpp"
#include "database_access.hpp"
#include "render.hpp"
#include "restricted_reads.hpp"
#include "session.hpp"

#include <ics/io/json_value.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/store/records.hpp>
#include <ics/store/restricted.hpp>
#include <ics/store/rows.hpp>
#include <ics/util/error.hpp>

#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

namespace icsctl {

namespace {

using ics::model::EntityKind;
using ics::util::RowBuffer;

nlohmann::ordered_json row_object(const RowBuffer& rows, size_t r) {
  nlohmann::ordered_json obj = nlohmann::ordered_json::object();
  for (size_t i = 0; i < rows.columns().size(); ++i)
    obj[rows.columns()[i].name] = ics::io::to_json(rows.rows()[r][i]);
  return obj;
}

void print_table(Session& s, const RowBuffer& record,
                 const std::vector<std::pair<std::string, RowBuffer>>& related) {
  auto fields = make_table_writer(std::cout, false, s.terminal().width(Stream::out));
  fields->begin({{"field"}, {"value"}});
  for (size_t i = 0; i < record.columns().size(); ++i)
    fields->row({record.columns()[i].name, record.rows()[0][i]});
  fields->end();
  for (const auto& [name, rows] : related) {
    std::cout << '\n' << name << ":\n";
    auto out = s.output();
    out->begin(rows.columns());
    for (const auto& row : rows.rows()) out->row(row);
    out->end();
  }
}

// A restricted child's record (restricted_reads.hpp: show reads the whole file and checks its one
// record here) is refused without --include-restricted (exit 4, as a record not there, saying why);
// with it, the read is audited, naming the child, before anything is shown.
void refuse_or_audit_restricted(Session& s, ics::store::Database& db, const ics::model::EntityId& id,
                                const std::string& given) {
  auto owner = ics::store::restricted_owner(db, id);
  if (!owner) return;
  auto child = ics::model::format_id(EntityKind::child, *owner);
  bool is_child = id.kind == EntityKind::child;
  auto what = is_child ? fmt::format("child '{}' is restricted", given)
                       : fmt::format("{} '{}' is a record of a restricted child",
                                     ics::model::name_of(id.kind), given);
  if (!s.include_restricted())
    throw ics::NotFound(
        fmt::format("{}: it is shown only with --include-restricted, and that read is audited", what));
  audit_included(s, "show", {*owner});
  if (!is_child) s.info(fmt::format("note: {} is a record of restricted child {}", given, child));
}

}  // namespace

void register_show(CLI::App& app, Runner& run) {
  auto id = std::make_shared<std::string>();
  app.add_option(
         "ID", *id,
         "any id: C12 (child), P3 (plan), A7 (action), R2 (review), B1 (import batch), E4 (episode), "
         "N5 (assessment), S6 (section 47 enquiry), I7 (conference); a child also as nhs:…, upn:…, ref:…")
      ->required();
  run = [id](Session& s, DatabaseAccess& access) {
    auto& db = access.read();
    auto parsed = ics::model::parse_id(*id);
    if (!parsed && id->find(':') != std::string::npos)  // nhs:…, upn:…, ref:… name a child
      parsed = ics::model::EntityId{EntityKind::child, ics::store::resolve_child(db, *id)};
    if (!parsed)
      throw ics::InvalidInput("id", *id, "is not an id (like C12, P3, A7, R2, B1, E4, N5, S6 or I7)");
    refuse_or_audit_restricted(s, db, *parsed, *id);
    auto [record, related] = ics::store::record_view(db, *parsed);
    if (record.rows().empty())
      throw ics::NotFound(fmt::format("no {} '{}'", ics::model::name_of(parsed->kind), *id));
    if (!s.machine_output()) return print_table(s, record, related);
    if (s.csv_like_output()) {
      auto out = s.output();  // csv and tsv carry the record itself; related rows need json
      out->begin(record.columns());
      out->row(record.rows()[0]);
      out->end();
      return;
    }
    auto obj = row_object(record, 0);
    for (const auto& [name, rows] : related) {
      obj[name] = nlohmann::ordered_json::array();
      for (size_t r = 0; r < rows.rows().size(); ++r) obj[name].push_back(row_object(rows, r));
    }
    // The json contract is an array of objects, even of one. Invalid UTF-8 is replaced, never thrown.
    auto text = obj.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    if (s.json_array_output())
      std::cout << "[\n" << text << "\n]\n";
    else
      std::cout << text << '\n';
  };
}

}  // namespace icsctl
