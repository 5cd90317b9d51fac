// `icsctl update-child CHILD --OPTION VALUE…`: correct a child's details, by add-child's rules.
#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/identifiers.hpp>
#include <ics/record/corrections.hpp>
#include <ics/store/records.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

namespace icsctl {

namespace {
struct Options {
  std::string child, given_names, family_name, dob, expected_dob, sex, nhs_number, upn, ethnicity,
      disabilities, upn_unknown, former_upn, mother_nhs_number;
  std::vector<std::string> refs;
};
}  // namespace

void register_update_child(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("CHILD", o->child, "the child: C12, nhs:N, upn:U or ref:R")->required();
  std::vector<CLI::Option*> changes{
      app.add_option("--given-names", o->given_names, "given names"),
      app.add_option("--family-name", o->family_name, "family name"),
      app.add_option("--dob", o->dob,
                     "date of birth, YYYY-MM-DD (not after today; replaces an expected one)"),
      app.add_option(
          "--expected-dob", o->expected_dob,
          "expected date of birth of an unborn child (within ten months; replaces a date of birth)"),
      app.add_option("--sex", o->sex, "M, F or U"),
      app.add_option("--nhs-number", o->nhs_number, "NHS number, 10 digits (spaces allowed)"),
      app.add_option("--upn", o->upn, "Unique Pupil Number, 13 characters (replaces --upn-unknown)"),
      app.add_option("--upn-unknown", o->upn_unknown, "why the child has no UPN (replaces the UPN)"),
      app.add_option("--former-upn", o->former_upn, "a UPN the child held before"),
      app.add_option("--ref", o->refs,
                     "legacy register reference (repeatable): replaces the child's references"),
      app.add_option("--ethnicity", o->ethnicity, "ethnicity code (schemas/codes/ethnicity.yaml)"),
      app.add_option("--disabilities", o->disabilities,
                     "disabilities, comma-separated codes; NONE alone for none"),
      app.add_option("--mother-nhs-number", o->mother_nhs_number, "an unborn child's mother's NHS number"),
  };
  app.get_option("--dob")->excludes("--expected-dob");
  app.get_option("--upn")->excludes("--upn-unknown");
  app.footer(R"(Each option given replaces the stored value; the rest are kept. The result is checked by
add-child's rules: dates, sex, NHS number and UPN check digits, codes, an NHS number, UPN or reference
held by no other child (exit 3 naming it), and no plan of the child starting before its date of birth.
One transaction, audited with the child's record before and after (icsctl log C12). At least one option.)");
  run = [o, changes, app = &app](Session& s, DatabaseAccess& db) {
    require_one_of(changes);
    auto& tx = db.write();
    auto id = ics::store::resolve_child(tx.db(), o->child);
    auto child = ics::store::get_child(tx.db(), id);
    auto given = [app](const char* option) { return app->count(option) > 0; };
    if (given("--given-names")) child.given_names = o->given_names;
    if (given("--family-name")) child.family_name = o->family_name;
    if (given("--dob")) {
      child.date_of_birth = date_value(s, o->dob, "dob");
      child.expected_dob.reset();
    }
    if (given("--expected-dob")) {
      child.expected_dob = date_value(s, o->expected_dob, "expected_dob");
      child.date_of_birth.reset();
    }
    if (given("--sex")) child.sex = o->sex;
    if (given("--nhs-number")) child.nhs_number = optional_value(o->nhs_number, "nhs-number");
    if (given("--upn")) {
      child.upn = optional_value(o->upn, "upn");
      child.upn_unknown.reset();
    }
    if (given("--upn-unknown")) {
      child.upn_unknown = optional_value(o->upn_unknown, "upn-unknown");
      child.upn.reset();
    }
    if (given("--former-upn")) child.former_upn = optional_value(o->former_upn, "former-upn");
    if (given("--ref")) child.refs = o->refs;
    if (given("--ethnicity")) child.ethnicity = optional_value(o->ethnicity, "ethnicity");
    if (given("--disabilities")) child.disabilities = code_list(o->disabilities, "disabilities");
    if (given("--mother-nhs-number"))
      child.mother_nhs_number = optional_value(o->mother_nhs_number, "mother-nhs-number");
    bool changed = ics::record::update_child(tx, child, s.today());
    auto name = ics::model::format_id(ics::model::EntityKind::child, id);
    db.after_commit([&s, name, changed] {
      s.info(changed ? "child " + name + " updated" : "child " + name + ": nothing changed");
    });
  };
}

}  // namespace icsctl
