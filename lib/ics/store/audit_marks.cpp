#include <ics/store/audit_marks.hpp>
#include <ics/store/sqlite.hpp>

#include <string>
#include <variant>

namespace ics::store {

std::int64_t audit_mark(Database& db) {
  util::RowBuffer rows;
  run_named(db, "audit_mark", {}, rows);
  const auto& value = rows.rows().at(0).at(0);
  if (const auto* seq = std::get_if<std::int64_t>(&value)) return *seq;
  if (const auto* text = std::get_if<std::string>(&value)) return std::stoll(*text);
  return 0;
}

void audit_since(Database& db, std::int64_t mark, util::RowSink& sink) {
  run_named(db, "audit_since", {{"mark", mark}}, sink);
}

}  // namespace ics::store
