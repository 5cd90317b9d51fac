#include "private_file.hpp"

#include <ics/util/error.hpp>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace icsctl {

PrivateFile::PrivateFile(std::filesystem::path path) : m_path(std::move(path)) {
  m_partial = m_path;
  m_partial += ".part";
  int fd = ::open(m_partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0 || ::fchmod(fd, 0600) != 0)
    throw ics::StorageError(fmt::format("cannot write '{}': {}", m_path.string(), std::strerror(errno)));
  ::close(fd);
  m_stream.open(m_partial, std::ios::binary | std::ios::trunc);
  if (!m_stream)
    throw ics::StorageError(fmt::format("cannot write '{}': {}", m_path.string(), std::strerror(errno)));
}

PrivateFile::~PrivateFile() {
  if (m_committed) return;
  m_stream.close();
  std::error_code ignored;
  std::filesystem::remove(m_partial, ignored);
}

void PrivateFile::commit() {
  m_stream.flush();
  m_stream.close();
  std::error_code error;
  if (!m_stream.good()) error = std::make_error_code(std::errc::io_error);
  if (!error) std::filesystem::rename(m_partial, m_path, error);
  if (error) throw ics::StorageError(fmt::format("cannot write '{}': {}", m_path.string(), error.message()));
  m_committed = true;
}

}  // namespace icsctl
