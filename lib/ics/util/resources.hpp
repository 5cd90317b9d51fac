#pragma once
// Files under schemas/ embedded into the library at build time.
#include <ics/api.hpp>

#include <optional>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::util {

struct Resource {
  std::string_view path;  // relative to schemas/, e.g. "sql/0001_core.sql"
  std::string_view text;
};

const std::vector<Resource>& all_resources();

std::optional<std::string_view> resource(std::string_view path);

// Resources whose path starts with `prefix`, in path order.
std::vector<Resource> resources_under(std::string_view prefix);

}  // namespace ics::util
ICS_API_END
