#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/code_lists.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/record/episodes.hpp>
#include <ics/store/records.hpp>

#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

namespace icsctl {

namespace {
struct Options {
  std::string child, date, source, need;
  bool nfa = false;
};
}  // namespace

void register_open_referral(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("CHILD", o->child, "the child: C123, nhs:NHSNUMBER, upn:UPN or ref:LEGACYREF")->required();
  app.add_option(
      "--date", o->date,
      "the day the referral was received, YYYY-MM-DD or today, +7d, eom… (icsctl help dates); default today");
  app.add_option("--source", o->source,
                 fmt::format("who referred: {} (schemas/codes/referral-source.yaml)",
                             fmt::join(ics::model::code_list("referral-source").values(), ", ")))
      ->required();
  app.add_option("--need", o->need,
                 fmt::format("primary need: {} (schemas/codes/primary-need.yaml); none with --nfa",
                             fmt::join(ics::model::code_list("primary-need").values(), ", ")));
  app.add_flag("--nfa", o->nfa, "the referral led to no further action (the episode holds nothing more)");
  run = [o](Session& s, DatabaseAccess& db) {
    auto& tx = db.write();
    ics::record::NewReferral referral;
    referral.child_id = ics::store::resolve_child(tx.db(), o->child);
    referral.date = optional_date(s, o->date, "date").value_or(s.today());
    referral.source = o->source;
    referral.need = optional_value(o->need, "need");
    referral.nfa = o->nfa;
    auto id = ics::record::open_referral(tx, referral, s.today());
    db.after_commit([&s, id] { s.print_id(ics::model::format_id(ics::model::EntityKind::episode, id)); });
  };
}

}  // namespace icsctl
