#include <ics/store/census.hpp>

#include "sqlite.hpp"

#include <ics/util/error.hpp>
#include <ics/util/pipelined.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>

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
  bool null(int i) const { return m_columns[i].isNull(); }
  std::int64_t integer(int i) const { return m_columns[i].getInt64(); }
  std::string_view text(int i) const {
    const auto& c = m_columns[i];
    return {c.getText(), static_cast<std::size_t>(c.getBytes())};
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
    if (!d)
      throw StorageError(fmt::format("census: '{}' is not a date: '{}'", m_columns[i].getName(), text(i)));
    return *d;
  }

 private:
  std::vector<SQLite::Column> m_columns;
};

// One query of schemas/queries/census.sql, its rows ordered by child (column 0), read as the children
// come: each query is one pass over the year's records, and only one child's records are held at a time.
class ChildCursor {
 public:
  ChildCursor(Database& db, std::string_view name, const returns::CensusPeriod& period)
      : m_query(statement(db, name)) {
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
  const Row& row() const { return m_row; }
  void next() {
    m_more = step(m_query);
    if (!m_more) return;
    m_row.attach(m_query);
    m_child = m_row.integer(0);
  }

 private:
  SQLite::Statement& m_query;
  Row m_row;
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
void read_child(const Row& q, CensusChild& c) {
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

void read_episodes(ChildCursor& cursor, CensusChild& c) {
  for (; cursor.at(c.id); cursor.next()) {
    const auto& q = cursor.row();
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
}

// Calls `add(episode, row)` for each of the cursor's rows of child `c` (column 1: the episode).
template <typename Add>
void read_items(ChildCursor& cursor, CensusChild& c, Add add) {
  for (; cursor.at(c.id); cursor.next())
    if (auto* e = episode_of(c, cursor.row().integer(1))) add(*e, cursor.row());
}

void read_assessment(CensusEpisode& e, const Row& q) {
  auto& a = e.assessments.emplace_back();
  a.id = q.integer(2);
  a.start = q.date(3);
  a.authorised = q.optional_date(4);
  if (!q.null(5)) a.factors = split_codes(q.text(5));
}

void read_enquiry(CensusEpisode& e, const Row& q) {
  auto& s = e.section47s.emplace_back();
  s.id = q.integer(2);
  s.start = q.date(3);
  s.icpc_target = q.optional_date(4);
  if (!q.null(5)) s.conference_id = q.integer(5);
  s.icpc = q.optional_date(6);
  s.icpc_not_required = q.integer(7) != 0;
}

// A child protection plan comes once for each of its review conferences (column 9; NULL: none).
void read_plan(CensusEpisode& e, const Row& q) {
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

}  // namespace

// The reading (SQLite's work and building each child) runs on a thread of its own, `each` on the
// caller's: on two cores the census is read while the last children are checked and written. The
// connection is used by the reading thread only, until it ends.
void read_census(Database& db, const returns::CensusPeriod& period,
                 const std::function<void(const returns::CensusChild&)>& each) {
  auto produce = [&](auto emit) {
    ChildCursor episodes(db, "census_episodes", period);
    ChildCursor assessments(db, "census_assessments", period);
    ChildCursor enquiries(db, "census_enquiries", period);
    ChildCursor plans(db, "census_plans", period);
    while (episodes.more()) {
      CensusChild child;
      read_child(episodes.row(), child);
      read_episodes(episodes, child);
      read_items(assessments, child, read_assessment);
      read_items(enquiries, child, read_enquiry);
      read_items(plans, child, read_plan);
      if (!emit(std::move(child))) return;
    }
  };
  util::pipelined<CensusChild>(produce, [&](CensusChild& child) { each(child); });
}

}  // namespace ics::store
