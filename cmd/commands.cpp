#include "command.hpp"

namespace icsctl {

// The command table, written once: each row is (setup function, name, access, destructive, help), and
// the same list declares the setup functions, which the subcommand files define.
// clang-format off
#define ICSCTL_COMMANDS(X)                                                                                  \
  X(register_init, "init", schema, no, "create the database, or bring its schema up to date")               \
  X(register_add_child, "add-child", write, no, "add a child; prints the new child id")                     \
  X(register_open_plan, "open-plan", write, no, "open a plan from a template; prints the plan id")          \
  X(register_assign_action, "assign-action", write, no, "add an action to a plan; prints the action id")    \
  X(register_complete_action, "complete-action", write, no, "mark an action done")                          \
  X(register_cancel_action, "cancel-action", write, no, "cancel an action, with a reason")                  \
  X(register_record_review, "record-review", write, no, "record a review conference, core group or visit")  \
  X(register_close_plan, "close-plan", write, always, "end a plan; its open actions are cancelled")         \
  X(register_open_referral, "open-referral", write, no, "record a referral, opening an episode; prints its id")\
  X(register_start_assessment, "start-assessment", write, no, "start an episode's assessment; prints its id") \
  X(register_complete_assessment, "complete-assessment", write, no, "complete an episode's assessment")      \
  X(register_start_enquiry, "start-enquiry", write, no, "start a section 47 enquiry; prints its id")          \
  X(register_end_enquiry, "end-enquiry", write, no, "end an enquiry with no conference needed")               \
  X(register_record_conference, "record-conference", write, no,                                             \
    "record an initial child protection conference; with a plan, prints the plan id")                       \
  X(register_close_episode, "close-episode", write, no, "close an episode with a reason")                   \
  X(register_record_death, "record-death", write, always,                                                   \
    "record a child's death; closes its open plans and episode that day")                                   \
  X(register_restrict, "restrict", write, no,                                                               \
    "restrict a child: left out of lists, reports and exports unless --include-restricted")               \
  X(register_unrestrict, "unrestrict", write, no, "lift a child's restriction")                             \
  X(register_update_child, "update-child", write, no, "correct a child's details, by add-child's rules")     \
  X(register_update_plan, "update-plan", write, no, "correct an open plan's lead worker or team")            \
  X(register_update_action, "update-action", write, no, "correct an open action's due date or text")         \
  X(register_reassign_action, "reassign-action", write, no, "give an open action to another owner")          \
  X(register_reassign, "reassign", write, always,                                                            \
    "give a worker's open actions and plans to another (a worker who leaves)")                             \
  X(register_show, "show", read, no, "show one child, plan, action or review by id")                        \
  X(register_list, "list", read, no, "list children, plans or actions")                                     \
  X(register_report, "report", read, no, "run a named report")                                              \
  X(register_import, "import", none, no,                                                                    \
    "import a legacy register export, or records of any kind in bulk")                                      \
  X(register_import_register, "import register", bulk_load, no,                                             \
    "migrate a legacy register export into child protection plans")                                         \
  X(register_import_children, "import children", bulk_write, on_conflict_update,                            \
    "bulk import children (csv, tsv or ndjson)")                                                            \
  X(register_import_plans, "import plans", bulk_write, on_conflict_update,                                  \
    "bulk import plans (csv, tsv or ndjson)")                                                               \
  X(register_import_actions, "import actions", bulk_write, on_conflict_update,                              \
    "bulk import actions (csv, tsv or ndjson)")                                                             \
  X(register_import_reviews, "import reviews", bulk_write, on_conflict_update,                              \
    "bulk import reviews (csv, tsv or ndjson)")                                                             \
  X(register_import_episodes, "import episodes", bulk_write, on_conflict_update,                            \
    "bulk import episodes (csv, tsv or ndjson)")                                                            \
  X(register_import_assessments, "import assessments", bulk_write, on_conflict_update,                      \
    "bulk import assessments (csv, tsv or ndjson)")                                                         \
  X(register_import_enquiries, "import enquiries", bulk_write, on_conflict_update,                          \
    "bulk import section 47 enquiries (csv, tsv or ndjson)")                                                \
  X(register_import_conferences, "import conferences", bulk_write, on_conflict_update,                      \
    "bulk import initial child protection conferences (csv, tsv or ndjson)")                                \
  X(register_export, "export", read, no, "export every record of a kind, or all of them")                   \
  X(register_export_annex_a, "export annex-a", read, no,                                                    \
    "Ofsted's Annex A lists 3-7 for a window, as an Excel workbook or one list")                            \
  X(register_export_cpis, "export cp-is", write, no,                                                        \
    "the CP-IS extract: child protection plans for the NHS, as CSV (logged)")                               \
  X(register_export_cin_census, "export cin-census", read, no,                                              \
    "the children in need census XML of a year (returns-spec §1)")                                          \
  X(register_templates, "templates", none, no, "list, show or check plan templates")                        \
  X(register_reports, "reports", none, no, "show a report's definition, or check your own")                 \
  X(register_db, "db", none, no, "check, back up or migrate the database")                                  \
  X(register_db_check, "db check", read, no, "check integrity and foreign keys (exit 1 on a problem)")      \
  X(register_db_backup, "db backup", read, no, "copy the database, consistently, while in use")             \
  X(register_db_migrate, "db migrate", schema, no, "bring the schema up to date")                           \
  X(register_check, "check", none, no, "check the records against a statutory return's rules")              \
  X(register_check_census, "check census", read, no,                                                        \
    "apply the DfE's children in need census rules to a year's census (returns-spec §1.12)")               \
  X(register_log, "log", read, no, "show the audit trail")                                                  \
  X(register_audit, "audit", none, no, "the audit trail's hash chain")                                      \
  X(register_audit_head, "audit head", read, no, "print the audit chain's head (sequence and hash) to keep") \
  X(register_help, "help", none, no, "explain a topic (formats, exit codes, dates, ...) or a command")       \
  X(register_completion, "completion", none, no, "print the completion script of a shell: bash, zsh or fish") \
  X(register_version, "version", none, no, "the versions of icsctl, its schema and the libraries it uses")  \
  X(register_complete, "__complete", read, no, "ids, reports or templates beginning with a prefix (hidden)") \
  X(register_man, "__man", none, no, "print the manual page, icsctl.1 (hidden)")                          \
  X(register_settings, "settings", none, no, "set or show the return settings (LA code, ...)")              \
  X(register_settings_set, "settings set", write, no, "set a return setting")                               \
  X(register_settings_show, "settings show", read, no, "show the return settings, or one value")            \
  X(register_config, "config", none, no, "show the configuration in effect (README \"Configuration\")")     \
  X(register_config_show, "config show", read, no,                                                          \
    "show each configured value in effect and where it came from")
// clang-format on

#define ICSCTL_DECLARE(setup, name, access, destructive, help) void setup(CLI::App&, Runner&);
ICSCTL_COMMANDS(ICSCTL_DECLARE)
#undef ICSCTL_DECLARE

const std::vector<CommandSpec>& command_table() {
#define ICSCTL_ROW(setup, name, access, destructive, help) \
  {name, help, Access::access, Destructive::destructive, setup},
  static const std::vector<CommandSpec> k_commands = {ICSCTL_COMMANDS(ICSCTL_ROW)};
#undef ICSCTL_ROW
  return k_commands;
}

}  // namespace icsctl
