#include <ics/model/code_lists.hpp>
#include <ics/model/codes.hpp>
#include <ics/report/filters.hpp>
#include <ics/util/error.hpp>
#include <ics/util/text.hpp>

#include <algorithm>
#include <array>

namespace ics::report {

namespace {

constexpr std::array<FilterSpec, 12> k_filters = {{
    {"agency", "--agency", FilterValue::agency,
     "only the actions of this agency (a code of schemas/codes/agency.yaml)"},
    {"owner", "--owner", FilterValue::text, "only the actions this person owns (as recorded, exactly)"},
    {"worker", "--worker", FilterValue::text, "only the plans of this lead worker (as recorded, exactly)"},
    {"team", "--team", FilterValue::text, "only the plans of this team (as recorded, exactly)"},
    {"child", "--child", FilterValue::child, "only this child's rows (C12, nhs:..., upn:..., ref:...)"},
    {"category", "--category", FilterValue::category,
     "only the plans of this category of abuse (NEG, PHY, SAB, EMO, MUL)"},
    {"kind", "--kind", FilterValue::text, "only rows of this kind (a plan's kind; an event's, an import's)"},
    {"status", "--status", FilterValue::text, "only rows in this status (see icsctl help filters)"},
    {"due_before", "--due-before", FilterValue::date, "only rows due before this date"},
    {"due_after", "--due-after", FilterValue::date, "only rows due after this date"},
    {"since", "--since", FilterValue::date,
     "only rows dated on or after this date (see icsctl help filters)"},
    {"until", "--until", FilterValue::date, "only rows dated on or before this date"},
}};

}  // namespace

std::span<const FilterSpec> filter_specs() {
  return k_filters;
}

const FilterSpec* find_filter_spec(std::string_view name) {
  auto at = std::find_if(k_filters.begin(), k_filters.end(), [&](const auto& f) { return f.name == name; });
  return at == k_filters.end() ? nullptr : &*at;
}

util::Value filter_text_value(const Filter& filter, std::string_view value) {
  const FilterSpec* spec = find_filter_spec(filter.name);
  auto field = spec ? spec->option.substr(2) : std::string_view(filter.name);
  if (util::trim(value).empty())
    throw InvalidInput(std::string(field), std::string(value), "must not be blank");
  if (spec && spec->value == FilterValue::agency) return model::require_listed(value, "agency", field);
  if (spec && spec->value == FilterValue::category)
    return model::require_code(value, model::category_codes(), field);
  if (filter.values.empty()) return std::string(value);
  std::vector<std::string_view> values(filter.values.begin(), filter.values.end());
  return model::require_code(value, values, field);
}

}  // namespace ics::report
