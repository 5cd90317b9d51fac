#include "args.hpp"
#include "command.hpp"
#include "database_access.hpp"
#include "session.hpp"

#include <ics/model/code_lists.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/record/children.hpp>

#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

namespace icsctl {

namespace {
struct Options {
  std::string given_names, family_name, dob, expected_dob,
      sex = "U", nhs_number, upn, ethnicity, disabilities, upn_unknown, former_upn, mother_nhs_number;
  std::vector<std::string> refs;
};

std::string codes_of(std::string_view list) {
  return fmt::format("{}", fmt::join(ics::model::code_list(list).values(), " "));
}
}  // namespace

void register_add_child(CLI::App& app, Runner& run) {
  auto o = std::make_shared<Options>();
  app.add_option("--given-names", o->given_names, "given names")->required();
  app.add_option("--family-name", o->family_name, "family name")->required();
  auto* dob = app.add_option(
      "--dob", o->dob, "date of birth, YYYY-MM-DD or today, +7d, eom… (icsctl help dates); not after today");
  auto* edob = app.add_option("--expected-dob", o->expected_dob,
                              "expected date of birth of an unborn child, YYYY-MM-DD or +5m, eom… (icsctl "
                              "help dates); within ten months");
  dob->excludes(edob);
  app.add_option("--sex", o->sex, "M, F or U (default U)");
  app.add_option("--nhs-number", o->nhs_number, "NHS number, 10 digits (spaces allowed)");
  auto* upn = app.add_option("--upn", o->upn, "Unique Pupil Number, 13 characters");
  auto* upn_unknown = app.add_option(
      "--upn-unknown", o->upn_unknown,
      fmt::format("why the child has no UPN: {} (schemas/codes/upn-unknown.yaml)", codes_of("upn-unknown")));
  upn->excludes(upn_unknown);
  app.add_option("--former-upn", o->former_upn, "a UPN the child held before, 13 characters");
  app.add_option("--ref", o->refs, "legacy register reference (repeatable)");
  app.add_option("--ethnicity", o->ethnicity,
                 fmt::format("ethnicity code: {} (schemas/codes/ethnicity.yaml)", codes_of("ethnicity")));
  app.add_option("--disabilities", o->disabilities,
                 fmt::format("disabilities, comma-separated codes: {} (schemas/codes/disability.yaml); NONE "
                             "alone for none",
                             codes_of("disability")));
  app.add_option("--mother-nhs-number", o->mother_nhs_number,
                 "an unborn child's mother's NHS number (for CP-IS), with --expected-dob");
  run = [o, dob, edob](Session& s, DatabaseAccess& db) {
    if (dob->count() == 0 && edob->count() == 0) throw CLI::RequiredError("one of --dob or --expected-dob");
    ics::model::Child child;
    child.given_names = o->given_names;
    child.family_name = o->family_name;
    if (dob->count() > 0) child.date_of_birth = date_value(s, o->dob, "dob");
    if (edob->count() > 0) child.expected_dob = date_value(s, o->expected_dob, "expected_dob");
    child.sex = o->sex;
    child.nhs_number = optional_value(o->nhs_number, "nhs-number");
    child.upn = optional_value(o->upn, "upn");
    child.ethnicity = optional_value(o->ethnicity, "ethnicity");
    child.refs = o->refs;
    if (!o->disabilities.empty()) child.disabilities = code_list(o->disabilities, "disabilities");
    child.upn_unknown = optional_value(o->upn_unknown, "upn-unknown");
    child.former_upn = optional_value(o->former_upn, "former-upn");
    child.mother_nhs_number = optional_value(o->mother_nhs_number, "mother-nhs-number");
    auto id = ics::record::add_child(db.write(), child, s.today());
    db.after_commit([&s, id] { s.print_id(ics::model::format_id(ics::model::EntityKind::child, id)); });
  };
}

}  // namespace icsctl
