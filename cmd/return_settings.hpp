#pragma once
// The return settings as the commands use them (README "Configuration"): a command-line flag (--la)
// first, then the database's own setting (`icsctl settings set`, audited, shared by everyone using
// the database), then the configuration file's, which is a default for a database that has none.
#include "config_file.hpp"

#include <ics/store/database.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace icsctl {

class Session;

// The setting `key` with where it came from ("database" or "config FILE:LINE"), or nullopt.
std::optional<Effective> return_setting(const Session& session, ics::store::Database& db,
                                        std::string_view key);
// Its value; ics::NotFound saying how to set it when neither gives one.
std::string require_return_setting(const Session& session, ics::store::Database& db, std::string_view key);

}  // namespace icsctl
