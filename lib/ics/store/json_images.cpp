#include <ics/model/identifiers.hpp>
#include <ics/store/records.hpp>

#include <nlohmann/json.hpp>

namespace ics::store {

namespace {
using model::EntityKind;
using nlohmann::ordered_json;

template <typename T>
ordered_json opt(const std::optional<T>& v) {
  if (!v) return nullptr;
  if constexpr (std::is_same_v<T, util::Date>)
    return v->iso();
  else
    return *v;
}
}  // namespace

std::string to_json(const model::Child& c) {
  ordered_json j;
  j["child_id"] = model::format_id(EntityKind::child, c.id);
  j["given_names"] = c.given_names;
  j["family_name"] = c.family_name;
  j["date_of_birth"] = opt(c.date_of_birth);
  j["expected_dob"] = opt(c.expected_dob);
  j["sex"] = c.sex;
  j["nhs_number"] = opt(c.nhs_number);
  j["upn"] = opt(c.upn);
  j["ethnicity"] = opt(c.ethnicity);
  j["refs"] = c.refs;
  j["disabilities"] = c.disabilities.empty() ? ordered_json(nullptr) : ordered_json(c.disabilities);
  j["upn_unknown"] = opt(c.upn_unknown);
  j["former_upn"] = opt(c.former_upn);
  j["mother_nhs_number"] = opt(c.mother_nhs_number);
  j["date_of_death"] = opt(c.date_of_death);
  return j.dump();
}

std::string to_json(const model::Plan& p) {
  ordered_json j;
  j["plan_id"] = model::format_id(EntityKind::plan, p.id);
  j["child_id"] = model::format_id(EntityKind::child, p.child_id);
  j["template"] = p.template_name;
  j["template_version"] = p.template_version;
  j["kind"] = p.kind;
  j["initial_category"] = opt(p.initial_category);
  j["latest_category"] = opt(p.latest_category);
  j["start_date"] = p.start_date.iso();
  j["end_date"] = opt(p.end_date);
  j["end_reason"] = opt(p.end_reason);
  j["lead_worker"] = opt(p.lead_worker);
  j["team"] = opt(p.team);
  j["contingency"] = opt(p.contingency);
  j["first_review_due"] = opt(p.first_review_due);
  j["next_review_due"] = opt(p.next_review_due);
  j["previous_cp_plans"] = p.previous_cp_plans;
  j["episode_id"] =
      p.episode_id ? ordered_json(model::format_id(EntityKind::episode, p.episode_id)) : nullptr;
  j["conference_id"] =
      p.conference_id ? ordered_json(model::format_id(EntityKind::conference, p.conference_id)) : nullptr;
  return j.dump();
}

std::string to_json(const model::Action& a) {
  ordered_json j;
  j["action_id"] = model::format_id(EntityKind::action, a.id);
  j["plan_id"] = model::format_id(EntityKind::plan, a.plan_id);
  j["section"] = opt(a.section);
  j["what"] = a.what;
  j["owner"] = a.owner;
  j["agency"] = a.agency;
  j["due_date"] = a.due_date.iso();
  j["status"] = a.status;
  j["completed_date"] = opt(a.completed_date);
  j["cancel_reason"] = opt(a.cancel_reason);
  return j.dump();
}

std::string to_json(const model::Review& r) {
  ordered_json j;
  j["review_id"] = model::format_id(EntityKind::review, r.id);
  j["plan_id"] = model::format_id(EntityKind::plan, r.plan_id);
  j["kind"] = r.kind;
  j["review_date"] = r.review_date.iso();
  j["outcome"] = opt(r.outcome);
  j["category"] = opt(r.category);
  j["next_review_due"] = opt(r.next_review_due);
  j["seen"] = opt(r.seen);
  j["seen_alone"] = opt(r.seen_alone);
  return j.dump();
}

}  // namespace ics::store
