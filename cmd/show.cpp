#include "command.hpp"
#include "database_access.hpp"
#include "fields.hpp"
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
#include <stdexcept>

namespace icsctl {

namespace {

using ics::model::EntityKind;
using ics::util::RowBuffer;

using Related = std::vector<std::pair<std::string, RowBuffer>>;

// What --fields leaves of a record: its own fields and its related lists, each in the order named
// (everything, in the record's order, without --fields). A related list is named as `show -o json`
// keys it (plans, actions, ...).
struct Chosen {
  std::vector<std::string> names;      // in the order to show them
  std::vector<std::size_t> positions;  // for each name, its column in the record, npos for a related list
};

Chosen choose(const Session& s, const RowBuffer& record, const Related& related) {
  Chosen chosen;
  if (s.fields().empty()) {
    for (std::size_t i = 0; i < record.columns().size(); ++i) {
      chosen.names.push_back(record.columns()[i].name);
      chosen.positions.push_back(i);
    }
    for (const auto& r : related) {
      chosen.names.push_back(r.first);
      chosen.positions.push_back(std::string::npos);
    }
    return chosen;
  }
  std::vector<std::string> lists;
  for (const auto& r : related) lists.push_back(r.first);
  chosen.names = s.fields();
  chosen.positions = field_positions(record.columns(), s.fields(), lists);
  return chosen;
}

const RowBuffer& related_rows(const Related& related, const std::string& name) {
  for (const auto& r : related)
    if (r.first == name) return r.second;
  throw std::logic_error("no related list " + name);
}

nlohmann::ordered_json row_object(const RowBuffer& rows, size_t r) {
  nlohmann::ordered_json obj = nlohmann::ordered_json::object();
  for (size_t i = 0; i < rows.columns().size(); ++i)
    obj[rows.columns()[i].name] = ics::io::to_json(rows.rows()[r][i]);
  return obj;
}

// table and markdown: the record's fields as field/value rows, then each related list under its name.
void print_for_people(Session& s, const RowBuffer& record, const Related& related, const Chosen& chosen) {
  auto fields = s.unprojected_output();
  fields->begin({{"field"}, {"value"}});
  for (size_t i = 0; i < chosen.names.size(); ++i)
    if (chosen.positions[i] != std::string::npos)
      fields->row({chosen.names[i], record.rows()[0][chosen.positions[i]]});
  fields->end();
  for (size_t i = 0; i < chosen.names.size(); ++i) {
    if (chosen.positions[i] != std::string::npos) continue;
    const auto& rows = related_rows(related, chosen.names[i]);
    std::cout << '\n' << chosen.names[i] << ":\n";
    if (s.markdown_output()) std::cout << '\n';  // a table after a paragraph needs a blank line
    auto out = s.unprojected_output();
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
    auto chosen = choose(s, record, related);
    if (!s.machine_output() || s.markdown_output()) return print_for_people(s, record, related, chosen);
    if (s.csv_like_output()) {  // csv and tsv carry the record itself; related rows need json
      std::vector<ics::util::Column> columns;
      std::vector<ics::util::Value> values;
      for (size_t i = 0; i < chosen.names.size(); ++i) {
        if (chosen.positions[i] == std::string::npos && s.fields().empty()) continue;
        if (chosen.positions[i] == std::string::npos)
          throw CLI::ValidationError("--fields",
                                     fmt::format("'{}' is a list of related records: csv and tsv carry the "
                                                 "record's own fields only (json, ndjson, table and markdown "
                                                 "show it)",
                                                 chosen.names[i]));
        columns.push_back(record.columns()[chosen.positions[i]]);
        values.push_back(record.rows()[0][chosen.positions[i]]);
      }
      auto out = s.unprojected_output();
      out->begin(columns);
      out->row(values);
      out->end();
      return;
    }
    nlohmann::ordered_json obj = nlohmann::ordered_json::object();
    for (size_t i = 0; i < chosen.names.size(); ++i) {
      if (chosen.positions[i] != std::string::npos) {
        obj[chosen.names[i]] = ics::io::to_json(record.rows()[0][chosen.positions[i]]);
        continue;
      }
      const auto& rows = related_rows(related, chosen.names[i]);
      obj[chosen.names[i]] = nlohmann::ordered_json::array();
      for (size_t r = 0; r < rows.rows().size(); ++r) obj[chosen.names[i]].push_back(row_object(rows, r));
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
