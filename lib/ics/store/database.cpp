#include <ics/store/audit_chain_writes.hpp>
#include <ics/store/busy_timeout.hpp>
#include <ics/store/database.hpp>
#include <ics/store/queries.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/error.hpp>
#include <ics/util/resources.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

namespace ics::store {

namespace {

struct Migration {
  int version;
  std::string_view path;
  std::string_view sql;
};

// Migrations are schemas/sql/NNNN_name.sql, ordered by NNNN.
std::vector<Migration> migrations() {
  std::vector<Migration> out;
  for (const auto& r : util::resources_under("sql/")) {
    auto file = r.path.substr(4);
    int version = std::atoi(std::string(file.substr(0, 4)).c_str());
    if (version > 0) out.push_back({version, r.path, r.text});
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
  return out;
}

std::atomic<long> g_busy_timeout_ms{k_default_busy_timeout.count()};

int timeout_ms() {
  return static_cast<int>(g_busy_timeout_ms.load());
}

// A new database file: created new, never through a link, owner-only.
void create_owner_only(const std::filesystem::path& path) {
  if (path.has_parent_path() && !std::filesystem::exists(path.parent_path())) {
    std::filesystem::create_directories(path.parent_path());
    std::filesystem::permissions(path.parent_path(), std::filesystem::perms::owner_all);
  }
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) throw StorageError(fmt::format("cannot create '{}': {}", path.string(), std::strerror(errno)));
  ::close(fd);
}

[[noreturn]] void refuse_init(const std::filesystem::path& path, std::string_view what) {
  throw InvalidInput(fmt::format("'{}' {}: init leaves it as it is; give another path", path.string(), what));
}

// An existing file init may migrate: empty, or an SQLite database holding icsctl's schema or none.
// Read without changing anything (read-only, no journal created).
void require_icsctl_file(const std::filesystem::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0)
    throw StorageError(fmt::format("cannot read '{}': {}", path.string(), std::strerror(errno)));
  if (S_ISLNK(st.st_mode)) refuse_init(path, "is a symbolic link");
  if (!S_ISREG(st.st_mode)) refuse_init(path, "is not a regular file");
  if (st.st_size == 0) return;
  constexpr std::string_view k_header{"SQLite format 3\0", 16};
  char header[16] = {};
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  bool sqlite = fd >= 0 && ::read(fd, header, sizeof header) == sizeof header &&
                std::string_view(header, sizeof header) == k_header;
  if (fd >= 0) ::close(fd);
  if (!sqlite) refuse_init(path, "is not an icsctl database (not an SQLite file)");
  bool ours = false;
  try {
    SQLite::Database probe(path.string(), SQLite::OPEN_READONLY, timeout_ms());
    ours = probe
               .execAndGet(
                   "SELECT count(*) = 0 OR count(*) FILTER (WHERE name = 'audit') = 1 "
                   "FROM sqlite_schema WHERE type = 'table'")
               .getInt() != 0;
  } catch (const SQLite::Exception& e) {
    int code = e.getErrorCode() & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
      throw_typed(e, fmt::format("cannot open '{}'", path.string()));
    refuse_init(path, fmt::format("cannot be read as an SQLite database ({})", e.what()));
  }
  if (!ours) refuse_init(path, "is an SQLite database of another program, not an icsctl database");
}

// Process-wide SQLite settings, applied once before the library first initialises. Without memory
// statistics no allocation takes a global mutex (a large import makes millions of them). Connections
// are opened with SQLITE_OPEN_NOMUTEX: each one is used by one thread at a time.
void configure_sqlite_once() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // fails harmlessly if the host already initialised SQLite
    return true;
  }();
  (void)configured;
}

}  // namespace

void set_busy_timeout(std::chrono::milliseconds timeout) {
  g_busy_timeout_ms.store(static_cast<long>(timeout.count()));
}

std::chrono::milliseconds busy_timeout() {
  return std::chrono::milliseconds(g_busy_timeout_ms.load());
}

int latest_schema_version() {
  auto all = migrations();
  return all.empty() ? 0 : all.back().version;
}

Database::Database(const std::filesystem::path& path, int flags) : m_path(path) {
  configure_sqlite_once();
  try {
    m_db = std::make_unique<SQLite::Database>(path.string(), flags | SQLITE_OPEN_NOMUTEX, timeout_ms());
    m_db->exec("PRAGMA foreign_keys = ON");
    // 16 KiB pages (takes effect only on a new, empty file; before WAL, which fixes the size):
    // fewer, fuller b-tree pages make a large import about a fifth faster and scans no slower.
    m_db->exec("PRAGMA page_size = 16384");
    m_db->exec("PRAGMA journal_mode = WAL");
    m_db->exec("PRAGMA synchronous = NORMAL");
    // No memory map: a command reads most pages once and exits, and mapping them costs a page fault
    // and a page-table entry per page, undone at exit (a report on a 1M-plan database: ~100 ms more).
  } catch (const SQLite::Exception& e) {
    throw_typed(e, fmt::format("cannot open '{}'", path.string()));
  }
}

Database::Database(const std::filesystem::path& path, OpenMode mode)
    : Database((std::filesystem::exists(path)
                    ? path
                    : throw NoDatabase(
                          fmt::format("no database at '{}': run 'icsctl init' to create it", path.string()))),
               SQLite::OPEN_READWRITE) {
  // Readers open read-write too (a WAL database needs its -shm file) but may not change anything.
  if (mode == OpenMode::read) m_db->exec("PRAGMA query_only = ON");
  int version = schema_version();
  if (version == 0)
    throw StorageError(fmt::format("'{}' is not an icsctl database: run 'icsctl init'", path.string()));
  if (version > latest_schema_version())
    throw StorageError(fmt::format("'{}' has schema version {}, newer than this icsctl knows ({})",
                                   path.string(), version, latest_schema_version()));
  if (version < latest_schema_version())
    throw StorageError(fmt::format("'{}' has schema version {}: run 'icsctl db migrate' to reach {}",
                                   path.string(), version, latest_schema_version()));
}

Database::~Database() = default;

// Refuses (InvalidInput), changing nothing, a path that is a symbolic link, not a regular file, or a
// file that is neither empty nor an icsctl database (one with an empty schema counts as one not yet
// migrated); creates a missing file new (O_EXCL, O_NOFOLLOW), owner-only.
int Database::init(const std::filesystem::path& path, const AuditContext& context) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 && errno == ENOENT)
    create_owner_only(path);
  else
    require_icsctl_file(path);
  Database db(path, SQLite::OPEN_READWRITE);
  return db.migrate(context);
}

int Database::schema_version() const {
  return m_db->execAndGet("PRAGMA user_version").getInt();
}

int Database::migrate(const AuditContext& context) {
  int applied = 0;
  int current = schema_version();
  for (const auto& m : migrations()) {
    if (m.version <= current) continue;
    try {
      WriteTransaction tx(*this, context);  // rolls back if anything below throws
      m_db->exec(std::string(m.sql));
      m_db->exec(fmt::format("PRAGMA user_version = {}", m.version));
      auto image = fmt::format(R"({{"schema_version":{},"migration":"{}"}})", m.version, m.path);
      if (m.version == k_chain_schema_version)
        seal_what_came_before(tx, image);  // its own audit record holds the digest of the unaudited rows
      else
        tx.audit("database", std::nullopt, image);
      tx.commit();
    } catch (const SQLite::Exception& e) {
      throw_typed(e, fmt::format("migration {} failed", m.path));
    }
    ++applied;
  }
  return applied;
}

void Database::reset_queries() {
  for (auto& [name, statement] : m_statements) statement->tryReset();
}

SQLite::Statement& Database::query(std::string_view name) {
  auto it = m_statements.find(name);
  if (it == m_statements.end()) {
    try {
      auto stmt = std::make_unique<SQLite::Statement>(*m_db, named_query(name));
      it = m_statements.emplace(std::string(name), std::move(stmt)).first;
    } catch (const SQLite::Exception& e) {
      throw_typed(e, fmt::format("query '{}'", name));
    }
  }
  // tryReset: an error of the statement's last run was reported by that run; reset() would throw
  // it again here, at the next, unrelated one.
  it->second->tryReset();
  it->second->clearBindings();
  return *it->second;
}

SQLite::Statement& statement(Database& db, std::string_view name) {
  return db.query(name);
}

SQLite::Database& connection(Database& db) {
  return *db.m_db;
}

}  // namespace ics::store
