#include "filters.hpp"

#include "args.hpp"

#include <ics/store/records.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

namespace icsctl {

namespace {

std::string_view value_name(ics::report::FilterValue value) {
  switch (value) {
    case ics::report::FilterValue::agency: return "CODE";
    case ics::report::FilterValue::category: return "CODE";
    case ics::report::FilterValue::child: return "CHILD";
    case ics::report::FilterValue::date: return "DATE";
    case ics::report::FilterValue::text: break;
  }
  return "TEXT";
}

}  // namespace

void add_filter_options(CLI::App& app, FilterOptions& options) {
  for (const auto& spec : ics::report::filter_specs()) {
    auto& value = options.given[std::string(spec.name)];
    app.add_option(std::string(spec.option), value, std::string(spec.meaning))
        ->type_name(std::string(value_name(spec.value)))
        ->group("Filters (icsctl help filters)");
  }
}

void check_filters(const ics::report::Definition& def, const FilterOptions& options,
                   std::string_view command) {
  for (const auto& spec : ics::report::filter_specs()) {
    auto given = options.given.find(spec.name);
    if (given == options.given.end() || given->second.empty() || ics::report::find_filter(def, spec.name))
      continue;
    auto accepted = filter_options_of(def);
    throw CLI::ValidationError(
        std::string(spec.option),
        fmt::format("{} takes no {}: {}", command, spec.option,
                    accepted.empty() ? "it takes no filters" : "its filters are " + accepted));
  }
}

void add_filter_params(const Session& s, ics::store::Database& db, const ics::report::Definition& def,
                       const FilterOptions& options, std::string_view command, ics::store::Params& params) {
  check_filters(def, options, command);
  for (const auto& spec : ics::report::filter_specs()) {
    auto given = options.given.find(spec.name);
    if (given == options.given.end() || given->second.empty()) continue;
    const auto* filter = ics::report::find_filter(def, spec.name);
    auto field = std::string(spec.option.substr(2));
    const std::string& text = given->second;
    switch (spec.value) {
      case ics::report::FilterValue::child: params[filter->name] = ics::store::resolve_child(db, text); break;
      case ics::report::FilterValue::date:
        params[filter->name] = optional_date(s, text, field.c_str())->iso();
        break;
      default: params[filter->name] = ics::report::filter_text_value(*filter, text);
    }
  }
}

std::string filter_options_of(const ics::report::Definition& def) {
  std::string out;
  for (const auto& spec : ics::report::filter_specs())
    if (const auto* filter = ics::report::find_filter(def, spec.name))
      out += fmt::format("{}{}{}{}", out.empty() ? "" : " ", spec.option, filter->values.empty() ? "" : "=",
                         fmt::join(filter->values, "|"));
  return out;
}

}  // namespace icsctl
