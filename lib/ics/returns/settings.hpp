#pragma once
// The return settings (`icsctl settings`): what an authority sets once for its statutory returns
// rather than on every command line. The keys and what each accepts are written here alone; the
// store keeps them (store/settings.hpp).
#include <ics/api.hpp>
#include <ics/store/transaction.hpp>

#include <span>
#include <string>
#include <string_view>

ICS_API_BEGIN
namespace ics::store {
class Database;
}

namespace ics::returns {

struct SettingKey {
  std::string_view key;      // e.g. "la_code"
  std::string_view accepts;  // what a value must be, in words
};
// Every key, in the order `settings show` lists them: la_code, software_code, release, serial_no,
// la_name, la_phone, la_emergency_phone.
std::span<const SettingKey> setting_keys();
bool is_setting_key(std::string_view key);
// The keys joined for a message: "la_code, software_code, …".
std::string setting_key_names();

// The value `value` (trimmed) of `key` when it is what the key accepts: la_code three digits and a code
// of schemas/codes/la-number.yaml; software_code and release text of at most 50 characters; serial_no
// three or more digits; la_name text; la_phone and la_emergency_phone a phone number (digits, spaces,
// + ( ) -). Else InvalidInput naming the key, the value and the reason (an unknown key too).
std::string check_setting(std::string_view key, std::string_view value);

// Checks and sets one value, with its audit record (entity "setting:KEY", images {"key", "value"}
// before and after). Returns the value as stored.
std::string set_setting(store::WriteTransaction& tx, std::string_view key, std::string_view value);

// The value of a setting a command needs; NotFound when it is not set, saying how to set it:
// "setting 'la_code' is not set: icsctl settings set la_code NNN".
std::string require_setting(store::Database& db, std::string_view key);

}  // namespace ics::returns
ICS_API_END
