#pragma once
// The versions of libics and of the libraries it was built with, for `icsctl version`.
#include <ics/api.hpp>

#include <string>
#include <vector>

ICS_API_BEGIN
namespace ics {

struct ComponentVersion {
  std::string name;  // snake_case: "sqlite", "yaml_cpp", ...
  std::string version;
};

// libics itself, the schema version it makes, the SQLite library it runs on (as loaded, which may be
// newer than the one it was compiled against) and the libraries compiled in, in that order.
std::vector<ComponentVersion> library_versions();

}  // namespace ics
ICS_API_END
