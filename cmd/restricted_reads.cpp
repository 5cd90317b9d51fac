#include "restricted_reads.hpp"

#include "session.hpp"

#include <ics/record/restrictions.hpp>
#include <ics/store/restricted.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace icsctl {

namespace {

using ics::record::RestrictedReach;

// Every read not listed is Reach::visible.
struct ReachRow {
  std::string_view what;
  Reach reach;
};
constexpr std::array k_reaches = {
    ReachRow{"export cin-census", Reach::statutory},
    ReachRow{"check census", Reach::statutory},
    ReachRow{"export cp-is", Reach::statutory},
    ReachRow{"report plan-stats", Reach::statutory},
    ReachRow{"db check", Reach::whole},
    ReachRow{"db backup", Reach::whole},
    ReachRow{"show", Reach::whole},
    ReachRow{"settings show", Reach::whole},
    ReachRow{"config show", Reach::whole},  // reads the settings only
};

}  // namespace

Reach reach_of(std::string_view what) {
  auto row = std::find_if(k_reaches.begin(), k_reaches.end(), [&](const auto& r) { return r.what == what; });
  return row == k_reaches.end() ? Reach::visible : row->reach;
}

bool limit_read(Session& s, ics::store::Database& db, Reach reach, std::string_view what) {
  if (reach == Reach::whole) return false;
  auto restricted = ics::store::restricted_children(db);
  if (restricted.empty()) return false;
  if (reach == Reach::statutory) {
    audit_read(s, what, [&](auto& tx) {
      ics::record::audit_restricted_read(tx, restricted, RestrictedReach::statutory);
    });
    return false;
  }
  if (s.include_restricted()) {
    audit_included(s, what, restricted);
    return false;
  }
  ics::store::hide_restricted(db);
  s.info(fmt::format(
      "note: {} restricted child{} left out (--include-restricted shows them; that read is audited)",
      restricted.size(), restricted.size() == 1 ? " is" : "ren are"));
  return true;
}

void audit_statutory_write(ics::store::WriteTransaction& tx) {
  auto restricted = ics::store::restricted_children(tx.db());
  if (!restricted.empty()) ics::record::audit_restricted_read(tx, restricted, RestrictedReach::statutory);
}

void audit_read(Session& s, std::string_view what,
                const std::function<void(ics::store::WriteTransaction&)>& write) {
  auto context = s.audit_context();
  context.command = std::string(what);
  ics::store::Database db(s.db_path(), ics::store::OpenMode::write);
  ics::store::WriteTransaction tx(db, context);
  write(tx);
  tx.commit();
}

void audit_included(Session& s, std::string_view what, const std::vector<std::int64_t>& children) {
  audit_read(s, what,
             [&](auto& tx) { ics::record::audit_restricted_read(tx, children, RestrictedReach::asked); });
}

}  // namespace icsctl
