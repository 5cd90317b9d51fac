#include <ics/io/register_import_pipeline.hpp>

namespace ics::io {

namespace {

constexpr std::size_t k_chunk_rows = 1024;
constexpr std::size_t k_chunks = 4;  // enough that neither thread waits for the other's odd slow row

}  // namespace

CheckedRows::CheckedRows(ExportReader& reader, const RowChecker& checker, Checkers checkers)
    : m_reader(reader), m_checker(checker), m_checkers(checkers) {
  for (std::size_t i = 0; i < k_chunks; ++i) {
    m_chunks.push_back(std::make_unique<Chunk>());
    m_chunks.back()->rows.resize(k_chunk_rows);
    m_free.push_back(m_chunks.back().get());
  }
  m_thread = std::thread([this] { produce(); });
}

CheckedRows::~CheckedRows() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_changed.notify_all();
  m_thread.join();
}

void CheckedRows::check(CheckedRow& out) const {
  out.row_issue.reset();
  out.warnings.clear();
  out.ref_issue = m_checker.read_ref(out.fields, out.line, out.ref);
  if (out.ref_issue) return;
  out.row.ref = out.ref;
  out.row_issue = m_checker.read(out.fields, out.line, out.row, out.warnings);
}

// Fills `chunk` with up to k_chunk_rows rows, checked or not; false when the file ended.
bool CheckedRows::fill(Chunk& chunk) {
  chunk.size = 0;
  while (chunk.size < chunk.rows.size()) {
    CheckedRow& out = chunk.rows[chunk.size];
    if (!m_reader.next(out.fields)) return false;
    ++chunk.size;
    out.line = m_reader.line();
    if (chunk.checked) check(out);
  }
  return true;
}

void CheckedRows::produce() {
  bool check_next = true;
  for (bool more = true; more;) {
    Chunk* chunk = nullptr;
    {
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [this] { return m_stop || !m_free.empty(); });
      if (m_stop) return;
      chunk = m_free.front();
      m_free.pop_front();
    }
    chunk->checked = check_next;
    check_next = m_checkers == Checkers::reading_thread || !check_next;
    std::exception_ptr error;
    try {
      more = fill(*chunk);
    } catch (...) {  // the rows before the error are still delivered, then the error
      error = std::current_exception();
      more = false;
    }
    chunk->bytes_read = m_reader.bytes_read();
    {
      std::lock_guard lock(m_mutex);
      m_full.push_back(chunk);
      m_done = !more;
      m_error = error;
    }
    m_changed.notify_all();
  }
}

const CheckedRow* CheckedRows::next() {
  while (!m_current || m_position == m_current->size) {
    std::unique_lock lock(m_mutex);
    if (m_current) {
      m_free.push_back(m_current);
      m_current = nullptr;
      m_changed.notify_all();
    }
    m_changed.wait(lock, [this] { return m_done || !m_full.empty(); });
    if (m_full.empty()) {
      if (m_error) std::rethrow_exception(m_error);
      return nullptr;
    }
    m_current = m_full.front();
    m_full.pop_front();
    m_position = 0;
    m_bytes_read = m_current->bytes_read;
  }
  CheckedRow& row = m_current->rows[m_position++];
  if (!m_current->checked) check(row);
  return &row;
}

}  // namespace ics::io
