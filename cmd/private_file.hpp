#pragma once
// Every file icsctl creates, in one place. A file for the user (rejects, --out, a backup) is written
// under a temporary name beside it and renamed into place only when complete; a temporary of icsctl's
// own has no name at all once created. Either is created new (O_CREAT | O_EXCL | O_NOFOLLOW |
// O_CLOEXEC), owner-only (0600), under a name with a random part (getrandom): nothing planted in a
// shared folder (a symbolic link, a file of someone else's) is ever opened, followed or written.
#include <ext/stdio_filebuf.h>

#include <filesystem>
#include <iostream>
#include <memory>

namespace icsctl {

class PrivateFile {
 public:
  // What commit() does when a file is already at the path: a report or an export replaces it (as a
  // shell's `>` would, but by rename: the old file is never opened); a backup refuses to.
  enum class Existing { replace, refuse };

  // Refuses (ics::InvalidInput) a path that is a symbolic link or anything but a regular file, or that
  // exists at all with Existing::refuse. Removes the temporaries of `path` left by a killed run (named
  // `NAME.icsctl-RANDOM.part`, owned by us and no longer locked by a live run), then creates its own.
  explicit PrivateFile(std::filesystem::path path, Existing existing = Existing::replace);
  ~PrivateFile();  // removes the temporary unless committed
  PrivateFile(const PrivateFile&) = delete;
  PrivateFile& operator=(const PrivateFile&) = delete;

  std::ostream& stream() { return m_stream; }
  // For a writer that opens the file by name itself (libxlsxwriter, SQLite): a name of the open
  // temporary itself (/proc/self/fd/N), whatever happens to its entry in the folder meanwhile.
  std::filesystem::path reopen_path() const;
  // Flushes, syncs and renames the file into place; throws StorageError when that fails.
  void commit();

 private:
  std::filesystem::path m_path;
  std::filesystem::path m_temporary;
  Existing m_existing;
  int m_fd = -1;
  std::unique_ptr<__gnu_cxx::stdio_filebuf<char>> m_buffer;
  std::ostream m_stream{nullptr};
  bool m_committed = false;
};

// A temporary file with no name, to read and write: created in the temporary folder ($TMPDIR, else
// /tmp) as above and unlinked at once, so that nothing of it outlives the process, however it ends.
class AnonymousFile : public std::iostream {
 public:
  explicit AnonymousFile(const char* purpose);  // names it in an error: "a copy of standard input"
  ~AnonymousFile() override;

 private:
  std::unique_ptr<__gnu_cxx::stdio_filebuf<char>> m_buffer;
};

}  // namespace icsctl
