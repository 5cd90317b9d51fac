#include <ics/io/mapping.hpp>
#include <ics/model/codes.hpp>
#include <ics/util/text.hpp>
#include <ics/util/yaml_read.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <span>

namespace ics::io {

namespace yaml = util::yaml;

namespace {

// ASCII letters only: values are compared as value_key() says.
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr std::array<std::string_view, k_register_field_count> k_field_names = {
    "ref", "child_ref", "family_name", "given_names", "date_of_birth", "sex",         "nhs_number",
    "upn", "category",  "start_date",  "end_date",    "end_reason",    "lead_worker", "team"};
constexpr std::array<RegisterField, 4> k_required = {RegisterField::ref, RegisterField::family_name,
                                                     RegisterField::start_date, RegisterField::category};
constexpr std::array<RegisterField, 3> k_coded = {RegisterField::category, RegisterField::sex,
                                                  RegisterField::end_reason};

std::span<const std::string_view> codes_of(RegisterField field) {
  switch (field) {
    case RegisterField::category: return model::category_codes();
    case RegisterField::sex: return model::sex_codes();
    default: return model::end_reason_codes();
  }
}

// Refuses a format that is not made of %d %-d %e %m %-m %b %B %Y %y %% and literals, or lacks a day, a
// month or a year.
void check_date_format(const YAML::Node& node, std::string_view source) {
  if (!node.IsScalar() || node.Scalar().empty())
    yaml::fail(source, node.Mark(), fmt::format("a date format must be text, not {}", yaml::describe(node)));
  const std::string& format = node.Scalar();
  bool day = false, month = false, year = false;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    char d = i + 1 < format.size() ? format[++i] : '\0';
    if (d == '-' && i + 1 < format.size() && (format[i + 1] == 'd' || format[i + 1] == 'm')) d = format[++i];
    switch (d) {
      case 'd':
      case 'e': day = true; break;
      case 'm':
      case 'b':
      case 'B': month = true; break;
      case 'Y':
      case 'y': year = true; break;
      case '%': break;
      default:
        yaml::fail(source, node.Mark(),
                   fmt::format("date format '{}' uses '%{}' (known: %d %-d %e %m %-m %b %B %Y %y %%)", format,
                               d == '\0' ? std::string() : std::string(1, d)));
    }
  }
  if (!day || !month || !year)
    yaml::fail(source, node.Mark(), fmt::format("date format '{}' needs a day, a month and a year", format));
}

std::vector<util::DateFormat> read_date_formats(const yaml::Map& map) {
  if (!map.has("date_formats")) return {util::DateFormat("%Y-%m-%d")};
  const YAML::Node& list = map.list("date_formats");
  if (list.size() == 0) map.fail("date_formats", "'date_formats' must list at least one format");
  std::vector<util::DateFormat> out;
  for (const auto& item : list) {
    check_date_format(item, map.source());
    out.emplace_back(item.Scalar());
  }
  return out;
}

// The source value -> code map of one field, keyed by value_key().
ValueMap read_value_map(const yaml::Map& values, RegisterField field) {
  auto name = field_name(field);
  const YAML::Node& map = values.get(name);
  if (!map.IsMap()) values.refuse(name, "must be a map of source value: code");
  auto codes = codes_of(field);
  ValueMap out;
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node key = it->first;  // copies: see yaml::Map::Map on `it->`
    const YAML::Node code = it->second;
    if (!key.IsScalar())
      yaml::fail(values.source(), key.Mark(),
                 fmt::format("a source value in '{}' must be text (write \"\" for blank)", name));
    if (!code.IsScalar() || std::find(codes.begin(), codes.end(), code.Scalar()) == codes.end())
      yaml::fail(values.source(), code.Mark().is_null() ? key.Mark() : code.Mark(),
                 fmt::format("'{}' maps to {}, which is not one of {}", key.Scalar(), yaml::describe(code),
                             fmt::join(codes, ", ")));
    auto [existing, fresh] = out.emplace(value_key(key.Scalar()), code.Scalar());
    if (!fresh && existing->second != code.Scalar())
      yaml::fail(values.source(), key.Mark(),
                 fmt::format("'{}' maps to {} but an earlier spelling of it maps to {} (values are compared "
                             "trimmed and ignoring case)",
                             key.Scalar(), code.Scalar(), existing->second));
  }
  return out;
}

}  // namespace

std::string_view field_name(RegisterField field) {
  return k_field_names[static_cast<std::size_t>(field)];
}

std::string value_key(std::string_view value) {
  std::string key(util::trim(value));
  std::transform(key.begin(), key.end(), key.begin(), lower);
  return key;
}

std::optional<std::string_view> Mapping::map_value(RegisterField field, std::string_view value) const {
  const auto& values = m_values[static_cast<std::size_t>(field)];
  // value_key() into a buffer on the stack (source values are short), else into a string
  std::array<char, 64> buffer;
  std::string long_key;
  auto trimmed = util::trim(value);
  std::string_view key;
  if (trimmed.size() <= buffer.size()) {
    std::transform(trimmed.begin(), trimmed.end(), buffer.begin(), lower);
    key = std::string_view(buffer.data(), trimmed.size());
  } else {
    key = long_key = value_key(trimmed);
  }
  if (auto it = values.find(key); it != values.end()) return it->second;
  return std::nullopt;
}

std::optional<util::Date> Mapping::parse_date(std::string_view text) const {
  auto trimmed = util::trim(text);
  if (trimmed.empty()) return std::nullopt;
  for (const auto& format : date_formats)
    if (auto date = format.parse(trimmed)) return date;
  return std::nullopt;
}

bool Mapping::is_unborn_marker(std::string_view given_names) const {
  auto a = util::trim(given_names), b = util::trim(unborn_marker);
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return lower(x) == lower(y); });
}

Mapping parse_mapping(std::string_view text, std::string_view source) {
  YAML::Node root = yaml::load_map(text, source, "mapping");
  yaml::Map top(root, "mapping", source, {"encoding", "date_formats", "unborn_marker", "columns", "values"});
  Mapping mapping;
  mapping.text = std::string(text);
  mapping.source = std::string(source);
  if (top.has("encoding")) {
    auto encoding = util::parse_encoding(top.text("encoding"));
    if (!encoding) top.refuse("encoding", "must be utf-8 or windows-1252");
    mapping.encoding = *encoding;
  }
  mapping.date_formats = read_date_formats(top);
  if (top.has("unborn_marker")) mapping.unborn_marker = std::string(util::trim(top.text("unborn_marker")));

  yaml::Map columns(top.get("columns"), "'columns'", source,
                    {"ref", "child_ref", "family_name", "given_names", "date_of_birth", "sex", "nhs_number",
                     "upn", "category", "start_date", "end_date", "end_reason", "lead_worker", "team"});
  for (std::size_t i = 0; i < k_register_field_count; ++i) {
    auto name = k_field_names[i];
    if (!columns.has(name)) continue;
    YAML::Mark mark = columns.mark(name);
    mapping.m_columns[i] =
        SourceColumn{std::string(util::trim(columns.text(name))), mark.line + 1, mark.column + 1};
  }
  for (auto field : k_required)
    if (!mapping.column(field))
      top.fail("columns", fmt::format("'columns' must name the source column of '{}' (required: ref, "
                                      "family_name, start_date, category)",
                                      field_name(field)));
  if (top.has("values")) {
    yaml::Map values(top.get("values"), "'values'", source, {"category", "sex", "end_reason"});
    for (auto field : k_coded) {
      if (!values.has(field_name(field))) continue;
      if (!mapping.column(field))
        values.fail(field_name(field), fmt::format("values are given for '{}' but 'columns' names no source "
                                                   "column for it",
                                                   field_name(field)));
      mapping.m_values[static_cast<std::size_t>(field)] = read_value_map(values, field);
    }
  }
  // The codes themselves, where the values map does not say otherwise.
  for (auto field : k_coded)
    for (auto code : codes_of(field))
      mapping.m_values[static_cast<std::size_t>(field)].emplace(value_key(code), code);
  return mapping;
}

}  // namespace ics::io
