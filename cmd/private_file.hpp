#pragma once
// An output file that holds personal data: written owner-only (0600) under a temporary name and put
// in place only when complete, so a failed or interrupted run leaves no partial file behind.
#include <filesystem>
#include <fstream>

namespace icsctl {

class PrivateFile {
 public:
  explicit PrivateFile(std::filesystem::path path);
  ~PrivateFile();  // removes the temporary file unless committed
  PrivateFile(const PrivateFile&) = delete;
  PrivateFile& operator=(const PrivateFile&) = delete;

  std::ofstream& stream() { return m_stream; }
  // The owner-only temporary the file is written as, for a writer that opens files by name
  // (libxlsxwriter): it truncates the file and keeps its mode.
  const std::filesystem::path& partial_path() const { return m_partial; }
  // Flushes and renames the file into place; throws StorageError when that fails.
  void commit();

 private:
  std::filesystem::path m_path;
  std::filesystem::path m_partial;
  std::ofstream m_stream;
  bool m_committed = false;
};

}  // namespace icsctl
