#include <ics/store/database.hpp>
#include <ics/store/engine_version.hpp>
#include <ics/versions.hpp>

#include <fmt/format.h>
#include <nettle/version.h>
#include <xlsxwriter.h>
#include <nlohmann/json.hpp>

namespace ics {

std::vector<ComponentVersion> library_versions() {
  return {
      {"libics", ICS_VERSION},
      {"schema", std::to_string(store::latest_schema_version())},
      {"sqlite", store::sqlite_library_version()},
      {"fmt", fmt::format("{}.{}.{}", FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100)},
      {"yaml_cpp", ICS_YAML_CPP_VERSION},
      {"sqlitecpp", store::sqlitecpp_version()},
      {"nlohmann_json", fmt::format("{}.{}.{}", NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
                                    NLOHMANN_JSON_VERSION_PATCH)},
      {"libxlsxwriter", LXW_VERSION},
      {"nettle", fmt::format("{}.{}", NETTLE_VERSION_MAJOR, NETTLE_VERSION_MINOR)},
  };
}

}  // namespace ics
