#include <ics/model/identifiers.hpp>
#include <ics/model/validate.hpp>
#include <ics/record/children.hpp>
#include <ics/record/episodes.hpp>
#include <ics/record/plans.hpp>
#include <ics/record/rules.hpp>
#include <ics/store/episodes.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace ics::record {

using model::EntityKind;
using model::format_id;

std::int64_t add_child(store::WriteTransaction& tx, model::Child child, util::Date today) {
  model::validate_child(child, today);
  child.ethnicity = require_ethnicity(child.ethnicity, std::nullopt, "ethnicity");
  require_identifiers_unheld(tx.db(), child, 0, {"NHS number", "UPN", "legacy reference"});
  child.id = store::insert_child(tx, child);
  tx.audit(format_id(EntityKind::child, child.id), std::nullopt, store::to_json(child));
  return child.id;
}

namespace {

// The child's open episodes (not no-further-action), each refused while it holds an assessment or an
// enquiry still open: a death does not complete them.
std::vector<model::Episode> episodes_to_close(store::Database& db, const model::Child& child,
                                              util::Date date) {
  std::vector<model::Episode> out;
  std::vector<std::string> open_items;
  for (auto id : store::episodes_of_child(db, child.id)) {
    auto episode = store::get_episode(db, id);
    if (episode.closure_date || episode.nfa) continue;
    if (auto a = store::open_assessment_of_episode(db, id))
      open_items.push_back(fmt::format("assessment {} (episode {})", format_id(EntityKind::assessment, *a),
                                       format_id(EntityKind::episode, id)));
    if (auto e = store::open_enquiry_of_episode(db, id))
      open_items.push_back(fmt::format("enquiry {} (episode {})", format_id(EntityKind::enquiry, *e),
                                       format_id(EntityKind::episode, id)));
    out.push_back(std::move(episode));
  }
  if (!open_items.empty())
    throw Conflict(fmt::format(
        "the death of child '{}' cannot be recorded while {} {} open: complete the assessment "
        "(complete-assessment) and end the enquiry (end-enquiry or record-conference) on or before {} "
        "first; record-death closes the episode but does not complete what it holds",
        format_id(EntityKind::child, child.id), fmt::join(open_items, " and "),
        open_items.size() == 1 ? "is" : "are", date.iso()));
  return out;
}

}  // namespace

DeathEnds record_death(store::WriteTransaction& tx, std::int64_t child_id, util::Date date,
                       util::Date today) {
  auto& db = tx.db();
  auto before = store::get_child(db, child_id);
  auto id = format_id(EntityKind::child, child_id);
  if (before.date_of_death)
    throw Conflict(
        fmt::format("child '{}' died on {}: the death is already recorded", id, before.date_of_death->iso()));
  model::require_death_date(before, date, today, "date");
  require_nothing_after(db, child_id, date, "date");
  auto episodes = episodes_to_close(db, before, date);

  auto after = before;
  after.date_of_death = date;
  store::set_child_death(tx, child_id, date);
  tx.audit(id, store::to_json(before), store::to_json(after));

  DeathEnds ends;
  for (auto plan_id : store::open_plans_of_child(db, child_id)) {
    close_plan(tx, plan_id, date, "died", today, "date");
    ends.plans.push_back(plan_id);
  }
  for (const auto& episode : episodes) {
    close_episode(tx, episode.id, date, "RC2", today);
    ends.episodes.push_back(episode.id);
  }
  return ends;
}

}  // namespace ics::record
