#include <ics/store/queries.hpp>
#include <ics/util/error.hpp>
#include <ics/util/resources.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>

namespace ics::store {

std::map<std::string, std::string, std::less<>> parse_named_queries(std::string_view text) {
  static constexpr std::string_view k_marker = "-- name:";
  std::map<std::string, std::string, std::less<>> out;
  std::string* current = nullptr;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (line.starts_with(k_marker)) {
      std::string name(util::trim(line.substr(k_marker.size())));
      auto [it, fresh] = out.emplace(name, "");
      if (!fresh) throw StorageError(fmt::format("query '{}' is defined twice", name));
      current = &it->second;
    } else if (current && !line.starts_with("--")) {
      current->append(line).append("\n");
    }
    pos = end + 1;
  }
  return out;
}

const std::string& named_query(std::string_view name) {
  static const auto k_all = [] {
    std::map<std::string, std::string, std::less<>> all;
    for (const auto& r : util::resources_under("queries/")) all.merge(parse_named_queries(r.text));
    return all;
  }();
  auto it = k_all.find(name);
  if (it == k_all.end()) throw StorageError(fmt::format("no query named '{}'", name));
  return it->second;
}

}  // namespace ics::store
