#pragma once
// Mapping files (`schemas/mappings/*.yaml`): how to read one kind of legacy register export — its
// encoding, its date formats, which source column feeds each field and per-field value maps.
// The shipped `legacy-register.yaml` documents every key.
#include <ics/api.hpp>
#include <ics/util/date.hpp>
#include <ics/util/date_format.hpp>
#include <ics/util/encoding.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

ICS_API_BEGIN
namespace ics::io {

// The fields a register row can feed, in the order rows are checked.
enum class RegisterField {
  ref,
  child_ref,
  family_name,
  given_names,
  date_of_birth,
  sex,
  nhs_number,
  upn,
  category,
  start_date,
  end_date,
  end_reason,
  lead_worker,
  team
};
inline constexpr std::size_t k_register_field_count = 14;

// The field's key in mapping files and rejects files, e.g. "start_date".
std::string_view field_name(RegisterField field);

// A source column named by the mapping, with where the mapping names it (1-based).
struct SourceColumn {
  std::string header;
  int line = 1;
  int column = 1;
};

// Source value (as value_key() gives it) -> code. Looked up with a string_view: checking a row
// makes no copies.
struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
};
using ValueMap = std::unordered_map<std::string, std::string, KeyHash, std::equal_to<>>;

class Mapping {
 public:
  util::Encoding encoding = util::Encoding::utf8;
  std::vector<util::DateFormat> date_formats;  // tried in order
  std::string unborn_marker = "Unborn";        // given names that mean "not yet born"
  std::string text;                            // the mapping file's exact text
  std::string source;                          // its path, or "builtin:mappings/NAME.yaml"

  const std::optional<SourceColumn>& column(RegisterField field) const {
    return m_columns[static_cast<std::size_t>(field)];
  }
  // The code `value` maps to: the field's values map first, then the code itself (category, sex
  // and end_reason codes are always accepted as they are). Values are trimmed and compared
  // ignoring the case of ASCII letters. nullopt when nothing matches.
  // The code is the mapping's own text (valid as long as the mapping).
  std::optional<std::string_view> map_value(RegisterField field, std::string_view value) const;
  // The date `text` (trimmed) denotes in the first date format that reads all of it.
  std::optional<util::Date> parse_date(std::string_view text) const;
  // Given names equal to the unborn marker (trimmed, ignoring ASCII case).
  bool is_unborn_marker(std::string_view given_names) const;

 private:
  friend Mapping parse_mapping(std::string_view text, std::string_view source);
  std::array<std::optional<SourceColumn>, k_register_field_count> m_columns;
  std::array<ValueMap, k_register_field_count> m_values;
};

// Reads and checks a mapping file strictly: unknown or repeated keys, a missing required column
// (ref, family_name, start_date, category), an unknown encoding, a date format without a day,
// month and year, or a value mapped to an unknown code throw ics::InvalidInput
// "<source>:<line>:<col>: <what>".
Mapping parse_mapping(std::string_view text, std::string_view source);

// How values are compared: trimmed, ASCII letters lower-cased.
std::string value_key(std::string_view value);

}  // namespace ics::io
ICS_API_END
