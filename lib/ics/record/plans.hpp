#pragma once
// A plan's life: opening one from a template (with its starting actions and review clock) and closing
// it. Each function checks every rule (record/rules.hpp), writes through the open transaction and
// appends the audit records; a broken rule throws InvalidInput or Conflict before anything is written.
#include <ics/api.hpp>
#include <ics/model/types.hpp>
#include <ics/plan/template.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/calendar.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

ICS_API_BEGIN
namespace ics::record {

struct OpenPlanRequest {
  std::int64_t child_id = 0;
  std::optional<std::string> category;
  std::optional<util::Date> start;  // default today
  std::optional<std::string> worker;
  std::optional<std::string> team;
  std::optional<std::string> contingency;
  // The episode to file the plan in. None: the child's open episode, or a new one opened for it.
  std::optional<std::int64_t> episode_id;
};

// Where open_plan filed a plan, and what it made for it (for the command to say so).
struct PlanFiling {
  std::int64_t episode_id = 0;
  bool episode_opened = false;     // a new episode, made by open-plan: referred on the plan's start
  std::int64_t conference_id = 0;  // a child protection plan: the conference it starts on
  bool conference_made = false;    // a transfer-in conference made for it on the plan's start
};

// Where a plan is filed, as open_plan files it (below), found and checked before anything is written:
// the requested episode, else the child's open one, else one to be opened (`episode` none). The bulk
// plan import calls these too; `names` are how the caller knows the child, the episode and the start.
// A plan already ended on `end` (bulk import only) is given a closed episode of its own, as the
// migration gives one to each plan: referred on its start, closed on its end (RC7).
struct EpisodeFiling {
  PlanFiling result;
  std::optional<model::Episode> episode;  // the stored episode; none: one is to be opened
};
struct PlanFieldNames {
  std::string_view child, episode, start;
};
EpisodeFiling find_plan_episode(store::Database& db, const model::Child& child, std::string_view kind,
                                util::Date start, const std::optional<std::int64_t>& requested,
                                const PlanFieldNames& names, std::optional<util::Date> end = std::nullopt);
// Writes what find_plan_episode found missing: the episode (made by open-plan; closed on `end` when
// given) and the transfer-in conference of a child protection plan.
void make_plan_episode(store::WriteTransaction& tx, EpisodeFiling& f, std::int64_t child_id, util::Date start,
                       std::optional<util::Date> end = std::nullopt);

// Opens a plan from `tmpl` with the template's starting actions due on its clock, filed in an episode
// (record/episode_rules.hpp): the one requested (open, the plan's start within it, and for a child
// protection plan a conference of it on that day); else the child's open episode; else a new one,
// made by open-plan with its referral on the start, source and need not known. Without a requested
// episode, a child protection plan with no conference of its episode on its start gets a transfer-in
// conference (outcome plan) on that day. `filing`, when given, is told where the plan went.
std::int64_t open_plan(store::WriteTransaction& tx, const plan::Template& tmpl,
                       const util::Calendar& calendar, const OpenPlanRequest& request, util::Date today,
                       PlanFiling* filing = nullptr);

// Ends a plan on `end` (the first day it no longer applies); its open actions are cancelled with it.
// `end_field` names the end in errors (record-death closes plans on the date of death).
void close_plan(store::WriteTransaction& tx, std::int64_t plan_id, util::Date end, const std::string& reason,
                util::Date today, std::string_view end_field = "end");

}  // namespace ics::record
ICS_API_END
