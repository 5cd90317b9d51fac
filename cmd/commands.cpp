#include "command.hpp"

#include <vector>

namespace icsctl {

void register_init(CLI::App&, Runner&);
void register_add_child(CLI::App&, Runner&);
void register_open_plan(CLI::App&, Runner&);
void register_assign_action(CLI::App&, Runner&);
void register_complete_action(CLI::App&, Runner&);
void register_cancel_action(CLI::App&, Runner&);
void register_record_review(CLI::App&, Runner&);
void register_close_plan(CLI::App&, Runner&);
void register_show(CLI::App&, Runner&);
void register_list(CLI::App&, Runner&);
void register_report(CLI::App&, Runner&);
void register_export(CLI::App&, Runner&);
void register_templates(CLI::App&, Runner&);
void register_db(CLI::App&, Runner&);
void register_log(CLI::App&, Runner&);
void register_import(CLI::App&, Runner&);

const char* help_group(Access access) {
  switch (access) {
    case Access::write: return "Commands that change the database";
    case Access::read: return "Commands that read the database";
    default: return "Administration";
  }
}

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> k_commands = {
      {"init", "create the database, or bring its schema up to date", Access::write, register_init},
      {"add-child", "add a child; prints the new child id", Access::write, register_add_child},
      {"open-plan", "open a plan from a template; prints the plan id", Access::write, register_open_plan},
      {"assign-action", "add an action to a plan; prints the action id", Access::write,
       register_assign_action},
      {"complete-action", "mark an action done", Access::write, register_complete_action},
      {"cancel-action", "cancel an action, with a reason", Access::write, register_cancel_action},
      {"record-review", "record a review conference, core group or visit", Access::write,
       register_record_review},
      {"close-plan", "end a plan; its open actions are cancelled", Access::write, register_close_plan},
      {"show", "show one child, plan, action or review by id", Access::read, register_show},
      {"list", "list children, plans or actions", Access::read, register_list},
      {"report", "run a named report", Access::read, register_report},
      {"import", "import a legacy register export, or children, plans, actions or reviews in bulk",
       Access::write, register_import},
      {"export", "export children, plans, actions, reviews or all of them", Access::read, register_export},
      {"templates", "list, show or check plan templates", Access::none, register_templates},
      {"db", "check, back up or migrate the database", Access::varies, register_db},
      {"log", "show the audit trail", Access::read, register_log},
  };
  return k_commands;
}

}  // namespace icsctl
