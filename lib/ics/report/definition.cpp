#include <ics/report/definition.hpp>
#include <ics/util/error.hpp>
#include <ics/util/resources.hpp>
#include <ics/util/spellcheck.hpp>
#include <ics/util/yaml_read.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <optional>

namespace ics::report {

namespace {

namespace yaml = util::yaml;

constexpr std::array<std::string_view, 3> k_column_types = {"text", "integer", "date"};

// Lower-case letters, digits and `extra`, starting with a letter.
bool is_identifier(std::string_view text, char extra) {
  if (text.empty() || text[0] < 'a' || text[0] > 'z') return false;
  return std::all_of(text.begin(), text.end(),
                     [&](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == extra; });
}

// The parameter names listed under `key`, none repeated and none in `taken`.
std::vector<std::string> read_parameters(const yaml::Map& fields, std::string_view key,
                                         const std::vector<std::string>& taken) {
  std::vector<std::string> out;
  if (!fields.has(key)) return out;
  for (const auto& item : fields.list(key)) {
    if (!item.IsScalar() || !is_identifier(item.Scalar(), '_'))
      yaml::fail(fields.source(), item.Mark(),
                 "a parameter must be a name of lower-case letters, digits and '_'");
    const std::string& name = item.Scalar();
    if (name == "known_at" && key == "parameters")
      yaml::fail(fields.source(), item.Mark(),
                 "known_at is bound for every report (runner.hpp): it is not a required parameter");
    if (std::find(out.begin(), out.end(), name) != out.end() ||
        std::find(taken.begin(), taken.end(), name) != taken.end())
      yaml::fail(fields.source(), item.Mark(), fmt::format("parameter '{}' is listed twice", name));
    out.push_back(name);
  }
  return out;
}

std::vector<ColumnDef> read_columns(const yaml::Map& fields) {
  const YAML::Node& list = fields.list("columns");
  if (list.size() == 0) fields.fail("columns", "'columns' must be a non-empty list");
  std::vector<ColumnDef> out;
  for (const auto& item : list) {
    yaml::Map column(item, "column", fields.source(), {"name", "type", "description", "header", "codes"});
    ColumnDef def{column.text("name"), column.text("type"), column.text("description"),
                  column.has("header") ? column.text("header") : "",
                  column.has("codes") ? column.text("codes") : ""};
    if (!is_identifier(def.name, '_'))
      column.fail("name",
                  fmt::format("column name '{}' must be lower-case letters, digits and '_'", def.name));
    for (const auto& other : out)
      if (other.name == def.name) column.fail("name", fmt::format("column '{}' is listed twice", def.name));
    if (std::find(k_column_types.begin(), k_column_types.end(), def.type) == k_column_types.end())
      column.fail("type", fmt::format("column type '{}' is not one of {}", def.type,
                                      fmt::join(k_column_types, ", ")));
    out.push_back(std::move(def));
  }
  return out;
}

// The thresholds listed under `thresholds`: each a name, not taken by a parameter, a whole-number
// default >= 0 and a description.
std::vector<Threshold> read_thresholds(const yaml::Map& fields, const Definition& def) {
  std::vector<Threshold> out;
  if (!fields.has("thresholds")) return out;
  for (const auto& item : fields.list("thresholds")) {
    yaml::Map entry(item, "threshold", fields.source(), {"name", "default", "description"});
    Threshold t{entry.text("name"), 0, entry.text("description")};
    if (!is_identifier(t.name, '_'))
      entry.fail("name",
                 fmt::format("threshold name '{}' must be lower-case letters, digits and '_'", t.name));
    auto taken = [&](const std::vector<std::string>& names) {
      return std::find(names.begin(), names.end(), t.name) != names.end();
    };
    if (taken(def.parameters) || taken(def.optional_parameters) || t.name == "known_at" ||
        std::any_of(out.begin(), out.end(), [&](const Threshold& o) { return o.name == t.name; }))
      entry.fail("name", fmt::format("'{}' is listed twice among the parameters and thresholds", t.name));
    auto value = parse_threshold(entry.text("default"));
    if (!value) entry.fail("default", "a threshold's default must be a whole number >= 0");
    t.value = *value;
    out.push_back(std::move(t));
  }
  return out;
}

// Whether `query` reads the parameter `name` (":name" not followed by more of a name).
bool uses_parameter(std::string_view query, std::string_view name) {
  auto word = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; };
  for (auto at = query.find(':'); at != std::string_view::npos; at = query.find(':', at + 1)) {
    auto rest = query.substr(at + 1);
    if (rest.starts_with(name) && (rest.size() == name.size() || !word(rest[name.size()]))) return true;
  }
  return false;
}

// The filters listed under `filters`: each a name of the vocabulary (filters.hpp), or a map with
// its name and, for a text filter, the only values it takes; not listed twice, not a parameter's
// or a threshold's name, and read by the query.
std::vector<Filter> read_filters(const yaml::Map& fields, const Definition& def) {
  std::vector<Filter> out;
  if (!fields.has("filters")) return out;
  for (const auto& item : fields.list("filters")) {
    Filter f;
    YAML::Mark mark = item.Mark();
    if (item.IsScalar()) {
      f.name = item.Scalar();
    } else {
      yaml::Map entry(item, "filter", fields.source(), {"name", "values"});
      f.name = entry.text("name");
      mark = entry.mark("name");
      for (const auto& value : entry.list("values")) {
        if (!value.IsScalar() || value.Scalar().empty())
          yaml::fail(fields.source(), value.Mark(), "a filter's value must be text");
        f.values.push_back(value.Scalar());
      }
      if (f.values.empty()) entry.fail("values", "'values' must list the values the filter takes");
      const FilterSpec* spec = find_filter_spec(f.name);
      if (spec && spec->value != FilterValue::text)
        entry.fail("values",
                   fmt::format("filter '{}' takes the values of its own kind: it has no 'values'", f.name));
    }
    const FilterSpec* spec = find_filter_spec(f.name);
    if (!spec) {
      std::vector<std::string_view> names;
      for (const auto& s : filter_specs()) names.push_back(s.name);
      yaml::fail(fields.source(), mark,
                 fmt::format("unknown filter '{}' (the filters are {})", f.name, fmt::join(names, ", ")));
    }
    auto taken = [&](const std::vector<std::string>& names) {
      return std::find(names.begin(), names.end(), f.name) != names.end();
    };
    if (taken(def.parameters) || taken(def.optional_parameters) ||
        std::any_of(def.thresholds.begin(), def.thresholds.end(),
                    [&](const auto& t) { return t.name == f.name; }) ||
        std::any_of(out.begin(), out.end(), [&](const Filter& o) { return o.name == f.name; }))
      yaml::fail(fields.source(), mark,
                 fmt::format("'{}' is listed twice among the parameters, thresholds and filters", f.name));
    if (!uses_parameter(def.query, f.name))
      yaml::fail(fields.source(), mark,
                 fmt::format("filter '{}' is not read by the query (:{})", f.name, f.name));
    out.push_back(std::move(f));
  }
  return out;
}

// A definition embedded as reports/NAME.yaml, whose name must be NAME.
Definition parse_builtin(const util::Resource& r) {
  Definition def = parse_definition(r.text, r.path);
  auto stem = r.path.substr(8, r.path.size() - 8 - 5);
  if (def.name != stem)
    throw InvalidInput(
        fmt::format("{}:1:1: report name '{}' does not match the file name", r.path, def.name));
  return def;
}

std::vector<Definition> load_builtins() {
  std::vector<Definition> out;
  for (const auto& r : util::resources_under("reports/"))
    if (r.path.ends_with(".yaml")) out.push_back(parse_builtin(r));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

}  // namespace

std::optional<std::int64_t> parse_threshold(std::string_view text) {
  if (text.empty() || text.size() > 9 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoll(std::string(text));
}

Definition parse_definition(std::string_view yaml_text, std::string_view source) {
  yaml::Map fields(yaml::load_map(yaml_text, source, "report definition"), "report definition", source,
                   {"name", "title", "row", "parameters", "optional_parameters", "thresholds", "filters",
                    "listed", "columns", "query"});
  Definition def;
  def.source = std::string(source);
  def.name = fields.text("name");
  if (!is_identifier(def.name, '-'))
    fields.fail("name", fmt::format("report name '{}' must be lower-case letters, digits and '-'", def.name));
  def.title = fields.text("title");
  def.row = fields.text("row");
  fields.get("parameters");
  def.parameters = read_parameters(fields, "parameters", {});
  if (std::find(def.parameters.begin(), def.parameters.end(), "as_of") == def.parameters.end())
    fields.fail("parameters", "'parameters' must include as_of");
  def.optional_parameters = read_parameters(fields, "optional_parameters", def.parameters);
  def.thresholds = read_thresholds(fields, def);
  if (fields.has("listed")) {
    const YAML::Node& listed = fields.get("listed");
    if (!listed.IsScalar() || !YAML::convert<bool>::decode(listed, def.listed))
      fields.fail("listed", "'listed' must be true or false");
  }
  def.columns = read_columns(fields);
  def.query = fields.text("query");
  def.filters = read_filters(fields, def);
  return def;
}

const Filter* find_filter(const Definition& def, std::string_view name) {
  for (const auto& f : def.filters)
    if (f.name == name) return &f;
  return nullptr;
}

std::vector<Definition> builtin_definitions() {
  static const std::vector<Definition> k_builtins = load_builtins();
  return k_builtins;
}

namespace {
// The names `report --list` lists, for a name misspelt.
std::vector<std::string> listed_names() {
  std::vector<std::string> names;
  for (const auto& def : builtin_definitions())
    if (def.listed) names.push_back(def.name);
  return names;
}
}  // namespace

// Parses only the definition asked for, once: a report command runs one report, and reading all
// of them with yaml-cpp took 3 ms of every run.
const Definition& find_definition(std::string_view name) {
  static std::mutex mutex;
  static std::map<std::string, Definition, std::less<>> parsed;  // nodes stay put: references live on
  std::lock_guard lock(mutex);
  if (auto it = parsed.find(name); it != parsed.end()) return it->second;
  auto path = fmt::format("reports/{}.yaml", name);
  auto text = util::resource(path);
  if (!text) throw NotFound(fmt::format("no report '{}'{}", name, util::did_you_mean(name, listed_names())));
  return parsed.emplace(std::string(name), parse_builtin({path, *text})).first->second;
}

}  // namespace ics::report
