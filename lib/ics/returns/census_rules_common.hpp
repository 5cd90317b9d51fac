#pragma once
// Internal to returns/: what the census rule files share to name records and dates in findings.
#include <ics/model/identifiers.hpp>
#include <ics/returns/census.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace ics::returns::detail {

inline std::string child_ref(std::int64_t id) {
  return model::format_id(model::EntityKind::child, id);
}
inline std::string episode_ref(std::int64_t id) {
  return model::format_id(model::EntityKind::episode, id);
}
inline std::string assessment_ref(std::int64_t id) {
  return model::format_id(model::EntityKind::assessment, id);
}
inline std::string enquiry_ref(std::int64_t id) {
  return model::format_id(model::EntityKind::enquiry, id);
}
inline std::string conference_ref(std::int64_t id) {
  return model::format_id(model::EntityKind::conference, id);
}
inline std::string plan_ref(std::int64_t id) {
  return model::format_id(model::EntityKind::plan, id);
}

// The public id of a census record, by its type.
inline std::string id_of(const CensusEpisode& episode) {
  return episode_ref(episode.id);
}
inline std::string id_of(const CensusAssessment& assessment) {
  return assessment_ref(assessment.id);
}
inline std::string id_of(const CensusCinPlan& plan) {
  return plan_ref(plan.id);
}
inline std::string id_of(const CensusSection47& enquiry) {
  return enquiry_ref(enquiry.id);
}
inline std::string id_of(const CensusCpp& plan) {
  return plan_ref(plan.id);
}

// LAchildID as the census writes it: the child's public id; "" (absent) for id 0, no child.
inline std::string la_child_id(const CensusChild& child) {
  return child.id != 0 ? child_ref(child.id) : "";
}

// An optional text for a message: the value quoted, or "none".
inline std::string shown(const std::optional<std::string>& value) {
  return value ? "'" + *value + "'" : "none";
}

// Whether the episode is a no further action referral, and whether it is open (no closure date).
inline bool is_open(const CensusEpisode& e) {
  return !e.closure.has_value();
}
inline bool any_episode_not_nfa(const CensusChild& child) {
  for (const auto& e : child.episodes)
    if (!e.nfa) return true;
  return false;
}

}  // namespace ics::returns::detail
