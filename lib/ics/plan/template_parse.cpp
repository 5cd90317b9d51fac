#include <ics/model/code_lists.hpp>
#include <ics/model/codes.hpp>
#include <ics/plan/template_parse.hpp>
#include <ics/util/sha256.hpp>
#include <ics/util/yaml_read.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>

namespace ics::plan {

namespace yaml = util::yaml;

namespace {

constexpr int k_max_amount = 1000;

// {<amount_key>: N, unit: U} under `key` of `parent`.
Interval read_interval(const yaml::Map& parent, std::string_view key, std::string_view amount_key) {
  yaml::Map map(parent.get(key), fmt::format("'{}'", key), parent.source(), {amount_key, "unit"});
  Interval interval;
  interval.amount = map.positive_int(amount_key, k_max_amount);
  std::string unit = map.text("unit");
  auto parsed = parse_unit(unit);
  if (!parsed) map.refuse("unit", "must be one of working_days, days, weeks, months");
  interval.unit = *parsed;
  return interval;
}

std::optional<Interval> optional_interval(const yaml::Map& parent, std::string_view key,
                                          std::string_view amount_key) {
  if (!parent.has(key)) return std::nullopt;
  return read_interval(parent, key, amount_key);
}

std::vector<std::string> read_categories(const yaml::Map& top) {
  auto codes = model::category_codes();
  std::string accepted;
  for (auto code : codes) accepted += (accepted.empty() ? "" : ", ") + std::string(code);
  std::vector<std::string> out;
  for (const auto& node : top.list("categories")) {
    std::string_view source = top.source();
    if (!node.IsScalar())
      yaml::fail(source, node.Mark(),
                 fmt::format("'categories' must be a list of codes, not {}", yaml::describe(node)));
    const std::string& code = node.Scalar();
    if (std::find(codes.begin(), codes.end(), code) == codes.end())
      yaml::fail(source, node.Mark(),
                 fmt::format("'categories' must be among {}: {}", accepted, yaml::describe(node)));
    if (std::find(out.begin(), out.end(), code) != out.end())
      yaml::fail(source, node.Mark(),
                 fmt::format("'categories' lists a category twice: {}", yaml::describe(node)));
    out.push_back(code);
  }
  return out;
}

void read_timescales(const yaml::Map& top, Template& t) {
  if (!top.has("timescales")) return;
  yaml::Map map(top.get("timescales"), "'timescales'", top.source(),
                {"core_group", "first_review", "review_interval", "visit_interval"});
  t.core_group = optional_interval(map, "core_group", "within");
  t.first_review = optional_interval(map, "first_review", "within");
  t.review_interval = optional_interval(map, "review_interval", "every");
  t.visit_interval = optional_interval(map, "visit_interval", "every");
}

TemplateAction read_action(const YAML::Node& node, std::string_view source) {
  yaml::Map map(node, "action", source, {"what", "agency", "owner", "due"});
  TemplateAction action;
  action.what = map.text("what");
  action.agency = map.code("agency");
  if (const auto& agencies = model::code_list("agency"); !agencies.contains(action.agency))
    map.refuse("agency", fmt::format("must be an agency of schemas/codes/agency.yaml ({})",
                                     fmt::join(agencies.values(), ", ")));
  action.owner = map.optional_text("owner").value_or("");
  action.due = read_interval(map, "due", "within");
  return action;
}

std::vector<Section> read_sections(const yaml::Map& top) {
  const YAML::Node& list = top.list("sections");
  if (list.size() == 0) top.fail("sections", "'sections' must list at least one section");
  std::vector<Section> out;
  for (const auto& node : list) {
    yaml::Map map(node, "section", top.source(), {"key", "title", "actions"});
    Section section;
    section.key = map.code("key");
    for (const auto& other : out)
      if (other.key == section.key) map.refuse("key", "must be unique among the sections");
    section.title = map.text("title");
    if (map.has("actions"))
      for (const auto& action : map.list("actions"))
        section.actions.push_back(read_action(action, top.source()));
    out.push_back(std::move(section));
  }
  return out;
}

}  // namespace

Template parse_template_file(std::string_view text, std::string_view source, std::string_view file_name) {
  yaml::Map top(yaml::load_map(text, source, "template"), "template", source,
                {"name", "version", "title", "kind", "categories", "timescales", "calendar", "sections"});
  Template t;
  t.name = top.code("name");
  if (!file_name.empty() && t.name != file_name)
    top.refuse("name", fmt::format("must match the file name '{}'", file_name));
  t.version = top.positive_int("version");
  t.title = top.text("title");
  t.kind = top.code("kind");
  if (top.has("categories")) t.categories = read_categories(top);
  read_timescales(top, t);
  if (top.has("calendar")) t.calendar = top.code("calendar");
  t.sections = read_sections(top);
  t.text = std::string(text);
  t.hash = util::sha256_hex(text);
  t.source = std::string(source);
  return t;
}

Template parse_template(std::string_view text, std::string_view source) {
  return parse_template_file(text, source, {});
}

}  // namespace ics::plan
