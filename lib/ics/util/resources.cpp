#include <ics/util/resources.hpp>

namespace ics::util {

std::optional<std::string_view> resource(std::string_view path) {
  for (const auto& r : all_resources())
    if (r.path == path) return r.text;
  return std::nullopt;
}

std::vector<Resource> resources_under(std::string_view prefix) {
  std::vector<Resource> out;
  for (const auto& r : all_resources())
    if (r.path.starts_with(prefix)) out.push_back(r);
  return out;
}

}  // namespace ics::util
