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

// One query of schemas/queries/census.sql, its rows ordered by child (column 0), read as the children
// come: each query is one pass over the year's records, and only one child's records are held at a time.
class ChildCursor {
 public:
  ChildCursor(Database& db, std::string_view name, const returns::CensusPeriod& period)
      : m_query(statement(db, name)) {
    m_query.bind(1, period.start.iso());
    m_query.bind(2, period.reference.iso());
    m_more = step(m_query);
  }
  // Whether the current row is `child_id`'s (rows of a child before it, had there been any, are
  // passed over).
  bool at(std::int64_t child_id) {
    while (m_more && m_query.getColumn(0).getInt64() < child_id) m_more = step(m_query);
    return m_more && m_query.getColumn(0).getInt64() == child_id;
  }
  bool more() const { return m_more; }
  SQLite::Statement& row() { return m_query; }
  void next() { m_more = step(m_query); }

 private:
  SQLite::Statement& m_query;
  bool m_more = false;
};

std::vector<std::string> split_codes(const std::optional<std::string>& list) {
  std::vector<std::string> out;
  if (!list) return out;
  std::size_t pos = 0;
  while (pos <= list->size()) {
    auto comma = list->find(',', pos);
    if (comma == std::string::npos) comma = list->size();
    auto code = list->substr(pos, comma - pos);
    code.erase(0, code.find_first_not_of(' '));
    code.erase(code.find_last_not_of(' ') + 1);
    if (!code.empty()) out.push_back(code);
    pos = comma + 1;
  }
  return out;
}

// A date every record has (the schema's NOT NULL ones).
util::Date date(const SQLite::Column& column) {
  auto d = optional_date(column);
  if (!d)
    throw StorageError(fmt::format("census: '{}' is not a date: '{}'", column.getName(), column.getString()));
  return *d;
}

CensusEpisode* episode_of(CensusChild& child, std::int64_t episode_id) {
  auto it = std::find_if(child.episodes.begin(), child.episodes.end(),
                         [&](const CensusEpisode& e) { return e.id == episode_id; });
  return it == child.episodes.end() ? nullptr : &*it;
}

// census_episodes: the child's fields in columns 0-9, the episode's from 10.
void read_child(SQLite::Statement& q, CensusChild& c) {
  c.id = q.getColumn(0).getInt64();
  c.upn = optional_string(q.getColumn(1));
  c.former_upn = optional_string(q.getColumn(2));
  c.upn_unknown = optional_string(q.getColumn(3));
  c.birth = optional_date(q.getColumn(4));
  c.expected_birth = optional_date(q.getColumn(5));
  c.sex = q.getColumn(6).getString();
  c.death = optional_date(q.getColumn(7));
  c.ethnicity = optional_string(q.getColumn(8));
  c.disabilities = split_codes(optional_string(q.getColumn(9)));
}

void read_episodes(ChildCursor& cursor, CensusChild& c) {
  for (; cursor.at(c.id); cursor.next()) {
    auto& q = cursor.row();
    auto& e = c.episodes.emplace_back();
    e.id = q.getColumn(10).getInt64();
    e.referral = date(q.getColumn(11));
    e.referral_source = optional_string(q.getColumn(12));
    e.primary_need = optional_string(q.getColumn(13));
    e.nfa = q.getColumn(14).getInt() != 0;
    e.closure = optional_date(q.getColumn(15));
    e.closure_reason = optional_string(q.getColumn(16));
    e.made_by = optional_string(q.getColumn(17));
    if (!q.getColumn(18).isNull()) {
      e.icpc_conference_id = q.getColumn(18).getInt64();
      e.icpc = optional_date(q.getColumn(19));
    }
  }
}

// Calls `add(episode, row)` for each of the cursor's rows of child `c` (column 1: the episode).
template <typename Add>
void read_items(ChildCursor& cursor, CensusChild& c, Add add) {
  for (; cursor.at(c.id); cursor.next())
    if (auto* e = episode_of(c, cursor.row().getColumn(1).getInt64())) add(*e, cursor.row());
}

void read_assessment(CensusEpisode& e, SQLite::Statement& q) {
  auto& a = e.assessments.emplace_back();
  a.id = q.getColumn(2).getInt64();
  a.start = date(q.getColumn(3));
  a.authorised = optional_date(q.getColumn(4));
  a.factors = split_codes(optional_string(q.getColumn(5)));
}

void read_enquiry(CensusEpisode& e, SQLite::Statement& q) {
  auto& s = e.section47s.emplace_back();
  s.id = q.getColumn(2).getInt64();
  s.start = date(q.getColumn(3));
  s.icpc_target = optional_date(q.getColumn(4));
  if (!q.getColumn(5).isNull()) s.conference_id = q.getColumn(5).getInt64();
  s.icpc = optional_date(q.getColumn(6));
  s.icpc_not_required = q.getColumn(7).getInt() != 0;
}

// A child protection plan comes once for each of its review conferences (column 9; NULL: none).
void read_plan(CensusEpisode& e, SQLite::Statement& q) {
  auto id = q.getColumn(2).getInt64();
  auto review = optional_date(q.getColumn(9));
  if (!e.cp_plans.empty() && e.cp_plans.back().id == id) {
    if (review) e.cp_plans.back().reviews.push_back(*review);
    return;
  }
  auto start = date(q.getColumn(4));
  auto end = optional_date(q.getColumn(5));
  if (q.getColumn(3).getString() == "child-in-need") {
    e.cin_plans.push_back({id, start, end});
    return;
  }
  auto& p = e.cp_plans.emplace_back();
  p.id = id;
  p.start = start;
  p.end = end;
  p.initial_category = optional_string(q.getColumn(6));
  p.latest_category = optional_string(q.getColumn(7));
  p.previous_plans = q.getColumn(8).getInt();
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
