// `restrict CHILD --reason TEXT` and `unrestrict CHILD [--reason TEXT]`: a child's records left out of
// every list, report, show, log and export unless --include-restricted (README "Information sharing").
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/record/restrictions.hpp>
#include <ics/store/records.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <optional>

namespace icsctl {

void register_restrict(CLI::App& app, Runner& run) {
  auto child = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  app.add_option("CHILD", *child, "the child: C12, nhs:N, upn:U or ref:R")->required();
  app.add_option("--reason", *reason, "why the child's records are restricted (kept in the audit trail)")
      ->required();
  app.footer(R"(From now on the child and every record of theirs are left out of lists, reports, show, log
and exports unless --include-restricted is given, and every read that includes them is audited.
The statutory returns (export cin-census, check census, export cp-is, report plan-stats) still hold
the child, and say so in the audit trail. 'icsctl unrestrict CHILD' lifts it; 'icsctl log
restriction:CHILD --include-restricted' shows who restricted it, when and why.)");
  run = [child, reason](Session& s, DatabaseAccess& db) {
    auto& tx = db.write();
    auto id = ics::store::resolve_child(tx.db(), *child);
    ics::record::restrict_child(tx, id, *reason);
    db.after_commit([&s, id] {
      s.info(fmt::format("child {} restricted", ics::model::format_id(ics::model::EntityKind::child, id)));
    });
  };
}

void register_unrestrict(CLI::App& app, Runner& run) {
  auto child = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  app.add_option("CHILD", *child, "the child: C12, nhs:N, upn:U or ref:R")->required();
  auto* because =
      app.add_option("--reason", *reason, "why the restriction is lifted (kept in the audit trail)");
  app.footer(R"(The child's records are shown again by every command. The restriction lifted, and the
reason given, stay in the audit trail (icsctl log restriction:CHILD).)");
  run = [child, reason, because](Session& s, DatabaseAccess& db) {
    auto& tx = db.write();
    auto id = ics::store::resolve_child(tx.db(), *child);
    std::optional<std::string_view> why;
    if (because->count() > 0) why = *reason;
    ics::record::unrestrict_child(tx, id, why);
    db.after_commit([&s, id] {
      s.info(fmt::format("child {} no longer restricted",
                         ics::model::format_id(ics::model::EntityKind::child, id)));
    });
  };
}

}  // namespace icsctl
