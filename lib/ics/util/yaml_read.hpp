#pragma once
// Strict reading of YAML definition files (internal to libics): every error is an
// ics::InvalidInput "<source>:<line>:<col>: <what>", with 1-based line and column.
#include <yaml-cpp/yaml.h>

#include <climits>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ics::util::yaml {

[[noreturn]] void fail(std::string_view source, const YAML::Mark& mark, const std::string& what);

// The one YAML document of `text`; refuses invalid UTF-8, syntax errors, several documents and
// a document that is not a map. `what` names the document in errors ("template", "calendar").
YAML::Node load_map(std::string_view text, std::string_view source, std::string_view what);

// "'text'" for a scalar (shortened when long), "a list", "a map" or "nothing".
std::string describe(const YAML::Node& node);

// Lower-case letters, digits and '-', at least one character.
bool is_code(std::string_view text);

// A YAML map read strictly: each key is text, appears once and is one of `allowed`.
class Map {
 public:
  // `what` names the map in errors, e.g. "template", "'timescales'", "action".
  Map(const YAML::Node& node, std::string_view what, std::string_view source,
      std::initializer_list<std::string_view> allowed);

  bool has(std::string_view key) const { return find(key) != nullptr; }
  // The value of `key`; refuses a missing key.
  const YAML::Node& get(std::string_view key) const;
  // Where `key`'s value is (its key, when the value has no position), or the map's own position.
  YAML::Mark mark(std::string_view key) const;
  [[noreturn]] void fail(std::string_view key, const std::string& what) const;
  // fail() with "'key' <rule>: <the value>".
  [[noreturn]] void refuse(std::string_view key, std::string_view rule) const;

  // Required, non-empty text.
  std::string text(std::string_view key) const;
  std::optional<std::string> optional_text(std::string_view key) const;
  // Required text matching is_code().
  std::string code(std::string_view key) const;
  // Required whole number from 1 to `max`.
  int positive_int(std::string_view key, int max = INT_MAX) const;
  // Required list (possibly empty).
  const YAML::Node& list(std::string_view key) const;

  std::string_view source() const { return m_source; }

 private:
  struct Entry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
  };
  const Entry* find(std::string_view key) const;

  YAML::Mark m_mark;
  std::string m_what;
  std::string m_source;
  std::vector<Entry> m_entries;
};

}  // namespace ics::util::yaml
