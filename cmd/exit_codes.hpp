#pragma once
// The documented exit codes (README "Exit codes"); scripts rely on them.
namespace icsctl {

inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_runtime = 1;    // runtime or storage error
inline constexpr int k_exit_usage = 2;      // bad command line
inline constexpr int k_exit_invalid = 3;    // invalid input: a bad value, a rejected row, a bad template
inline constexpr int k_exit_not_found = 4;  // no such record, template or database
// Another process held the database's write lock for longer than --wait: try again later
// (sysexits.h's EX_TEMPFAIL, which mail systems and schedulers already take to mean "retry").
inline constexpr int k_exit_busy = 75;
inline constexpr int k_exit_interrupted = 130;

}  // namespace icsctl
