#pragma once
// The filter options of lists and reports (--agency, --child, --due-before, ...; report/filters.hpp),
// turned into the bound parameters of the definition that runs (README "Choosing columns and rows").
#include <ics/report/definition.hpp>
#include <ics/store/rows.hpp>

#include <map>
#include <string>
#include <string_view>

namespace CLI {
class App;
}
namespace ics::store {
class Database;
}

namespace icsctl {

class Session;

// Each filter's value as typed, by the filter's name ("" when not given).
struct FilterOptions {
  std::map<std::string, std::string, std::less<>> given;
};

// Adds every filter option to `app`, its value kept in `options` (which must outlive parsing).
void add_filter_options(CLI::App& app, FilterOptions& options);

// A usage error naming the filters `command` ("report reviews-due", "list plans") takes when a
// filter given is not one of `def`'s. Made before the database is opened.
void check_filters(const ics::report::Definition& def, const FilterOptions& options,
                   std::string_view command);

// Each filter given, into `params` as `def` binds it: a child resolved to its number, a date read as
// every date option reads one (args.hpp), other values checked (report/filters.hpp). A filter that
// `def` does not accept is check_filters' usage error.
void add_filter_params(const Session& s, ics::store::Database& db, const ics::report::Definition& def,
                       const FilterOptions& options, std::string_view command, ics::store::Params& params);

// The options of `def`'s filters, space-separated, with the values of those that list them
// ("--worker --team --status=ok|due-soon|overdue"), for `report --list` and messages.
std::string filter_options_of(const ics::report::Definition& def);

}  // namespace icsctl
