// `icsctl reassign --from NAME --to NAME [--agency CODE]`: a worker who leaves hands over every open
// action they own and every open plan they lead.
#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/record/corrections.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

namespace icsctl {

namespace {
struct Options {
  std::string from, to, agency;
};
}  // namespace

void register_reassign(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("--from", o->from, "the worker who leaves, as actions and plans name them")->required();
  app.add_option("--to", o->to, "the worker who takes over")->required();
  app.add_option("--agency", o->agency,
                 "only the actions of this agency (the plans are reassigned all the same)");
  app.footer(R"(Every open action owned by --from (of --agency only, when given) gets --to as its owner, and
every open plan --from leads gets --to as its lead worker: one transaction, an audit record (before and
after) per record. Exit 4 when --from owns and leads nothing open. Destructive: asked first on a
terminal (y/N); needs --yes without one. Prints the counts (-o json: one object).)");
  run = [o](Session& s, DatabaseAccess& db) {
    auto agency = optional_value(o->agency, "agency");
    auto [actions, plans] = ics::record::held_by(db.peek(), o->from, agency);
    if (actions + plans > 0)
      db.confirm(fmt::format("give {} open action{} and {} open plan{} of '{}' to '{}'", actions,
                             actions == 1 ? "" : "s", plans, plans == 1 ? "" : "s", o->from, o->to));
    auto done = ics::record::reassign(db.write(), o->from, o->to, agency);
    db.after_commit([&s, o, done] {
      if (s.machine_output()) {
        auto out = s.output();
        out->begin({{"from"}, {"to"}, {"actions", "integer"}, {"plans", "integer"}});
        out->row({o->from, o->to, std::int64_t{done.actions}, std::int64_t{done.plans}});
        out->end();
      }
      s.info(fmt::format("reassigned from '{}' to '{}': {} action{}, {} plan{}", o->from, o->to, done.actions,
                         done.actions == 1 ? "" : "s", done.plans, done.plans == 1 ? "" : "s"));
    });
  };
}

}  // namespace icsctl
