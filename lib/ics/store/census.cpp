#include <ics/store/census.hpp>

#include "sqlite.hpp"

#include <ics/util/error.hpp>
#include <ics/util/pipelined.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ics::store {

namespace {

using returns::CensusChild;
using returns::CensusEpisode;

// The current row of a census query, read through one SQLite::Column per column made at the first
// row and kept: made for each value, a Column copied the statement's shared pointer (two atomic
// operations) for each of the census's millions of values, on the reading thread, the slower side.
class Row {
 public:
  void attach(SQLite::Statement& query) {
    if (!m_columns.empty()) return;
    for (int i = 0; i < query.getColumnCount(); ++i) m_columns.push_back(query.getColumn(i));
  }
  int size() const { return static_cast<int>(m_columns.size()); }
  const SQLite::Column& operator[](int i) const { return m_columns[static_cast<std::size_t>(i)]; }

 private:
  std::vector<SQLite::Column> m_columns;
};

// A row's values copied out of SQLite as they are (an integer, text bytes or NULL), so that the reading
// thread does no more than copy them: the child is built from them (dates parsed, codes split, strings
// made) on the thread that checks it, the reading thread being the slower of the two.
struct SavedCell {
  std::int64_t integer = 0;
  std::uint32_t offset = 0, size = 0;
  enum Kind : std::uint8_t { null, integer_value, text_value } kind = null;
};

// The rows of the four queries (0 episodes, 1 assessments, 2 enquiries, 3 plans) of up to k_children
// children, as read, in one buffer for them all (a few allocations a batch, not some for each child).
struct SavedChildren {
  static constexpr std::size_t k_children = 256;
  struct RowStart {
    int query;
    std::uint32_t first;  // the row's first cell
  };
  std::string text;
  std::vector<SavedCell> cells;
  std::vector<RowStart> rows;
  std::vector<std::size_t> child_rows;  // where each child's rows begin
  std::array<const std::vector<std::string>*, 4> names{};

  SavedChildren() {  // room for a batch of children of a few records each, grown for more
    text.reserve(k_children * 256);
    cells.reserve(k_children * 48);
    rows.reserve(k_children * 3);
    child_rows.reserve(k_children);
  }
};

// A saved row, read as Row reads the statement's current one.
class SavedRow {
 public:
  SavedRow(const SavedChildren& saved, SavedChildren::RowStart row)
      : m_saved(saved), m_query(row.query), m_first(row.first) {}
  bool null(int i) const { return cell(i).kind == SavedCell::null; }
  std::int64_t integer(int i) const {
    const auto& c = cell(i);
    if (c.kind != SavedCell::integer_value) fault(i, "is not an integer");
    return c.integer;
  }
  std::string_view text(int i) const {
    const auto& c = cell(i);
    if (c.kind == SavedCell::null) return {};
    if (c.kind != SavedCell::text_value) fault(i, "is not text");
    return std::string_view(m_saved.text).substr(c.offset, c.size);
  }
  std::optional<std::string> optional_string(int i) const {
    if (null(i)) return std::nullopt;
    return std::string(text(i));
  }
  std::optional<util::Date> optional_date(int i) const {
    if (null(i)) return std::nullopt;
    return util::Date::parse_iso(text(i));
  }
  // A date every record has (the schema's NOT NULL ones).
  util::Date date(int i) const {
    auto d = optional_date(i);
    if (!d) throw StorageError(fmt::format("census: '{}' is not a date: '{}'", name(i), text(i)));
    return *d;
  }

 private:
  const SavedCell& cell(int i) const { return m_saved.cells[m_first + static_cast<std::uint32_t>(i)]; }
  const std::string& name(int i) const {
    return (*m_saved.names[static_cast<std::size_t>(m_query)])[static_cast<std::size_t>(i)];
  }
  [[noreturn]] void fault(int i, const char* what) const {
    throw StorageError(fmt::format("census: '{}' {}", name(i), what));
  }
  const SavedChildren& m_saved;
  int m_query;
  std::uint32_t m_first;
};

// One query of schemas/queries/census.sql, its rows ordered by child (column 0), read as the children
// come: each query is one pass over the year's records, and only one child's records are held at a time.
class ChildCursor {
 public:
  // `names` gets the query's column names, for the messages of the rows saved: it outlives the cursor,
  // as the rows do.
  ChildCursor(Database& db, std::string_view name, const returns::CensusPeriod& period,
              std::vector<std::string>& names)
      : m_query(statement(db, name)), m_names(names) {
    m_query.bind(1, period.start.iso());
    m_query.bind(2, period.reference.iso());
    next();
  }
  // Whether the current row is `child_id`'s (rows of a child before it, had there been any, are
  // passed over).
  bool at(std::int64_t child_id) {
    while (m_more && m_child < child_id) next();
    return m_more && m_child == child_id;
  }
  bool more() const { return m_more; }
  std::int64_t child() const { return m_child; }
  void next() {
    m_more = step(m_query);
    if (!m_more) return;
    if (m_names.empty())
      for (int i = 0; i < m_query.getColumnCount(); ++i) m_names.emplace_back(m_query.getColumnName(i));
    m_row.attach(m_query);
    m_child = m_row[0].getInt64();
  }
  // Copies the current row into `saved` as a row of query `query`.
  void save(SavedChildren& saved, int query) const {
    saved.names[static_cast<std::size_t>(query)] = &m_names;
    saved.rows.push_back({query, static_cast<std::uint32_t>(saved.cells.size())});
    for (int i = 0; i < m_row.size(); ++i) {
      const auto& column = m_row[i];
      auto& cell = saved.cells.emplace_back();
      switch (column.getType()) {
        case SQLITE_NULL: break;
        case SQLITE_INTEGER:
          cell.kind = SavedCell::integer_value;
          cell.integer = column.getInt64();
          break;
        default: {
          const char* bytes = column.getText();
          auto size = static_cast<std::size_t>(column.getBytes());
          cell.kind = SavedCell::text_value;
          cell.offset = static_cast<std::uint32_t>(saved.text.size());
          cell.size = static_cast<std::uint32_t>(size);
          saved.text.append(bytes, size);
        }
      }
    }
  }

 private:
  SQLite::Statement& m_query;
  Row m_row;
  std::vector<std::string>& m_names;
  bool m_more = false;
  std::int64_t m_child = 0;
};

std::vector<std::string> split_codes(std::string_view list) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= list.size()) {
    auto comma = list.find(',', pos);
    if (comma == std::string_view::npos) comma = list.size();
    auto code = list.substr(pos, comma - pos);
    auto first = code.find_first_not_of(' ');
    if (first != std::string_view::npos) {
      code.remove_prefix(first);
      code = code.substr(0, code.find_last_not_of(' ') + 1);
      out.emplace_back(code);
    }
    pos = comma + 1;
  }
  return out;
}

CensusEpisode* episode_of(CensusChild& child, std::int64_t episode_id) {
  auto it = std::find_if(child.episodes.begin(), child.episodes.end(),
                         [&](const CensusEpisode& e) { return e.id == episode_id; });
  return it == child.episodes.end() ? nullptr : &*it;
}

// census_episodes: the child's fields in columns 0-9, the episode's from 10.
void read_child(const SavedRow& q, CensusChild& c) {
  c.id = q.integer(0);
  c.upn = q.optional_string(1);
  c.former_upn = q.optional_string(2);
  c.upn_unknown = q.optional_string(3);
  c.birth = q.optional_date(4);
  c.expected_birth = q.optional_date(5);
  c.sex = q.text(6);
  c.death = q.optional_date(7);
  c.ethnicity = q.optional_string(8);
  if (!q.null(9)) c.disabilities = split_codes(q.text(9));
}

void read_episode(const SavedRow& q, CensusChild& c) {
  auto& e = c.episodes.emplace_back();
  e.id = q.integer(10);
  e.referral = q.date(11);
  e.referral_source = q.optional_string(12);
  e.primary_need = q.optional_string(13);
  e.nfa = q.integer(14) != 0;
  e.closure = q.optional_date(15);
  e.closure_reason = q.optional_string(16);
  e.made_by = q.optional_string(17);
  if (!q.null(18)) {
    e.icpc_conference_id = q.integer(18);
    e.icpc = q.optional_date(19);
  }
}

void read_assessment(CensusEpisode& e, const SavedRow& q) {
  auto& a = e.assessments.emplace_back();
  a.id = q.integer(2);
  a.start = q.date(3);
  a.authorised = q.optional_date(4);
  if (!q.null(5)) a.factors = split_codes(q.text(5));
}

void read_enquiry(CensusEpisode& e, const SavedRow& q) {
  auto& s = e.section47s.emplace_back();
  s.id = q.integer(2);
  s.start = q.date(3);
  s.icpc_target = q.optional_date(4);
  if (!q.null(5)) s.conference_id = q.integer(5);
  s.icpc = q.optional_date(6);
  s.icpc_not_required = q.integer(7) != 0;
}

// A child protection plan comes once for each of its review conferences (column 9; NULL: none).
void read_plan(CensusEpisode& e, const SavedRow& q) {
  auto id = q.integer(2);
  auto review = q.optional_date(9);
  if (!e.cp_plans.empty() && e.cp_plans.back().id == id) {
    if (review) e.cp_plans.back().reviews.push_back(*review);
    return;
  }
  auto start = q.date(4);
  auto end = q.optional_date(5);
  if (q.text(3) == "child-in-need") {
    e.cin_plans.push_back({id, start, end});
    return;
  }
  auto& p = e.cp_plans.emplace_back();
  p.id = id;
  p.start = start;
  p.end = end;
  p.initial_category = q.optional_string(6);
  p.latest_category = q.optional_string(7);
  p.previous_plans = static_cast<int>(q.integer(8));
  if (review) p.reviews.push_back(*review);
}

// Child `k` of `saved`, built from its rows: the child's fields and episodes from query 0's, then each
// assessment, enquiry and plan added to its episode (one of another episode is passed over).
CensusChild build(const SavedChildren& saved, std::size_t k) {
  CensusChild child;
  auto end = k + 1 < saved.child_rows.size() ? saved.child_rows[k + 1] : saved.rows.size();
  auto begin = saved.child_rows[k];
  read_child(SavedRow(saved, saved.rows[begin]), child);
  for (auto i = begin; i < end; ++i) {
    SavedRow row(saved, saved.rows[i]);
    if (saved.rows[i].query == 0) {
      read_episode(row, child);
      continue;
    }
    auto* e = episode_of(child, row.integer(1));
    if (!e) continue;
    switch (saved.rows[i].query) {
      case 1: read_assessment(*e, row); break;
      case 2: read_enquiry(*e, row); break;
      default: read_plan(*e, row); break;
    }
  }
  return child;
}

}  // namespace

// The reading (SQLite's work and copying each child's rows out) runs on a thread of its own; building
// each child from its rows and `each` run on the caller's: on two cores the census is read while the
// children before are built, checked and written. The connection is used by the reading thread only,
// until it ends.
void read_census(Database& db, const returns::CensusPeriod& period,
                 const std::function<void(const returns::CensusChild&)>& each) {
  std::array<std::vector<std::string>, 4> names;  // each query's columns, kept until every row is built
  auto produce = [&](auto emit) {
    ChildCursor episodes(db, "census_episodes", period, names[0]);
    ChildCursor assessments(db, "census_assessments", period, names[1]);
    ChildCursor enquiries(db, "census_enquiries", period, names[2]);
    ChildCursor plans(db, "census_plans", period, names[3]);
    SavedChildren saved;
    while (episodes.more()) {
      saved.child_rows.push_back(saved.rows.size());
      auto id = episodes.child();
      for (; episodes.at(id); episodes.next()) episodes.save(saved, 0);
      for (; assessments.at(id); assessments.next()) assessments.save(saved, 1);
      for (; enquiries.at(id); enquiries.next()) enquiries.save(saved, 2);
      for (; plans.at(id); plans.next()) plans.save(saved, 3);
      if (saved.child_rows.size() == SavedChildren::k_children) {
        if (!emit(std::move(saved))) return;
        saved = SavedChildren();
      }
    }
    if (!saved.child_rows.empty()) emit(std::move(saved));
  };
  // one batch of children at a time, at most four waiting
  util::pipelined<SavedChildren>(
      produce,
      [&](SavedChildren& saved) {
        for (std::size_t k = 0; k < saved.child_rows.size(); ++k) each(build(saved, k));
      },
      1, 4);
}

}  // namespace ics::store
