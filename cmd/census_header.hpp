#pragma once
// The census header (returns-spec §1.4) of `export cin-census`, from the return settings
// (`icsctl settings set KEY VALUE`) and the command line.
#include "session.hpp"

#include <ics/returns/census.hpp>
#include <ics/store/database.hpp>

#include <string>

namespace icsctl {

// `la_override`: --la, when given (a code of la-number.yaml). The settings as return_settings.hpp
// finds them (the database's, else the configuration's). Throws NotFound naming the first required
// setting not set (la_code, software_code, release, serial_no) and the command that sets it. DateTime:
// now, local time; under ICSCTL_TODAY that day at 00:00:00, so that tests get the same file every run.
ics::returns::CensusHeader census_header(ics::store::Database& db, const Session& session,
                                         const std::string& la_override);

}  // namespace icsctl
