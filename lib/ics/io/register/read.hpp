#pragma once
// Reading and checking the rows of a register export, and matching them to children as they come
// (ChildMatcher), on a second thread while the calling thread writes them: on two cores the import
// takes about as long as the slower half. This unit owns the threads and every prefetch the import
// makes. Rows travel in chunks between the threads and the chunks are reused, so their memory
// stays constant however long the file; the references seen so far (to refuse a repeated one)
// take ~25 bytes a row.
#include <ics/io/mapping.hpp>
#include <ics/io/register/input.hpp>
#include <ics/io/register/keys.hpp>
#include <ics/io/register/match.hpp>
#include <ics/io/register/row.hpp>
#include <ics/util/sha256.hpp>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <istream>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace ics::io {

// A row as it was read, checked and matched. It is read further only when its reference was
// readable, and matched only when its plan is to be imported.
struct CheckedRow {
  std::vector<std::string> fields;  // the record as read
  long line = 0;
  std::string ref;
  std::optional<RowIssue> ref_issue;  // RowChecker::read_ref, or the reference repeats an earlier row's
  bool already_imported = false;      // the database holds the plan of this reference (ref_issue unset)
  std::optional<RowIssue> row_issue;  // RowChecker::read, when the reference was readable
  RegisterRow row;                    // complete when neither issue is set
  std::vector<RowIssue> warnings;
  ChildMatcher::Placement placement;  // where the plan goes, when imported
};

class CheckedRows {
 public:
  struct Source {
    std::istream* input = nullptr;  // seekable: read from its start, and measured
    std::string file_name{};        // for messages
    const Mapping* mapping = nullptr;
    util::Date today{};
    std::vector<std::string> categories{};  // the template's (empty: any)
  };
  // Reads the header and starts reading the rows on a second thread; every row to import is
  // placed by `matcher`, which must outlive this object. Throws InvalidInput for a file with no
  // header or a mapped column missing from it.
  CheckedRows(const Source& source, ChildMatcher& matcher);
  // Stops the reading thread (at its next chunk) and waits for it.
  ~CheckedRows();
  CheckedRows(const CheckedRows&) = delete;
  CheckedRows& operator=(const CheckedRows&) = delete;

  // The next row, valid until the next call; nullptr after the last. Rethrows the reading
  // thread's error (an unclosed quote, a failed read) once the rows before it are used.
  const CheckedRow* next();
  // The file's bytes read up to the end of the current row's chunk, and its size.
  long long bytes_read() const { return m_bytes_read; }
  long long total_bytes() const { return m_total_bytes; }
  // The file's SHA-256 (hex), once next() has returned nullptr.
  std::string sha256() const { return m_hash.hex_digest(); }

 private:
  struct Chunk {
    std::vector<CheckedRow> rows;
    std::size_t size = 0;
    long long bytes_read = 0;
    std::size_t expected_rows = 0;  // as known when the chunk was read
  };
  void measure_input();
  void produce();
  bool fill(Chunk& chunk);
  void check(CheckedRow& row) const;
  void refuse_repeated_refs(std::span<CheckedRow> rows);
  void refuse_if_repeated(CheckedRow& row);
  void match_all(std::span<CheckedRow> rows, std::size_t expected_rows);
  void match(CheckedRow& row, std::size_t expected_rows);
  void fetch_ahead() const;

  Source m_source;
  long long m_total_bytes = 0;
  util::Sha256 m_hash;
  std::optional<ExportReader> m_reader;
  std::optional<RowChecker> m_checker;
  ChildMatcher& m_matcher;
  bool m_match_while_reading;
  bool m_matcher_sized = false;  // by the thread that matches
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
