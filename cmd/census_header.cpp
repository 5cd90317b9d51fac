#include "census_header.hpp"

#include <ics/store/settings.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>

namespace icsctl {

namespace {

std::string required_setting(ics::store::Database& db, const std::string& key, const std::string& example) {
  auto value = ics::store::setting(db, key);
  if (!value || value->empty())
    throw ics::InvalidInput(
        fmt::format("the census needs the setting '{}', which is not set: run 'icsctl settings set {} {}'",
                    key, key, example));
  return *value;
}

std::string date_time(const Session& session) {
  if (const char* fixed = std::getenv("ICSCTL_TODAY"); fixed && *fixed)
    return session.today().iso() + "T00:00:00";
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}", local.tm_year + 1900, local.tm_mon + 1,
                     local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec);
}

}  // namespace

ics::returns::CensusHeader census_header(ics::store::Database& db, const Session& session,
                                         const std::string& la_override) {
  ics::returns::CensusHeader h;
  h.la_code = la_override.empty() ? required_setting(db, "la_code", "NNN") : la_override;
  h.software_code = required_setting(db, "software_code", "icsctl");
  h.release = required_setting(db, "release", "VERSION");
  h.serial_no = required_setting(db, "serial_no", "001");
  h.date_time = date_time(session);
  return h;
}

}  // namespace icsctl
