#pragma once
// Which children a command may read (README "Information sharing"), decided in one place for every
// command: the restricted children are left out unless --include-restricted is given, the statutory
// returns hold every child, and a read that can show a restricted child is audited before it reads.
#include <ics/store/database.hpp>
#include <ics/store/transaction.hpp>

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace icsctl {

class Session;

enum class Reach {
  // Lists, reports, show's related rows, log, exports: restricted children left out, unless
  // --include-restricted, which is audited.
  visible,
  // A statutory return (the census and its check, CP-IS, the DfE's indicators) holds every child,
  // restricted ones too; audited when any child is restricted.
  statutory,
  // The file as it is, not audited: administration (db check, db backup, settings show, which
  // holds no child) and `show`, which checks the one record it shows itself (show.cpp).
  whole,
};

// The reach of what a command reads, by its path: "list children", "export cin-census", or for a
// report "report plan-stats".
Reach reach_of(std::string_view what);

// Applies `reach` to a read-only connection just opened for `what`: hides the restricted children
// (and says so on stderr) or audits the read first. Returns whether restricted children were hidden.
bool limit_read(Session& s, ics::store::Database& db, Reach reach, std::string_view what);

// For a statutory command that writes (export cp-is): audits into its transaction the read of
// every child when any is restricted.
void audit_statutory_write(ics::store::WriteTransaction& tx);

// Audits `write` (its audit records) in a transaction of its own on a connection of its own, as `what`,
// committed before this returns: a command that reads has no write transaction, and nothing is shown
// unless its audit record has landed.
void audit_read(Session& s, std::string_view what,
                const std::function<void(ics::store::WriteTransaction&)>& write);

// Audits that `what` can show the restricted `children` because the user asked for them.
void audit_included(Session& s, std::string_view what, const std::vector<std::int64_t>& children);

}  // namespace icsctl
