#pragma once
// Which rows of a register export are the same child: rows sharing a legacy person id or a valid
// NHS number, transitively (union-find over the rows to be imported), and which of those children
// are already in the database. Holds a few integers per row, so a whole export fits in memory.
#include <ics/io/register_import_keys.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ics::io {

class ChildMatcher {
 public:
  // Pass 1, in file order: a row that will be imported, its legacy person id and valid NHS number
  // (empty when it has none), its start date and its line. Rows are numbered 0, 1, ... as added.
  void add_row(std::string_view person, std::string_view nhs, util::Date start, long line);
  // Makes room for about `rows` rows (an estimate; more or fewer may come).
  void reserve(std::size_t rows);

  // A child already in the database with this key, if any.
  using Lookup = std::function<std::optional<std::int64_t>(std::string_view key)>;
  // A group whose keys name two different children of the database: its plans go to `kept` (found
  // first: by person id before NHS number, then in file order).
  struct Clash {
    long line;          // the first row with the key that named `other`
    std::string field;  // child_ref or nhs_number
    std::string value;
    std::int64_t kept;
    std::int64_t other;
  };
  // After pass 1: finds the children already in the database (empty lookups: the database has no
  // children), joins groups that name the same one, and ranks each child's rows by start date.
  // Frees the key tables.
  std::vector<Clash> resolve(const Lookup& by_person, const Lookup& by_nhs);

  std::uint32_t rows() const { return static_cast<std::uint32_t>(m_parent.size()); }
  // After resolve: the first row of the row's child (rows of one child share it).
  std::uint32_t group_of(std::uint32_t row) const { return m_parent[row]; }
  bool is_first(std::uint32_t row) const { return m_parent[row] == row; }
  // The row with the latest start date of its child (the last in the file on a tie).
  bool is_latest(std::uint32_t row) const { return m_flags[row] & k_latest; }
  // The row's child was in the database before the import.
  bool matched_existing(std::uint32_t row) const { return m_flags[m_parent[row]] & k_existing; }
  // The child's id: an existing child, or the one given to set_child; 0 when none yet.
  std::int64_t child_of(std::uint32_t row) const { return m_child[m_parent[row]]; }
  void set_child(std::uint32_t row, std::int64_t id) { m_child[m_parent[row]] = id; }
  // How many rows of the same child come before this one (by start date, then file order).
  std::uint32_t plans_before(std::uint32_t row) const { return m_before[row]; }
  // After the children are set: each person id new to the database with its child, other than the
  // person id of the row a new child was created from (that is the child's legacy_id), ordered by
  // the id's text (inserted in that order, they append to the index instead of scattering over it).
  struct NewPerson {
    std::string_view person;
    std::int64_t child;
  };
  std::vector<NewPerson> new_persons() const;

  std::uint32_t new_children() const { return m_new_children; }
  std::uint32_t existing_children() const { return m_existing_children; }

 private:
  static constexpr std::uint8_t k_adds_person = 1, k_existing = 2, k_latest = 4;

  std::uint32_t find(std::uint32_t row);
  void unite(std::uint32_t a, std::uint32_t b);
  void rank_rows();
  void keep_further_persons();

  KeyIndex m_persons, m_nhs;
  std::vector<std::uint32_t> m_person_first, m_nhs_first;  // the first row of each key
  std::vector<std::uint32_t> m_parent;                     // union-find; after resolve, each row's group
  std::vector<std::int32_t> m_start;                       // days since 1970-01-01
  std::vector<std::uint32_t> m_line;
  std::vector<std::uint32_t> m_before;
  std::vector<std::int64_t> m_child;
  std::vector<std::uint8_t> m_flags;
  std::vector<std::pair<std::string, std::uint32_t>> m_further_persons;  // by person id: its first row
  std::uint32_t m_new_children = 0, m_existing_children = 0;
};

}  // namespace ics::io
