// JSON images of episodes, assessments, enquiries and conferences for the audit trail.
#include <ics/model/identifiers.hpp>
#include <ics/store/episodes.hpp>

#include <nlohmann/json.hpp>

namespace ics::store {

namespace {
using model::EntityKind;
using model::format_id;
using nlohmann::ordered_json;

template <typename T>
ordered_json opt(const std::optional<T>& v) {
  if (!v) return nullptr;
  if constexpr (std::is_same_v<T, util::Date>)
    return v->iso();
  else
    return *v;
}

ordered_json id_or_null(EntityKind kind, std::int64_t id) {
  return id ? ordered_json(format_id(kind, id)) : ordered_json(nullptr);
}
}  // namespace

std::string to_json(const model::Episode& e) {
  ordered_json j;
  j["episode_id"] = format_id(EntityKind::episode, e.id);
  j["child_id"] = format_id(EntityKind::child, e.child_id);
  j["referral_date"] = e.referral_date.iso();
  j["referral_source"] = opt(e.referral_source);
  j["primary_need"] = opt(e.primary_need);
  j["nfa"] = e.nfa;
  j["closure_date"] = opt(e.closure_date);
  j["closure_reason"] = opt(e.closure_reason);
  j["made_by"] = opt(e.made_by);
  return j.dump();
}

std::string to_json(const model::Assessment& a) {
  ordered_json j;
  j["assessment_id"] = format_id(EntityKind::assessment, a.id);
  j["episode_id"] = format_id(EntityKind::episode, a.episode_id);
  j["start_date"] = a.start_date.iso();
  j["completed_date"] = opt(a.completed_date);
  j["factors"] = a.factors;
  return j.dump();
}

std::string to_json(const model::Enquiry& e) {
  ordered_json j;
  j["enquiry_id"] = format_id(EntityKind::enquiry, e.id);
  j["episode_id"] = format_id(EntityKind::episode, e.episode_id);
  j["start_date"] = e.start_date.iso();
  j["conference_target"] = e.conference_target.iso();
  j["end_date"] = opt(e.end_date);
  return j.dump();
}

std::string to_json(const model::Conference& c) {
  ordered_json j;
  j["conference_id"] = format_id(EntityKind::conference, c.id);
  j["episode_id"] = format_id(EntityKind::episode, c.episode_id);
  j["enquiry_id"] = id_or_null(EntityKind::enquiry, c.enquiry_id);
  j["conference_date"] = c.conference_date.iso();
  j["outcome"] = c.outcome;
  return j.dump();
}

}  // namespace ics::store
