#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/code_lists.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/record/restrictions.hpp>
#include <ics/returns/settings.hpp>
#include <ics/store/rows.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

namespace icsctl {

namespace {
// The entities of information sharing (record/restrictions.hpp): restriction:C12, restricted-read,
// disclosure:CODE; nullopt for any other text.
std::optional<std::string> information_sharing_entity(const std::string& id) {
  if (id == ics::record::k_restricted_read_entity) return id;
  if (id.starts_with("restriction:"))
    return ics::record::restriction_entity(
        ics::model::parse_id_of(ics::model::EntityKind::child, id.substr(12), "id"));
  if (id.starts_with("disclosure:"))
    return ics::record::disclosure_entity(ics::model::require_listed(id.substr(11), "agency", "id"));
  return std::nullopt;
}
}  // namespace

void register_log(CLI::App& app, Runner& run) {
  auto id = std::make_shared<std::string>();
  auto limit = std::make_shared<std::int64_t>(50);
  app.add_option("ID", *id,
                 "only the changes to this record (C12, P3, A7, R2, B1, E4, N5, S6, I7) or setting "
                 "(setting:la_code); a child's restriction (restriction:C12), the audited reads of "
                 "restricted children (restricted-read), the disclosures to an agency (disclosure:health)");
  app.add_option("-n,--limit", *limit, "at most this many records, newest first (default 50)")
      ->check(CLI::PositiveNumber);
  run = [id, limit](Session& s, DatabaseAccess& db) {
    std::optional<std::string> entity;
    if (id->starts_with("setting:")) {
      auto key = id->substr(8);
      if (!ics::returns::is_setting_key(key))
        throw ics::InvalidInput(
            "id", *id,
            fmt::format("names no setting: the settings are {}", ics::returns::setting_key_names()));
      entity = *id;
    } else if (auto other = information_sharing_entity(*id)) {
      entity = *other;
    } else if (!id->empty()) {
      auto parsed = ics::model::parse_id(*id);
      if (!parsed)
        throw ics::InvalidInput("id", *id, "is not an id (like C12, P3, A7, R2, B1, E4, N5, S6 or I7)");
      entity = ics::model::format_id(parsed->kind, parsed->number);
    }
    auto out = s.output();
    ics::store::audit_log(db.read(), entity, *limit, *out);
  };
}

}  // namespace icsctl
