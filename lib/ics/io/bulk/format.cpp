#include <ics/io/bulk/format.hpp>
#include <ics/util/error.hpp>

#include <array>
#include <cctype>
#include <string>

namespace ics::io {

namespace {

constexpr std::array<std::string_view, 15> k_child_columns = {
    "child_id",     "given_names", "family_name", "date_of_birth",     "expected_dob",
    "sex",          "nhs_number",  "upn",         "ethnicity",         "refs",
    "disabilities", "upn_unknown", "former_upn",  "mother_nhs_number", "date_of_death"};
constexpr std::array<std::string_view, 18> k_plan_columns = {
    "plan_id",     "child_id",         "template",          "template_version",
    "kind",        "initial_category", "latest_category",   "start_date",
    "end_date",    "end_reason",       "lead_worker",       "team",
    "contingency", "first_review_due", "previous_cp_plans", "legacy_ref",
    "episode_id",  "conference_id"};
constexpr std::array<std::string_view, 10> k_action_columns = {
    "action_id", "plan_id",  "section", "what",           "owner",
    "agency",    "due_date", "status",  "completed_date", "cancel_reason"};
constexpr std::array<std::string_view, 9> k_review_columns = {"review_id",       "plan_id", "kind",
                                                              "review_date",     "outcome", "category",
                                                              "next_review_due", "seen",    "seen_alone"};
constexpr std::array<std::string_view, 9> k_episode_columns = {
    "episode_id", "child_id",     "referral_date",  "referral_source", "primary_need",
    "nfa",        "closure_date", "closure_reason", "made_by"};
constexpr std::array<std::string_view, 5> k_assessment_columns = {"assessment_id", "episode_id", "start_date",
                                                                  "completed_date", "factors"};
constexpr std::array<std::string_view, 5> k_enquiry_columns = {"enquiry_id", "episode_id", "start_date",
                                                               "conference_target", "end_date"};
constexpr std::array<std::string_view, 5> k_conference_columns = {"conference_id", "episode_id", "enquiry_id",
                                                                  "conference_date", "outcome"};
constexpr std::array<RecordKind, 8> k_kinds = {
    RecordKind::child,      RecordKind::episode, RecordKind::assessment, RecordKind::enquiry,
    RecordKind::conference, RecordKind::plan,    RecordKind::action,     RecordKind::review};

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::span<const RecordKind> record_kinds() {
  return k_kinds;
}

std::string_view record_name(RecordKind kind) {
  switch (kind) {
    case RecordKind::child: return "child";
    case RecordKind::plan: return "plan";
    case RecordKind::action: return "action";
    case RecordKind::review: return "review";
    case RecordKind::episode: return "episode";
    case RecordKind::assessment: return "assessment";
    case RecordKind::enquiry: return "enquiry";
    case RecordKind::conference: return "conference";
  }
  return "?";
}

model::EntityKind entity_of(RecordKind kind) {
  switch (kind) {
    case RecordKind::child: return model::EntityKind::child;
    case RecordKind::plan: return model::EntityKind::plan;
    case RecordKind::action: return model::EntityKind::action;
    case RecordKind::review: return model::EntityKind::review;
    case RecordKind::episode: return model::EntityKind::episode;
    case RecordKind::assessment: return model::EntityKind::assessment;
    case RecordKind::enquiry: return model::EntityKind::enquiry;
    case RecordKind::conference: return model::EntityKind::conference;
  }
  return model::EntityKind::child;
}

std::optional<RecordKind> record_of(model::EntityKind kind) {
  for (auto record : k_kinds)
    if (entity_of(record) == kind) return record;
  return std::nullopt;
}

std::optional<RecordKind> record_of_name(std::string_view name) {
  for (auto record : k_kinds)
    if (record_name(record) == name) return record;
  return std::nullopt;
}

std::string_view record_plural(RecordKind kind) {
  switch (kind) {
    case RecordKind::child: return "children";
    case RecordKind::plan: return "plans";
    case RecordKind::action: return "actions";
    case RecordKind::review: return "reviews";
    case RecordKind::episode: return "episodes";
    case RecordKind::assessment: return "assessments";
    case RecordKind::enquiry: return "enquiries";
    case RecordKind::conference: return "conferences";
  }
  return "?";
}

std::span<const std::string_view> bulk_columns(RecordKind kind) {
  switch (kind) {
    case RecordKind::child: return k_child_columns;
    case RecordKind::plan: return k_plan_columns;
    case RecordKind::action: return k_action_columns;
    case RecordKind::review: return k_review_columns;
    case RecordKind::episode: return k_episode_columns;
    case RecordKind::assessment: return k_assessment_columns;
    case RecordKind::enquiry: return k_enquiry_columns;
    case RecordKind::conference: return k_conference_columns;
  }
  return {};
}

std::string_view format_name(BulkFormat format) {
  switch (format) {
    case BulkFormat::csv: return "csv";
    case BulkFormat::tsv: return "tsv";
    case BulkFormat::ndjson: return "ndjson";
  }
  return "?";
}

BulkFormat parse_bulk_format(std::string_view name, std::string_view field) {
  if (name == "csv") return BulkFormat::csv;
  if (name == "tsv") return BulkFormat::tsv;
  if (name == "ndjson") return BulkFormat::ndjson;
  throw InvalidInput(std::string(field), std::string(name), "must be one of csv, tsv, ndjson");
}

std::optional<BulkFormat> bulk_format_of_name(std::string_view file_name) {
  auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos || file_name.find('/', dot) != std::string_view::npos)
    return std::nullopt;
  auto ext = lower(file_name.substr(dot + 1));
  if (ext == "csv") return BulkFormat::csv;
  if (ext == "tsv" || ext == "tab") return BulkFormat::tsv;
  if (ext == "ndjson" || ext == "jsonl") return BulkFormat::ndjson;
  return std::nullopt;
}

BulkFormat bulk_format_of_head(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  auto first = head.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && head[first] == '{') return BulkFormat::ndjson;
  if (first != std::string_view::npos && head[first] == '[')
    throw InvalidInput(
        "format", "json",
        "is not read: a JSON array cannot be imported; use ndjson (export -o ndjson, or jq -c '.[]')", 1);
  auto line_end = head.find('\n');
  if (head.substr(0, line_end).find('\t') != std::string_view::npos) return BulkFormat::tsv;
  return BulkFormat::csv;
}

BulkFormat decide_bulk_format(std::optional<BulkFormat> given, std::string_view file_name,
                              std::string_view head) {
  if (given) return *given;
  if (auto by_name = bulk_format_of_name(file_name)) return *by_name;
  return bulk_format_of_head(head);
}

}  // namespace ics::io
