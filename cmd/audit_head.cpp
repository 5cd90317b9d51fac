#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/store/audit_chain.hpp>
#include <ics/util/error.hpp>

#include <CLI/CLI.hpp>

namespace icsctl {

void register_audit(CLI::App& app, Runner&) {
  app.require_subcommand(1);
}

void register_audit_head(CLI::App& app, Runner& run) {
  app.footer(R"(Keep the head somewhere the database's users cannot write (a ticket, an email to the
auditor, a signed note); later, 'icsctl db check --head SEQ:HASH' proves that nothing up to it
was rewritten.)");
  run = [](Session& s, DatabaseAccess& db) {
    auto head = ics::store::chain_head(db.read());
    if (!head) throw ics::NotFound("the audit trail is empty");
    auto out = s.output();
    out->begin({{"seq", "integer"}, {"hash"}, {"head"}});
    out->row({head->seq, head->hash, fmt::format("{}:{}", head->seq, head->hash)});
    out->end();
  };
}

}  // namespace icsctl
