#include <ics/plan/sources.hpp>
#include <ics/plan/template.hpp>
#include <ics/plan/template_parse.hpp>
#include <ics/util/error.hpp>
#include <ics/util/spellcheck.hpp>

#include <fmt/format.h>
#include <array>

namespace ics::plan {

namespace {
constexpr std::array<std::string_view, 4> k_unit_names = {"working_days", "days", "weeks", "months"};
}  // namespace

std::string_view unit_name(Unit unit) {
  return k_unit_names.at(static_cast<size_t>(unit));
}

std::optional<Unit> parse_unit(std::string_view name) {
  for (size_t i = 0; i < k_unit_names.size(); ++i)
    if (k_unit_names[i] == name) return static_cast<Unit>(i);
  return std::nullopt;
}

util::Date apply(util::Date from, Interval interval, const util::Calendar& calendar) {
  switch (interval.unit) {
    case Unit::working_days: return calendar.add_working_days(from, interval.amount);
    case Unit::days: return from.plus_days(interval.amount);
    case Unit::weeks: return from.plus_days(7L * interval.amount);
    case Unit::months: return from.plus_months(interval.amount);
  }
  return from;
}

TemplateLibrary::TemplateLibrary(std::vector<std::filesystem::path> dirs) : m_dirs(std::move(dirs)) {}

std::vector<Template> TemplateLibrary::list() const {
  std::vector<Template> out;
  for (const auto& found : all_sources("plans", m_dirs))
    out.push_back(parse_template_file(found.text, found.source, found.name));
  return out;
}

Template TemplateLibrary::find(std::string_view name) const {
  auto found = find_source("plans", name, m_dirs);
  if (!found) {
    std::vector<std::string> names;
    for (const auto& source : all_sources("plans", m_dirs)) names.push_back(source.name);
    throw NotFound(fmt::format("no template '{}'{}", name, util::did_you_mean(name, names)));
  }
  return parse_template_file(found->text, found->source, found->name);
}

}  // namespace ics::plan
