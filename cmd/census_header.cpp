#include "census_header.hpp"

#include "return_settings.hpp"

#include <ics/model/code_lists.hpp>
#include <ics/returns/settings.hpp>

#include <fmt/format.h>

#include <ctime>

namespace icsctl {

namespace {

std::string date_time(const Session& session) {
  if (session.today_is_fixed()) return session.today().iso() + "T00:00:00";
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
  h.la_code = la_override.empty() ? require_return_setting(session, db, "la_code")
                                  : ics::model::require_listed(la_override, "la-number", "--la");
  h.software_code = require_return_setting(session, db, "software_code");
  h.release = require_return_setting(session, db, "release");
  h.serial_no = require_return_setting(session, db, "serial_no");
  h.date_time = date_time(session);
  return h;
}

}  // namespace icsctl
