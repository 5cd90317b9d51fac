#pragma once
// Which rows of a register export are the same child, decided row by row as the file is read:
// rows sharing a legacy person id or a valid NHS number, transitively (union-find over the rows),
// and children already in the database with one of those keys. A later row can join two children
// the import has already created: the matcher then says which child folds into which, and the
// writer moves the plans. Also says which rows' plans the database already holds. Holds a few
// integers per row, so a whole export fits in memory.
#include <ics/io/register/keys.hpp>
#include <ics/util/date.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ics::io {

class ChildMatcher {
 public:
  // A child already in the database with this key, if any.
  using Lookup = std::function<std::optional<std::int64_t>(std::string_view key)>;
  // What the matcher asks the database; each empty when the database holds nothing it would find.
  struct Lookups {
    std::function<bool(std::string_view ref)> plan_by_ref{};  // a plan imported from the row `ref`
    Lookup child_by_person{}, child_by_nhs{};
  };
  // New children get ids from `first_new_id` up, in the order of their first rows (a child folded
  // into another leaves a gap).
  ChildMatcher(Lookups lookups, std::int64_t first_new_id)
      : m_lookups(std::move(lookups)), m_next_id(first_new_id) {}

  // Whether matching asks the database (and so must run on the thread that owns its connection).
  bool uses_database() const {
    return m_lookups.plan_by_ref || m_lookups.child_by_person || m_lookups.child_by_nhs;
  }
  // Whether the database holds the plan of the row with this reference already.
  bool already_imported(std::string_view ref) const {
    return m_lookups.plan_by_ref && m_lookups.plan_by_ref(ref);
  }

  // Two children that turn out to be one: `from`'s plans of this import go to `into`. A child
  // this import created (`from_created`) is then deleted, its details passing to `into` when
  // `into` is also new: all of them when `from` holds the later registration (`from_is_later`),
  // else only identifiers `into` lacks.
  struct Fold {
    std::int64_t from = 0;
    std::int64_t into = 0;
    bool from_created = false;
    bool into_created = false;
    bool from_is_later = false;
  };
  // A key of the row that names a child of the database other than the one its plans go to.
  struct Clash {
    std::string field;  // child_ref or nhs_number
    std::string value;
    std::int64_t kept;
    std::int64_t other;
  };
  // Where a row's plan goes. Valid until the next add_row.
  struct Placement {
    std::uint32_t row = 0;
    std::int64_t child = 0;
    bool create = false;             // the child is new: create it from this row, with this id
    bool existing = false;           // the child was in the database before the import
    bool latest = false;             // the row is the new child's latest registration so far
    std::uint32_t plans_before = 0;  // earlier rows of the child (final unless recounted)
    std::vector<Fold> folds;         // to carry out, in order, before writing the row
    std::vector<Clash> clashes;
  };

  // Fetches ahead what add_row will look at for these keys (see KeyIndex::prefetch).
  void prefetch(std::string_view person, std::string_view nhs) const;
  // The next row to be imported, in file order: its legacy person id and valid NHS number (empty
  // when it has none) and its start date.
  const Placement& add_row(std::string_view person, std::string_view nhs, util::Date start);
  // Makes room for about `rows` rows (an estimate; more or fewer may come).
  void reserve(std::size_t rows);

  // After every row: person ids new to the database that are not the legacy id of the child
  // created from them, each with its child, in the order of their text (inserted in that order,
  // they append to the index instead of scattering over it).
  struct NewPerson {
    std::string_view person;
    std::int64_t child;
  };
  std::vector<NewPerson> new_persons();
  // After every row: children whose plans' previous_cp_plans must be counted again, because a
  // row started before an earlier row of its child, or two children became one.
  std::vector<std::int64_t> children_to_recount();

  std::uint32_t rows() const { return static_cast<std::uint32_t>(m_parent.size()); }
  std::uint32_t new_children() const { return m_new_children; }
  std::uint32_t existing_children() const { return m_existing_children; }

 private:
  static constexpr std::uint8_t k_existing = 1, k_recount = 2;
  // A group's root is its first row; these vectors are read at roots only.
  struct Group {
    std::int64_t child = 0;
    std::int32_t latest_start = 0;  // days since 1970-01-01
    std::uint32_t latest_row = 0;   // the row of the latest registration (the last on a tie)
    std::uint32_t rows = 0;
    std::uint8_t flags = 0;
  };

  // A key of the current row that leads to a group or to a child of the database.
  struct Link {
    std::uint32_t root;  // a group's root, or UINT32_MAX for a database child no group holds yet
    std::int64_t child;  // the database child, when found there
    std::string_view field;
    std::string_view value;
  };
  std::uint32_t find(std::uint32_t row);
  // Notes in m_links where `key` leads; returns its id when it is new to the import and to the
  // database.
  std::optional<std::uint32_t> link(KeyIndex& keys, std::vector<std::uint32_t>& rows, std::string_view key,
                                    std::uint32_t row, const Lookup& lookup, std::string_view field);
  void join(std::uint32_t root, std::uint32_t other, const Link& link);
  void claim(std::uint32_t root, std::int64_t child, const Link& link);
  void place(std::uint32_t root, std::uint32_t row, std::int32_t start);

  Lookups m_lookups;
  KeyIndex m_persons, m_nhs;
  std::vector<std::uint32_t> m_person_row, m_nhs_row;                      // a row holding each key
  std::vector<std::uint32_t> m_parent;                                     // union-find, roots at first rows
  std::vector<Group> m_groups;                                             // by row
  std::unordered_map<std::int64_t, std::uint32_t> m_group_of_existing;     // a database child's group row
  std::vector<std::pair<std::uint32_t, std::uint32_t>> m_further_persons;  // person key id, its row
  std::vector<Link> m_links;                                               // the current row's
  Placement m_placement;
  std::int64_t m_next_id;
  std::uint32_t m_new_children = 0, m_existing_children = 0;
};

}  // namespace ics::io
