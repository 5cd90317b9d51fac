#pragma once
// The database's files on disk (the database and SQLite's -wal, -shm and -journal beside it): each
// must be the user's own and closed to group and others. A file someone else owns could be read by
// them or hold pages they planted (a -wal or hot -journal is replayed into the database on open);
// one open to group or others lets them read the records or write into them.
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace icsctl {

class Session;

struct LooseFile {
  std::filesystem::path file;
  std::string problem;  // "is readable by group and others (mode 0644)"
  std::string fix;      // "chmod 600 'ics.db'"
};

// The database's files that exist and are not owner-only files of the effective user. The database
// may be reached through a symbolic link of the user's making (its target is looked at), unless
// `follow_link` is false (for init, which refuses a link itself: a link is then not looked at).
std::vector<LooseFile> loose_database_files(const std::filesystem::path& database, bool follow_link = true);

// One line about a loose file: "'ics.db' is readable by others (mode 0644): chmod 600 'ics.db'".
std::string describe(const LooseFile& loose);

// `db check`'s part: prints a line for each loose file to `out` and returns how many there were;
// without --allow-shared, any at all end the check there (StorageError), before the database is opened.
size_t check_database_files(const Session& session, std::ostream& out);

// Before the database is opened or created: refuses its loose files (StorageError naming each and
// its fix), or with --allow-shared warns about each on stderr and goes on.
void guard_database_files(const Session& session, bool follow_link = true);

}  // namespace icsctl
