#pragma once
// Ofsted's Annex A lists that icsctl holds the data for (returns-spec §2.3): 3 referrals, 4
// assessments, 5 section 47 enquiries and initial conferences, 6 children in need, 7 child
// protection. Each list is a report definition, schemas/reports/annex-a-N.yaml (not listed by
// `report --list`), whose columns carry Annex A's headers and codings.
#include <ics/api.hpp>
#include <ics/util/date.hpp>
#include <ics/util/rows.hpp>

#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::store {
class Database;
}

namespace ics::returns {

struct AnnexAList {
  int number;                   // Ofsted's list number
  std::string_view sheet;       // the workbook's sheet name, e.g. "List 3"
  std::string_view definition;  // the report definition, e.g. "annex-a-3"
};

const std::vector<AnnexAList>& annex_a_lists();  // in list order
// List `number`; throws InvalidInput naming `field` for a list icsctl does not write.
const AnnexAList& annex_a_list(int number, std::string_view field);

// How a list's columns are named: Annex A's own headers ("Child Unique ID"), or the definition's
// snake_case names (the keys of the json and ndjson formats).
enum class Headings { annex_a, snake_case };

// The rows of `list` for the window [from, to] (to is also the extract date: ages, statuses) into
// `sink`, values in Annex A's codings. Throws InvalidInput when `to` is before `from`.
void write_annex_a_list(store::Database& db, const AnnexAList& list, util::Date from, util::Date to,
                        Headings headings, util::RowSink& sink);

}  // namespace ics::returns
ICS_API_END
