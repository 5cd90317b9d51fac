#include <ics/model/identifiers.hpp>
#include <ics/model/validate.hpp>
#include <ics/record/restrictions.hpp>
#include <ics/store/records.hpp>
#include <ics/store/restricted.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ics::record {

namespace {

using model::EntityKind;
using model::format_id;

std::string image(const store::Restriction& r) {
  nlohmann::ordered_json j;
  j["child_id"] = format_id(EntityKind::child, r.child);
  j["restricted"] = true;
  j["reason"] = r.reason;
  j["restricted_at"] = r.restricted_at;
  j["restricted_by"] = r.restricted_by;
  return j.dump();
}

}  // namespace

std::string restriction_entity(std::int64_t child) {
  return "restriction:" + format_id(EntityKind::child, child);
}

std::string disclosure_entity(std::string_view agency) {
  return fmt::format("disclosure:{}", agency);
}

void restrict_child(store::WriteTransaction& tx, std::int64_t child, std::string_view reason) {
  auto text = model::require_text(reason, "reason");
  store::get_child(tx.db(), child);  // NotFound
  if (auto held = store::restriction_of(tx.db(), child))
    throw Conflict(
        "child", format_id(EntityKind::child, child),
        fmt::format("is already restricted (since {}, by {})", held->restricted_at, held->restricted_by));
  store::Restriction restriction{child, text, tx.context().now_utc, tx.context().actor};
  store::insert_restriction(tx, restriction);
  tx.audit(restriction_entity(child), std::nullopt, image(restriction));
}

void unrestrict_child(store::WriteTransaction& tx, std::int64_t child,
                      std::optional<std::string_view> reason) {
  std::optional<std::string> text;
  if (reason) text = model::require_text(*reason, "reason");
  store::get_child(tx.db(), child);
  auto held = store::restriction_of(tx.db(), child);
  if (!held) throw Conflict("child", format_id(EntityKind::child, child), "is not restricted");
  store::delete_restriction(tx, child);
  nlohmann::ordered_json after;
  after["child_id"] = format_id(EntityKind::child, child);
  after["restricted"] = false;
  after["reason"] = text ? nlohmann::ordered_json(*text) : nlohmann::ordered_json(nullptr);
  tx.audit(restriction_entity(child), image(*held), after.dump());
}

void audit_restricted_read(store::WriteTransaction& tx, const std::vector<std::int64_t>& children,
                           RestrictedReach reach) {
  nlohmann::ordered_json j;
  j["read"] = tx.context().command;
  j["reach"] = reach == RestrictedReach::asked ? "include-restricted" : "statutory";
  j["children_count"] = children.size();
  auto& ids = j["children"] = nlohmann::ordered_json::array();
  for (auto child : children) ids.push_back(format_id(EntityKind::child, child));
  tx.audit(k_restricted_read_entity, std::nullopt, j.dump());
}

void audit_disclosure(store::WriteTransaction& tx, std::string_view agency, std::int64_t rows,
                      const std::vector<std::string>& children) {
  nlohmann::ordered_json j;
  j["disclosure"] = tx.context().command;
  j["agency"] = agency;
  j["rows"] = rows;
  j["children_count"] = children.size();
  j["children"] = children;
  tx.audit(disclosure_entity(agency), std::nullopt, j.dump());
}

}  // namespace ics::record
