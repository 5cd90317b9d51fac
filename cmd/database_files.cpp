#include "database_files.hpp"

#include "session.hpp"

#include <ics/util/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include <ostream>

namespace icsctl {

namespace {

std::string owner_name(uid_t uid) {
  if (const passwd* pw = ::getpwuid(uid); pw && pw->pw_name)
    return fmt::format("'{}' (uid {})", pw->pw_name, uid);
  return fmt::format("uid {}", uid);
}

std::string who_may(mode_t mode, mode_t group_bits, mode_t other_bits) {
  bool group = mode & group_bits, others = mode & other_bits;
  return group && others ? "group and others" : group ? "group" : "others";
}

}  // namespace

std::vector<LooseFile> loose_database_files(const std::filesystem::path& database, bool follow_link) {
  std::vector<LooseFile> loose;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::path file = database.string() + suffix;
    auto quoted = fmt::format("'{}'", file.string());
    struct stat st {};
    int found = *suffix || !follow_link ? ::lstat(file.c_str(), &st) : ::stat(file.c_str(), &st);
    if (found != 0) continue;
    if (S_ISLNK(st.st_mode) && !*suffix) continue;
    if (S_ISLNK(st.st_mode)) {
      loose.push_back({file, "is a symbolic link", fmt::format("remove it: rm {}", quoted)});
      continue;
    }
    if (st.st_uid != ::geteuid()) {
      loose.push_back({file, fmt::format("is owned by {}, not by you", owner_name(st.st_uid)),
                       *suffix ? fmt::format("if no icsctl is using the database, remove it: rm {}", quoted)
                               : fmt::format("use a copy of your own: cp {} NEW && chmod 600 NEW", quoted)});
      continue;
    }
    mode_t mode = st.st_mode & 07777;
    std::vector<std::string> access;
    if (mode & (S_IRGRP | S_IROTH)) access.push_back("readable by " + who_may(mode, S_IRGRP, S_IROTH));
    if (mode & (S_IWGRP | S_IWOTH)) access.push_back("writable by " + who_may(mode, S_IWGRP, S_IWOTH));
    if (mode & (S_IXGRP | S_IXOTH) && access.empty()) access.push_back("open to group or others");
    if (access.empty()) continue;
    loose.push_back({file, fmt::format("is {} (mode {:04o})", fmt::join(access, " and "), mode),
                     fmt::format("chmod 600 {}", quoted)});
  }
  return loose;
}

std::string describe(const LooseFile& loose) {
  return fmt::format("'{}' {}: {}", loose.file.string(), loose.problem, loose.fix);
}

size_t check_database_files(const Session& session, std::ostream& out) {
  auto loose = loose_database_files(session.db_path());
  for (const auto& file : loose) out << describe(file) << '\n';
  if (!loose.empty() && !session.allow_shared())
    throw ics::StorageError(
        fmt::format("{} problem{} found; the database was not opened (fix them, or give --allow-shared to "
                    "check the rest)",
                    loose.size(), loose.size() == 1 ? "" : "s"));
  return loose.size();
}

void guard_database_files(const Session& session, bool follow_link) {
  auto loose = loose_database_files(session.db_path(), follow_link);
  if (loose.empty()) return;
  if (session.allow_shared()) {
    for (const auto& file : loose) session.warn(describe(file) + " (going on: --allow-shared)");
    return;
  }
  std::string message =
      fmt::format("refusing to open '{}': another user could read, change or replace its files:",
                  session.db_path().string());
  for (const auto& file : loose) message += "\n  " + describe(file);
  message += "\nfix each as shown, or give --allow-shared if sharing them is meant";
  throw ics::StorageError(message);
}

}  // namespace icsctl
