#include "return_settings.hpp"

#include "session.hpp"

#include <ics/returns/settings.hpp>
#include <ics/store/settings.hpp>

namespace icsctl {

std::optional<Effective> return_setting(const Session& session, ics::store::Database& db,
                                        std::string_view key) {
  if (auto stored = ics::store::setting(db, std::string(key))) return Effective{*stored, "database"};
  return session.config().find(key);
}

std::string require_return_setting(const Session& session, ics::store::Database& db, std::string_view key) {
  if (auto value = return_setting(session, db, key)) return value->value;
  return ics::returns::require_setting(db, key);  // throws, saying how to set it
}

}  // namespace icsctl
