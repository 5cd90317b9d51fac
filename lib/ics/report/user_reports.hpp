#pragma once
// A user's own report definitions: NAME.yaml files in a folder (`--reports DIR`, ICSCTL_REPORTS),
// run by the same engine as the shipped ones (README "Writing your own report"). A shipped
// report's name is reserved: a user's file of that name is refused, never run in its place.
#include <ics/api.hpp>
#include <ics/report/definition.hpp>

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::store {
class Database;
}

namespace ics::report {

// Whether a shipped definition (listed or not) is called `name`.
bool is_builtin(std::string_view name);

// The definition files of `dir` (NAME.yaml, not hidden, regular), by name. Throws NotFound when
// `dir` is not a folder.
std::vector<std::filesystem::path> user_report_files(const std::filesystem::path& dir);

// `dir`/NAME.yaml, when it is a file and `name` could be a report's name.
std::optional<std::filesystem::path> find_user_report(const std::filesystem::path& dir,
                                                      std::string_view name);

// Reads a user's definition file as parse_definition does, and besides refuses one whose name is
// not its file's (NAME.yaml) or is a shipped report's, or whose required parameters are not
// among those `icsctl report` gives (as_of, child, year). Does not look at the query.
// Throws InvalidInput "<path>:<line>:<col>: <what>".
Definition read_user_definition(const std::filesystem::path& path);

// read_user_definition, and its query checked (store: one statement that only reads), returning
// the declared columns in their order and using no parameter the definition does not declare.
// Checked against `db`, the database it is to run on, when given; else against an empty database
// of this build's schema. Throws InvalidInput "<path>:<line>:<col>: <what>".
Definition check_user_definition(const std::filesystem::path& path, store::Database* db = nullptr);

}  // namespace ics::report
ICS_API_END
