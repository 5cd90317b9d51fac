#include <ics/io/register/read.hpp>
#include <ics/util/error.hpp>
#include <ics/util/text.hpp>

#include <fmt/format.h>
#include <algorithm>

namespace ics::io {

namespace {

constexpr std::size_t k_chunk_rows = 1024;
constexpr std::size_t k_chunks = 4;   // enough that neither thread waits for the other's odd slow row
constexpr long k_sample_rows = 2048;  // rows read before sizing the table of references
constexpr std::size_t k_ref_bytes = 12;
// How far ahead of the row it returns next() fetches rows, and their texts half as far.
constexpr std::size_t k_fetch_ahead = 8;
// How far ahead of the row it visits visit_fetching_ahead fetches the keys of a lookup.
constexpr std::size_t k_lookup_ahead = 16;

// Visits items 0 .. count-1 in order, having called `fetch` (KeyIndex::prefetch, say) for item
// i + k_lookup_ahead before visiting item i. The lookups of a table far bigger than the caches
// then wait on memory a few at a time, side by side with the work on earlier items: one by one
// each waits in full, and all of a thousand at once stall on the CPU's limit of misses in flight.
template <class Fetch, class Visit>
void visit_fetching_ahead(std::size_t count, Fetch fetch, Visit visit) {
  for (std::size_t i = 0; i < std::min(count, k_lookup_ahead); ++i) fetch(i);
  for (std::size_t i = 0; i < count; ++i) {
    if (i + k_lookup_ahead < count) fetch(i + k_lookup_ahead);
    visit(i);
  }
}

std::string_view nhs_of(const RegisterRow& row) {
  return row.nhs_number ? std::string_view(*row.nhs_number) : std::string_view();
}

// A row whose plan is to be imported, unless the database already holds it.
bool importable(const CheckedRow& row) {
  return !row.ref_issue && !row.row_issue;
}

void prefetch_text(const std::string& text) {
  __builtin_prefetch(text.data());
}
void prefetch_text(const std::optional<std::string>& text) {
  if (text) prefetch_text(*text);
}

// A row's own bytes: its fields as checked, where the texts too long to live in the row are.
void prefetch_texts(const RegisterRow& row) {
  for (const auto* text : {&row.ref, &row.child_ref, &row.family_name, &row.given_names, &row.category})
    prefetch_text(*text);
  for (const auto* text :
       {&row.nhs_number, &row.upn, &row.end_reason, &row.legacy_end_reason, &row.lead_worker, &row.team})
    prefetch_text(*text);
}

// How many rows to make room for in a file of `total_bytes`, when its first `rows` rows took
// `bytes`: a quarter more than that rate gives, or 0 when unknown. For sizing tables once rather
// than growing them (and moving every key) again and again. The margin is for rows longer than
// the first ones (the generator's 1M-row export holds 4% more rows than its first 2048 suggest):
// a table outgrown near the end is moved while the importing thread waits, and room reserved but
// never written costs no memory.
std::size_t rows_to_expect(long long total_bytes, long long bytes, long rows) {
  if (total_bytes <= 0 || bytes <= 0) return 0;
  return static_cast<std::size_t>(1.25 * static_cast<double>(total_bytes) / static_cast<double>(bytes) *
                                  static_cast<double>(rows));
}

}  // namespace

CheckedRows::CheckedRows(const Source& source, ChildMatcher& matcher)
    : m_source(source),
      m_matcher(matcher),
      // The rows are matched on the reading thread, beside the checks, when matching asks the
      // database nothing (an empty database): the calling thread then only writes. Otherwise on
      // the calling thread, the one that uses the connection (one thread per connection).
      m_match_while_reading(!matcher.uses_database()) {
  measure_input();
  m_reader.emplace(*m_source.input, m_source.mapping->encoding, &m_hash);
  std::vector<std::string> header;
  if (!m_reader->next(header)) throw InvalidInput("file", m_source.file_name, "has no header row");
  m_checker.emplace(*m_source.mapping, header, m_source.today, m_source.categories);
  for (std::size_t i = 0; i < k_chunks; ++i) {
    m_chunks.push_back(std::make_unique<Chunk>());
    m_chunks.back()->rows.resize(k_chunk_rows);
    m_free.push_back(m_chunks.back().get());
  }
  m_thread = std::thread([this] { produce(); });
}

// Reads the input from its start, and measures it for progress.
void CheckedRows::measure_input() {
  auto& in = *m_source.input;
  in.clear();
  in.seekg(0, std::ios::end);
  m_total_bytes = std::max<long long>(0, static_cast<long long>(in.tellg()));
  in.seekg(0);
  if (!in) throw StorageError(fmt::format("cannot read '{}' from its start", m_source.file_name));
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
  out.ref_issue = m_checker->read_ref(out.fields, out.line, out.ref);
  if (out.ref_issue) return;
  out.row.ref = out.ref;
  out.row_issue = m_checker->read(out.fields, out.line, out.row, out.warnings);
}

// A row whose reference an earlier row has is refused for that alone (the earlier row wins, even
// when it is itself rejected).
void CheckedRows::refuse_repeated_refs(std::span<CheckedRow> rows) {
  auto fetch = [&](std::size_t i) {
    if (!rows[i].ref_issue) m_refs.prefetch(rows[i].ref);
  };
  visit_fetching_ahead(rows.size(), fetch, [&](std::size_t i) { refuse_if_repeated(rows[i]); });
}

void CheckedRows::refuse_if_repeated(CheckedRow& row) {
  if (row.ref_issue) return;
  if (++m_rows == k_sample_rows) {
    m_expected_rows = rows_to_expect(m_total_bytes, m_reader->bytes_read(), m_rows);
    m_refs.reserve(m_expected_rows, k_ref_bytes);
    m_first_line.reserve(m_expected_rows);
  }
  bool added = false;
  std::uint32_t id = m_refs.intern(row.ref, added);
  if (added) {
    m_first_line.push_back(static_cast<std::uint32_t>(row.line));
    return;
  }
  row.ref_issue = RowIssue{.rejected = true,
                           .line = row.line,
                           .ref = util::escape_text(row.ref),
                           .field = "ref",
                           .value = util::escape_text(row.ref),
                           .reason = "already appears on line " + std::to_string(m_first_line[id])};
  row.row_issue.reset();
  row.warnings.clear();
}

// Fills `chunk` with up to k_chunk_rows rows, checked; false when the file ended. A reading
// error is thrown after the rows before it are checked.
bool CheckedRows::fill(Chunk& chunk) {
  chunk.size = 0;
  bool more = true;
  std::exception_ptr error;
  try {
    while (chunk.size < chunk.rows.size()) {
      CheckedRow& out = chunk.rows[chunk.size];
      if (!m_reader->next(out.fields)) {
        more = false;
        break;
      }
      ++chunk.size;
      out.line = m_reader->line();
      check(out);
    }
  } catch (...) {
    error = std::current_exception();
  }
  std::span<CheckedRow> rows(chunk.rows.data(), chunk.size);
  refuse_repeated_refs(rows);
  if (m_match_while_reading) match_all(rows, m_expected_rows);
  chunk.expected_rows = m_expected_rows;
  if (error) std::rethrow_exception(error);
  return more;
}

void CheckedRows::produce() {
  for (bool more = true; more;) {
    Chunk* chunk = nullptr;
    {
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [this] { return m_stop || !m_free.empty(); });
      if (m_stop) return;
      chunk = m_free.front();
      m_free.pop_front();
    }
    std::exception_ptr error;
    try {
      more = fill(*chunk);
    } catch (...) {  // the rows before the error are still delivered, then the error
      error = std::current_exception();
      more = false;
    }
    chunk->bytes_read = m_reader->bytes_read();
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
  fetch_ahead();
  CheckedRow& row = m_current->rows[m_position++];
  if (!m_match_while_reading) match(row, m_current->expected_rows);
  return &row;
}

void CheckedRows::match_all(std::span<CheckedRow> rows, std::size_t expected_rows) {
  auto fetch = [&](std::size_t i) {
    if (importable(rows[i])) m_matcher.prefetch(rows[i].row.child_ref, nhs_of(rows[i].row));
  };
  visit_fetching_ahead(rows.size(), fetch, [&](std::size_t i) { match(rows[i], expected_rows); });
}

// On the thread that matches (see m_match_while_reading).
void CheckedRows::match(CheckedRow& row, std::size_t expected_rows) {
  if (expected_rows > 0 && !m_matcher_sized) {
    m_matcher.reserve(expected_rows);
    m_matcher_sized = true;
  }
  row.already_imported = !row.ref_issue && m_matcher.already_imported(row.ref);
  if (importable(row) && !row.already_imported)
    row.placement = m_matcher.add_row(row.row.child_ref, nhs_of(row.row), row.row.start);
}

// The rows were written on the reading thread, so another core's cache holds them: fetched one
// at a time they cost the importing thread ~0.4 s per million rows of waiting on memory.
void CheckedRows::fetch_ahead() const {
  std::size_t size = m_current->size;
  if (m_position + k_fetch_ahead < size) {
    const auto* bytes = reinterpret_cast<const char*>(&m_current->rows[m_position + k_fetch_ahead]);
    for (std::size_t offset = 0; offset < sizeof(CheckedRow); offset += 64)
      __builtin_prefetch(bytes + offset);
  }
  if (m_position + k_fetch_ahead / 2 < size)
    prefetch_texts(m_current->rows[m_position + k_fetch_ahead / 2].row);
}

}  // namespace ics::io
