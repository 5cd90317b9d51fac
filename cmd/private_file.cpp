#include "private_file.hpp"

#include <ics/util/error.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace icsctl {

namespace {

constexpr std::string_view k_marker = ".icsctl-";  // NAME.icsctl-RANDOM.part
constexpr std::string_view k_suffix = ".part";
constexpr size_t k_random_digits = 16;
constexpr int k_create_flags = O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;

std::string random_suffix() {
  std::uint64_t bits = 0;
  auto* at = reinterpret_cast<unsigned char*>(&bits);
  for (size_t got = 0; got < sizeof bits;) {
    ssize_t n = ::getrandom(at + got, sizeof bits - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw ics::StorageError(fmt::format("cannot draw a random name: {}", std::strerror(errno)));
    got += static_cast<size_t>(n);
  }
  return fmt::format("{:016x}", bits);
}

[[noreturn]] void cannot(std::string_view what, const std::filesystem::path& path) {
  throw ics::StorageError(fmt::format("cannot {} '{}': {}", what, path.string(), std::strerror(errno)));
}

std::filesystem::path folder_of(const std::filesystem::path& path) {
  return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

// A path where a file is to be written: nothing there, or a regular file (never followed).
void require_writable_path(const std::filesystem::path& path, PrivateFile::Existing existing) {
  if (!path.has_filename()) throw ics::InvalidInput(fmt::format("'{}' is not a file name", path.string()));
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return;
    cannot("write", path);
  }
  if (S_ISLNK(st.st_mode))
    throw ics::InvalidInput(fmt::format(
        "'{}' is a symbolic link: icsctl does not write through links; remove it or give another path",
        path.string()));
  if (!S_ISREG(st.st_mode))
    throw ics::InvalidInput(fmt::format("'{}' exists and is not a regular file", path.string()));
  if (existing == PrivateFile::Existing::refuse)
    throw ics::InvalidInput(fmt::format("'{}' already exists: give a new file name", path.string()));
}

bool is_temporary_of(std::string_view entry, std::string_view target) {
  if (entry.size() != target.size() + k_marker.size() + k_random_digits + k_suffix.size()) return false;
  if (!entry.starts_with(target) || !entry.ends_with(k_suffix)) return false;
  auto middle = entry.substr(target.size());
  if (!middle.starts_with(k_marker)) return false;
  auto digits = middle.substr(k_marker.size(), k_random_digits);
  return digits.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// Removes what a killed run left of `target`'s temporaries: a file of ours whose writer, were it
// alive, would hold its lock. Anything else by that name (a link, someone else's file) is left alone.
void remove_stale_temporaries(const std::filesystem::path& target) {
  DIR* dir = ::opendir(folder_of(target).c_str());
  if (!dir) return;  // creating the temporary will say what is wrong with the folder
  std::string name = target.filename().string();
  while (const dirent* entry = ::readdir(dir)) {
    if (!is_temporary_of(entry->d_name, name)) continue;
    int fd = ::openat(::dirfd(dir), entry->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() &&
        ::flock(fd, LOCK_EX | LOCK_NB) == 0)
      ::unlinkat(::dirfd(dir), entry->d_name, 0);
    ::close(fd);
  }
  ::closedir(dir);
}

}  // namespace

PrivateFile::PrivateFile(std::filesystem::path path, Existing existing)
    : m_path(std::move(path)), m_existing(existing) {
  require_writable_path(m_path, m_existing);
  remove_stale_temporaries(m_path);
  m_temporary = folder_of(m_path) /
                fmt::format("{}{}{}{}", m_path.filename().string(), k_marker, random_suffix(), k_suffix);
  m_fd = ::open(m_temporary.c_str(), O_RDWR | k_create_flags, 0600);
  if (m_fd < 0) cannot("write", m_path);
  // Held until the file is renamed or removed: tells a later run that this temporary is not stale.
  if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0 || ::fchmod(m_fd, 0600) != 0) {
    int saved = errno;
    ::unlink(m_temporary.c_str());
    ::close(m_fd);
    errno = saved;
    cannot("write", m_path);
  }
  m_buffer = std::make_unique<__gnu_cxx::stdio_filebuf<char>>(::dup(m_fd), std::ios::out | std::ios::binary);
  if (!m_buffer->is_open()) {
    ::unlink(m_temporary.c_str());
    ::close(m_fd);
    cannot("write", m_path);
  }
  m_stream.rdbuf(m_buffer.get());
}

PrivateFile::~PrivateFile() {
  m_buffer.reset();
  if (!m_committed) ::unlink(m_temporary.c_str());
  ::close(m_fd);  // releases the lock only now that the temporary is gone or in place
}

std::filesystem::path PrivateFile::reopen_path() const {
  return fmt::format("/proc/self/fd/{}", m_fd);
}

void PrivateFile::commit() {
  m_stream.flush();
  if (!m_stream.good() || m_buffer->close() == nullptr)
    throw ics::StorageError(fmt::format("cannot write '{}'", m_path.string()));
  if (::fsync(m_fd) != 0) cannot("write", m_path);
  if (m_existing == Existing::refuse) {
    if (::renameat2(AT_FDCWD, m_temporary.c_str(), AT_FDCWD, m_path.c_str(), RENAME_NOREPLACE) != 0) {
      if (errno == EEXIST)
        throw ics::InvalidInput(fmt::format("'{}' already exists: give a new file name", m_path.string()));
      cannot("write", m_path);
    }
  } else if (::rename(m_temporary.c_str(), m_path.c_str()) != 0) {
    cannot("write", m_path);
  }
  m_committed = true;
}

AnonymousFile::AnonymousFile(const char* purpose) : std::iostream(nullptr) {
  const char* tmpdir = std::getenv("TMPDIR");
  std::filesystem::path folder = tmpdir && *tmpdir ? tmpdir : "/tmp";
  auto path = folder / fmt::format("icsctl{}{}{}", k_marker, random_suffix(), k_suffix);
  int fd = ::open(path.c_str(), O_RDWR | k_create_flags, 0600);
  if (fd < 0)
    throw ics::StorageError(
        fmt::format("cannot create {} in '{}': {}", purpose, folder.string(), std::strerror(errno)));
  ::unlink(path.c_str());
  m_buffer =
      std::make_unique<__gnu_cxx::stdio_filebuf<char>>(fd, std::ios::in | std::ios::out | std::ios::binary);
  rdbuf(m_buffer.get());
}

AnonymousFile::~AnonymousFile() = default;

}  // namespace icsctl
