#pragma once
// Reading and checking the rows of a register export on a second thread while the importing
// thread writes them: on two cores the import takes about as long as the slower half. Rows travel
// in chunks between the threads and the chunks are reused, so their memory stays constant however
// long the file; the references seen so far (to refuse a repeated one) take ~25 bytes a row.
#include <ics/io/register/input.hpp>
#include <ics/io/register/keys.hpp>
#include <ics/io/register/match.hpp>
#include <ics/io/register/row.hpp>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace ics::io {

// How many rows to make room for in a file of `total_bytes`, when its first `rows` rows took
// `bytes`: a quarter more than that rate gives, or 0 when unknown. For sizing tables once rather
// than growing them (and moving every key) again and again. The margin is for rows longer than
// the first ones (the generator's 1M-row export holds 4% more rows than its first 2048 suggest):
// a table outgrown near the end is moved while the importing thread waits (~0.1 s), and room
// reserved but never written costs no memory.
std::size_t expected_rows(long long total_bytes, long long bytes, long rows);

// A row as RowChecker found it. The row is read further only when its reference was readable.
struct CheckedRow {
  std::vector<std::string> fields;  // the record as read
  long line = 0;
  std::string ref;
  std::optional<RowIssue> ref_issue;  // RowChecker::read_ref, or the reference repeats an earlier row's
  std::optional<RowIssue> row_issue;  // RowChecker::read, when the reference was readable
  RegisterRow row;                    // complete when neither issue is set
  std::vector<RowIssue> warnings;
  ChildMatcher::Placement placement;  // when a hook matched the row on the reading thread
};

class CheckedRows {
 public:
  // Work done on the reading thread on each chunk of rows once they are checked, in file order;
  // `expected_rows` is how many rows the file seems to hold (0 until a few thousand are read).
  using Hook = std::function<void(std::span<CheckedRow> rows, std::size_t expected_rows)>;

  // Starts reading the records `reader` has not yet returned (the header already read), checked
  // with `checker`; both must outlive this object. `total_bytes`, the file's size when known,
  // sizes the table of references.
  CheckedRows(ExportReader& reader, const RowChecker& checker, long long total_bytes = 0, Hook hook = {});
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
  };
  void produce();
  bool fill(Chunk& chunk);
  void check(CheckedRow& row) const;
  void refuse_repeated_refs(std::span<CheckedRow> rows);
  void refuse_if_repeated(CheckedRow& row);
  void fetch_ahead() const;

  ExportReader& m_reader;
  const RowChecker& m_checker;
  long long m_total_bytes;
  Hook m_hook;
  std::size_t m_expected_rows = 0;
  KeyIndex m_refs;  // the reading thread's: every reference read, and the line of its first row
  std::vector<std::uint32_t> m_first_line;
  long m_rows = 0;
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
