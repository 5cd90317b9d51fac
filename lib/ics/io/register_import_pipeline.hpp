#pragma once
// Reading and checking the rows of a register export on a second thread while the importing
// thread uses them: parsing and checking a row costs about as much as writing it, so on two cores
// the passes take about as long as the slower half. Rows travel in chunks between the threads and
// the chunks are reused, so memory stays constant however long the file.
#include <ics/io/register_import_input.hpp>
#include <ics/io/register_import_row.hpp>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace ics::io {

// A row as RowChecker found it. The row is read further only when its reference was readable.
struct CheckedRow {
  std::vector<std::string> fields;  // the record as read
  long line = 0;
  std::string ref;
  std::optional<RowIssue> ref_issue;  // RowChecker::read_ref
  std::optional<RowIssue> row_issue;  // RowChecker::read, when the reference was readable
  RegisterRow row;                    // complete when neither issue is set
  std::vector<RowIssue> warnings;
};

class CheckedRows {
 public:
  // Who checks the rows: the reading thread alone, when the caller is busy with every row (it
  // writes them), or both threads a chunk each in turn, when the caller has less to do per row
  // than reading it (then reading and checking keep both cores busy).
  enum class Checkers : std::uint8_t { reading_thread, both_threads };

  // Starts reading the records `reader` has not yet returned (the header already read), checked
  // with `checker`; both must outlive this object.
  CheckedRows(ExportReader& reader, const RowChecker& checker, Checkers checkers);
  // Stops the reading thread (at its next chunk) and waits for it.
  ~CheckedRows();
  CheckedRows(const CheckedRows&) = delete;
  CheckedRows& operator=(const CheckedRows&) = delete;

  // The next row, valid until the next call; nullptr after the last. Rethrows the reading
  // thread's error (an unclosed quote, a failed read) once the rows before it are used.
  const CheckedRow* next();
  // The file's bytes read up to the end of the current row's chunk.
  long long bytes_read() const { return m_bytes_read; }

 private:
  struct Chunk {
    std::vector<CheckedRow> rows;
    std::size_t size = 0;
    long long bytes_read = 0;
    bool checked = false;  // else the caller checks its rows as it takes them
  };
  void produce();
  bool fill(Chunk& chunk);
  void check(CheckedRow& row) const;

  ExportReader& m_reader;
  const RowChecker& m_checker;
  Checkers m_checkers;
  std::vector<std::unique_ptr<Chunk>> m_chunks;

  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<Chunk*> m_free, m_full;  // guarded by m_mutex, as are the three below
  bool m_done = false;
  bool m_stop = false;
  std::exception_ptr m_error;

  Chunk* m_current = nullptr;  // the consumer's
  std::size_t m_position = 0;
  long long m_bytes_read = 0;
  std::thread m_thread;  // last: starts once everything above is ready
};

}  // namespace ics::io
