#include <ics/io/bulk/store.hpp>
#include <ics/io/json_value.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/store/bulk.hpp>
#include <ics/store/episodes.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::io {

std::int64_t child_of(store::Database& db, const std::string& reference) {
  try {
    return store::resolve_child(db, reference);
  } catch (const NotFound&) {
    throw InvalidInput("child_id", reference, "is not a child in the database");
  } catch (const InvalidInput& e) {
    throw InvalidInput("child_id", reference, e.reason());
  }
}

model::Episode episode_of(store::Database& db, std::int64_t episode_id) {
  try {
    return store::get_episode(db, episode_id);
  } catch (const NotFound&) {
    throw InvalidInput("episode_id", model::format_id(model::EntityKind::episode, episode_id),
                       "is not an episode in the database");
  }
}

model::Plan plan_of(store::Database& db, std::int64_t plan_id) {
  try {
    return store::get_plan(db, plan_id);
  } catch (const NotFound&) {
    throw InvalidInput("plan_id", model::format_id(model::EntityKind::plan, plan_id),
                       "is not a plan in the database");
  }
}

std::optional<std::vector<util::Value>> record_image(store::Database& db, RecordKind kind, std::int64_t id) {
  return store::bulk_row(db, entity_of(kind), id);
}

std::string image_json(RecordKind kind, const std::vector<util::Value>& image) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  auto columns = bulk_columns(kind);
  for (size_t i = 0; i < image.size() && i < columns.size(); ++i) {
    j[std::string(columns[i])] = to_json(image[i]);
  }
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace ics::io
