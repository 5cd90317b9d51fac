#include <ics/report/user_reports.hpp>
#include <ics/store/read_only_query.hpp>
#include <ics/util/error.hpp>
#include <ics/util/file.hpp>
#include <ics/util/resources.hpp>
#include <ics/util/yaml_read.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace ics::report {

namespace {

namespace fs = std::filesystem;
namespace yaml = util::yaml;

// The required parameters `icsctl report` can give: --as-of, CHILD and --year.
constexpr std::array<std::string_view, 3> k_given_parameters = {"as_of", "child", "year"};

// The position of byte `offset` of `text`.
YAML::Mark mark_at(std::string_view text, std::size_t offset) {
  YAML::Mark mark;
  mark.pos = static_cast<int>(offset);
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++mark.line;
      line_start = i + 1;
    }
  mark.column = static_cast<int>(offset - line_start);
  return mark;
}

// Where byte `offset` of the query is in the file: each of the query's lines is looked for in the
// file from the query's own position on (a literal block, `query: |`, holds them as they are);
// where one is not found (a quoted or folded query), the query's own position.
YAML::Mark mark_in_file(std::string_view file, const YAML::Mark& query, std::string_view sql,
                        std::size_t offset) {
  std::size_t from = query.pos < 0 ? 0 : static_cast<std::size_t>(query.pos);
  for (std::size_t start = 0; start <= sql.size();) {
    std::size_t end = std::min(sql.find('\n', start), sql.size());
    std::string_view line = sql.substr(start, end - start);
    std::size_t found = line.empty() ? from : file.find(line, from);
    if (found == std::string_view::npos) break;
    if (offset >= start && offset <= end) return mark_at(file, found + (offset - start));
    from = found + line.size();
    start = end + 1;
  }
  return query;
}

// The offset of the parameter `:name` in `sql` (0 when not found).
std::size_t parameter_offset(std::string_view sql, const std::string& name) {
  std::string word = ":" + name;
  for (std::size_t at = sql.find(word); at != std::string_view::npos; at = sql.find(word, at + 1)) {
    std::size_t after = at + word.size();
    if (after == sql.size() || !(std::isalnum(static_cast<unsigned char>(sql[after])) || sql[after] == '_'))
      return at;
  }
  return 0;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

struct Parsed {
  std::string text;
  Definition def;
  YAML::Node node;  // the document, for the marks of its keys
};

Parsed read(const fs::path& path) {
  std::string source = path.string();
  Parsed p{util::read_file(path), {}, {}};
  p.def = parse_definition(p.text, source);
  p.node = yaml::load_map(p.text, source, "report definition");
  const YAML::Node& node = p.node;
  const Definition& def = p.def;
  if (path.extension() != ".yaml" || def.name != path.stem().string())
    yaml::fail(source, node["name"].Mark(),
               fmt::format("report name '{}' does not match the file name '{}': `icsctl report NAME` reads "
                           "NAME.yaml",
                           def.name, path.filename().string()));
  if (is_builtin(def.name))
    yaml::fail(source, node["name"].Mark(),
               fmt::format("'{}' is the name of a shipped report: give yours another name (shipped names are "
                           "reserved)",
                           def.name));
  for (const auto& name : def.parameters)
    if (std::find(k_given_parameters.begin(), k_given_parameters.end(), name) == k_given_parameters.end())
      yaml::fail(source, node["parameters"].Mark(),
                 fmt::format("'icsctl report' cannot give the parameter '{}': a required parameter is one of "
                             "{}; list others under optional_parameters (bound as null)",
                             name, fmt::join(k_given_parameters, ", ")));
  return p;
}

}  // namespace

bool is_builtin(std::string_view name) {
  return util::resource(fmt::format("reports/{}.yaml", name)).has_value();
}

std::vector<fs::path> user_report_files(const fs::path& dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error))
    throw NotFound(fmt::format("no reports folder '{}' (--reports, ICSCTL_REPORTS)", dir.string()));
  std::vector<fs::path> out;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    const fs::path& path = it->path();
    std::error_code type_error;
    if (path.extension() == ".yaml" && !path.filename().string().starts_with(".") &&
        fs::is_regular_file(path, type_error))
      out.push_back(path);
  }
  if (error) throw Error(fmt::format("cannot list '{}': {}", dir.string(), error.message()));
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<fs::path> find_user_report(const fs::path& dir, std::string_view name) {
  if (!yaml::is_code(name)) return std::nullopt;
  fs::path path = dir / fmt::format("{}.yaml", name);
  std::error_code error;
  if (!fs::is_regular_file(path, error)) return std::nullopt;
  return path;
}

Definition read_user_definition(const fs::path& path) {
  return read(path).def;
}

Definition check_user_definition(const fs::path& path, store::Database* db) {
  Parsed p = read(path);
  const Definition& def = p.def;
  const YAML::Node& node = p.node;
  std::string source = path.string();
  const YAML::Mark query = node["query"].Mark();
  store::QueryShape shape;
  try {
    shape = db ? store::check_read_only_query(*db, def.query) : store::check_read_only_query(def.query);
  } catch (const store::QueryRefused& e) {
    yaml::fail(source, mark_in_file(p.text, query, def.query, e.offset()), e.what());
  }
  std::vector<std::string> declared;
  for (const auto& c : def.columns) declared.push_back(c.name);
  if (shape.columns != declared)
    yaml::fail(source, node["columns"].Mark(),
               fmt::format("the query returns the columns ({}), not those declared ({})",
                           fmt::join(shape.columns, ", "), fmt::join(declared, ", ")));
  for (const auto& name : shape.parameters) {
    bool known =
        name == "known_at" || contains(def.parameters, name) || contains(def.optional_parameters, name) ||
        std::any_of(def.thresholds.begin(), def.thresholds.end(), [&](auto& t) { return t.name == name; }) ||
        std::any_of(def.filters.begin(), def.filters.end(), [&](auto& f) { return f.name == name; });
    if (!known)
      yaml::fail(source, mark_in_file(p.text, query, def.query, parameter_offset(def.query, name)),
                 fmt::format("the query uses ':{}', which is none of its parameters, optional_parameters, "
                             "thresholds or filters (nor known_at)",
                             name));
  }
  return def;
}

}  // namespace ics::report
