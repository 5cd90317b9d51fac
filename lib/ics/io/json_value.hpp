#pragma once
// A row value as a JSON value: null, a number or a string. Header-only, for the code that builds JSON
// objects (the json writers, bulk import's audit images, `show -o json`); it needs nlohmann_json.
#include <ics/api.hpp>
#include <ics/util/rows.hpp>

#include <nlohmann/json.hpp>

ICS_API_BEGIN
namespace ics::io {

inline nlohmann::ordered_json to_json(const util::Value& value) {
  return std::visit(
      [](const auto& x) -> nlohmann::ordered_json {
        if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::monostate>)
          return nullptr;
        else
          return x;
      },
      value);
}

// The JSON text of a value; invalid UTF-8 in a string is replaced (U+FFFD), never thrown.
inline std::string json_text(const util::Value& value) {
  return to_json(value).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace ics::io
ICS_API_END
