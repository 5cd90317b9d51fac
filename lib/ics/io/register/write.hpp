#pragma once
// Writing a register import's rows through store::RegisterWrites: each imported row's child and
// plan (in batches), the folds the matcher found, and after the last row the person ids new to
// the database and the counts of previous plans that must be made again.
#include <ics/io/register/child_updates.hpp>
#include <ics/io/register/match.hpp>
#include <ics/io/register/row.hpp>
#include <ics/plan/template.hpp>
#include <ics/store/register_writes.hpp>
#include <ics/util/calendar.hpp>

#include <cstdint>

namespace ics::io {

class RegisterWriter {
 public:
  // `store` holds the batch the plans (of `plan_template`, due dates by `calendar`) are written in.
  RegisterWriter(store::RegisterWrites& store, const plan::Template& plan_template,
                 const util::Calendar& calendar);

  // Writes the plan of `row`, placed by the matcher: first the placement's folds, then the row's
  // child is created or completed.
  void write(const RegisterRow& row, const ChildMatcher::Placement& placement);
  // After every row: the person ids new to the database, each with its child, and previous_cp_plans
  // counted again where the matcher says so.
  void finish_children(ChildMatcher& matcher);

 private:
  void create_child(const RegisterRow& row, std::int64_t id);
  void fold(const ChildMatcher::Fold& fold);
  void flush();  // the rows batched so far into their tables

  store::RegisterWrites& m_store;
  ChildUpdates m_child_updates;
  const plan::Template& m_template;
  const util::Calendar& m_calendar;
};

}  // namespace ics::io
