#include <ics/report/definition.hpp>
#include <ics/util/error.hpp>
#include <ics/util/resources.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>

namespace ics::report {

namespace {

constexpr std::array<std::string_view, 8> k_keys = {
    "name", "title", "row", "parameters", "optional_parameters", "listed", "columns", "query"};
constexpr std::array<std::string_view, 3> k_column_keys = {"name", "type", "description"};
constexpr std::array<std::string_view, 3> k_column_types = {"text", "integer", "date"};

[[noreturn]] void fail(std::string_view source, const YAML::Mark& mark, const std::string& what) {
  int line = mark.is_null() ? 1 : mark.line + 1;
  int column = mark.is_null() ? 1 : mark.column + 1;
  throw InvalidInput(fmt::format("{}:{}:{}: {}", source, line, column, what));
}

// The 1-based line of the first line that is not valid UTF-8, or 0.
int first_bad_utf8_line(std::string_view text) {
  int line = 1;
  for (size_t start = 0; start <= text.size(); ++line) {
    size_t end = std::min(text.find('\n', start), text.size());
    if (!util::is_valid_utf8(text.substr(start, end - start))) return line;
    start = end + 1;
  }
  return 0;
}

// Lower-case letters, digits and `extra`, starting with a letter.
bool is_identifier(std::string_view text, char extra) {
  if (text.empty() || text[0] < 'a' || text[0] > 'z') return false;
  return std::all_of(text.begin(), text.end(),
                     [&](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == extra; });
}

template <size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

template <size_t N>
std::string join(const std::array<std::string_view, N>& words) {
  return fmt::format("{}", fmt::join(words, ", "));
}

// A YAML map whose keys are checked against a fixed list; values found by key with their positions.
class Fields {
 public:
  template <size_t N>
  Fields(const YAML::Node& node, std::string_view what, std::string_view source,
         const std::array<std::string_view, N>& allowed)
      : m_node(node), m_what(what), m_source(source) {
    if (!node.IsMap()) fail(source, node.Mark(), fmt::format("{} must be a map of keys", what));
    for (auto it = node.begin(); it != node.end(); ++it) {
      const YAML::Node& key = it->first;
      if (!key.IsScalar()) fail(source, key.Mark(), fmt::format("keys in {} must be text", what));
      if (!contains(allowed, key.Scalar()))
        fail(source, key.Mark(),
             fmt::format("unknown key '{}' in {} (expected {})", key.Scalar(), what, join(allowed)));
      if (find(key.Scalar()))
        fail(source, key.Mark(), fmt::format("duplicate key '{}' in {}", key.Scalar(), what));
      m_entries.push_back({key.Scalar(), key, it->second});
    }
  }

  bool has(std::string_view key) const { return find(key) != nullptr; }

  const YAML::Node& get(std::string_view key) const {
    const Entry* entry = find(key);
    if (!entry) fail(m_source, m_node.Mark(), fmt::format("missing required key '{}' in {}", key, m_what));
    return entry->value;
  }

  // Where the value of `key` is: the value itself, else its key (an empty value has no position).
  YAML::Mark mark(std::string_view key) const {
    const Entry* entry = find(key);
    if (!entry) return m_node.Mark();
    bool empty = entry->value.IsNull() || entry->value.Mark().is_null();
    return empty ? entry->key.Mark() : entry->value.Mark();
  }

  [[noreturn]] void fail_at(std::string_view key, const std::string& what) const {
    fail(m_source, mark(key), what);
  }

  std::string text(std::string_view key) const {
    const YAML::Node& value = get(key);
    if (!value.IsScalar() || value.Scalar().empty())
      fail_at(key, fmt::format("'{}' in {} must be non-empty text", key, m_what));
    return value.Scalar();
  }

 private:
  struct Entry {
    std::string name;
    YAML::Node key;
    YAML::Node value;
  };
  const Entry* find(std::string_view key) const {
    for (const auto& entry : m_entries)
      if (entry.name == key) return &entry;
    return nullptr;
  }

  YAML::Node m_node;
  std::string m_what;
  std::string_view m_source;
  std::vector<Entry> m_entries;
};

YAML::Node load(std::string_view text, std::string_view source) {
  if (int line = first_bad_utf8_line(text))
    throw InvalidInput(fmt::format("{}:{}:1: text is not valid UTF-8", source, line));
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    fail(source, e.mark, fmt::format("YAML syntax error: {}", e.msg));
  }
  if (documents.empty() || documents[0].IsNull()) fail(source, YAML::Mark(), "report definition is empty");
  if (documents.size() > 1) fail(source, documents[1].Mark(), "expected one YAML document, found more");
  return documents[0];
}

// The parameter names listed under `key`, none repeated and none in `taken`.
std::vector<std::string> read_parameters(const Fields& fields, std::string_view key, std::string_view source,
                                         const std::vector<std::string>& taken) {
  std::vector<std::string> out;
  if (!fields.has(key)) return out;
  const YAML::Node& list = fields.get(key);
  if (!list.IsSequence()) fields.fail_at(key, fmt::format("'{}' must be a list of names", key));
  for (const auto& item : list) {
    if (!item.IsScalar() || !is_identifier(item.Scalar(), '_'))
      fail(source, item.Mark(), "a parameter must be a name of lower-case letters, digits and '_'");
    const std::string& name = item.Scalar();
    if (std::find(out.begin(), out.end(), name) != out.end() ||
        std::find(taken.begin(), taken.end(), name) != taken.end())
      fail(source, item.Mark(), fmt::format("parameter '{}' is listed twice", name));
    out.push_back(name);
  }
  return out;
}

std::vector<ColumnDef> read_columns(const Fields& fields, std::string_view source) {
  const YAML::Node& list = fields.get("columns");
  if (!list.IsSequence() || list.size() == 0) fields.fail_at("columns", "'columns' must be a non-empty list");
  std::vector<ColumnDef> out;
  for (const auto& item : list) {
    Fields column(item, "column", source, k_column_keys);
    ColumnDef def{column.text("name"), column.text("type"), column.text("description")};
    if (!is_identifier(def.name, '_'))
      column.fail_at("name", fmt::format("column name '{}' must be lower-case letters, digits and '_'", def.name));
    for (const auto& other : out)
      if (other.name == def.name) column.fail_at("name", fmt::format("column '{}' is listed twice", def.name));
    if (!contains(k_column_types, def.type))
      column.fail_at("type", fmt::format("column type '{}' is not one of {}", def.type, join(k_column_types)));
    out.push_back(std::move(def));
  }
  return out;
}

std::vector<Definition> load_builtins() {
  std::vector<Definition> out;
  for (const auto& r : util::resources_under("reports/")) {
    if (!r.path.ends_with(".yaml")) continue;
    Definition def = parse_definition(r.text, r.path);
    auto stem = r.path.substr(8, r.path.size() - 8 - 5);
    if (def.name != stem)
      throw InvalidInput(fmt::format("{}:1:1: report name '{}' does not match the file name", r.path, def.name));
    out.push_back(std::move(def));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

const std::vector<Definition>& builtins() {
  static const std::vector<Definition> k_builtins = load_builtins();
  return k_builtins;
}

}  // namespace

Definition parse_definition(std::string_view yaml_text, std::string_view source) {
  YAML::Node root = load(yaml_text, source);
  Fields fields(root, "report definition", source, k_keys);
  Definition def;
  def.source = std::string(source);
  def.name = fields.text("name");
  if (!is_identifier(def.name, '-'))
    fields.fail_at("name", fmt::format("report name '{}' must be lower-case letters, digits and '-'", def.name));
  def.title = fields.text("title");
  def.row = fields.text("row");
  fields.get("parameters");
  def.parameters = read_parameters(fields, "parameters", source, {});
  if (std::find(def.parameters.begin(), def.parameters.end(), "as_of") == def.parameters.end())
    fields.fail_at("parameters", "'parameters' must include as_of");
  def.optional_parameters = read_parameters(fields, "optional_parameters", source, def.parameters);
  if (fields.has("listed")) {
    const YAML::Node& listed = fields.get("listed");
    if (!listed.IsScalar() || !YAML::convert<bool>::decode(listed, def.listed))
      fields.fail_at("listed", "'listed' must be true or false");
  }
  def.columns = read_columns(fields, source);
  def.query = fields.text("query");
  return def;
}

std::vector<Definition> builtin_definitions() { return builtins(); }

const Definition& find_definition(std::string_view name) {
  for (const auto& def : builtins())
    if (def.name == name) return def;
  throw NotFound(fmt::format("no report '{}'", name));
}

}  // namespace ics::report
