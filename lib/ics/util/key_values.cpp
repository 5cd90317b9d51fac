#include <ics/util/key_values.hpp>
#include <ics/util/text.hpp>
#include <ics/util/yaml_read.hpp>

#include <fmt/format.h>
#include <set>

namespace ics::util {

std::vector<KeyValue> read_key_values(std::string_view text, std::string_view source) {
  // load_map refuses an empty document, which here is a file that sets nothing.
  bool blank = true;
  for (std::size_t at = 0; at < text.size() && blank;) {
    auto end = text.find('\n', at);
    auto line = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    auto first = line.find_first_not_of(" \t\r");
    blank = first == std::string_view::npos || line[first] == '#';
    at = end == std::string_view::npos ? text.size() : end + 1;
  }
  if (blank && !first_invalid_utf8(text)) return {};
  auto map = yaml::load_map(text, source, "the file");
  std::vector<KeyValue> entries;
  std::set<std::string> seen;
  for (const auto& entry : map) {
    const auto& key = entry.first;
    const auto& value = entry.second;
    if (!key.IsScalar())
      yaml::fail(source, key.Mark(), fmt::format("a key must be text, not {}", yaml::describe(key)));
    if (!seen.insert(key.Scalar()).second)
      yaml::fail(source, key.Mark(), fmt::format("'{}' is set twice", escape_text(key.Scalar())));
    if (value.IsSequence() || value.IsMap())
      yaml::fail(
          source, value.Mark(),
          fmt::format("'{}' must be one value, not {}", escape_text(key.Scalar()), yaml::describe(value)));
    entries.push_back({key.Scalar(), value.IsScalar() ? value.Scalar() : "", key.Mark().line + 1L});
  }
  return entries;
}

}  // namespace ics::util
