#pragma once
// How long a connection waits for a lock another connection holds before a statement fails with
// DatabaseBusy. A process-wide setting, like SQLite's own configuration: a program sets it once,
// before it opens its databases (icsctl: --wait, ICSCTL_WAIT).
#include <ics/api.hpp>

#include <chrono>

ICS_API_BEGIN
namespace ics::store {

inline constexpr std::chrono::milliseconds k_default_busy_timeout{10'000};

// Applies to every Database opened (or made by Database::init) after the call.
void set_busy_timeout(std::chrono::milliseconds timeout);
std::chrono::milliseconds busy_timeout();

}  // namespace ics::store
ICS_API_END
