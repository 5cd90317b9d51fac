#pragma once
// The seal of a register import's batch (store/batch_digest.hpp), made as the import writes its
// rows rather than by reading them back at the end, which would cost the import a sixth more: each
// child, plan, episode and conference image is framed from the values written (the columns of
// the check_* statements, schemas/queries/audit.sql, in their order and as SQLite's text gives
// them) and hashed beside the import (store::RowHasher). The rows the import changes after
// writing them (children merged or deleted, plans moved to another child or recounted, with their
// episodes) are read again by id at the end and hashed afresh. Private to store.
#include <ics/store/batch_digest.hpp>
#include <ics/store/register_writes.hpp>
#include <ics/store/row_hasher.hpp>

#include <future>
#include <set>

namespace ics::store {

class RegisterSeal {
 public:
  // What every plan of the batch shares.
  struct Plans {
    std::string template_name;
    int template_version = 0;
    std::string kind;
  };
  explicit RegisterSeal(Plans plans);

  void add(const RegisterChild& child);
  void add(const RegisterPlan& plan);  // its episode and (a child protection plan) its conference too
  void changed_child(std::int64_t id) { m_changed_children.insert(id); }
  void changed_plan(std::int64_t id) { m_changed_plans.insert(id); }  // its episode too

  // Once the import has written every row: hashes again those changed, then works out the chunks
  // on a thread of its own (while the import builds its indexes).
  void settle(Database& db, std::int64_t batch);
  // The chunks of the batch (settle() first).
  std::vector<ChunkLine> lines();

 private:
  // On the hashing thread: a plan's image, its episode's and its conference's, from what add() gave.
  void add_plan(std::int64_t id, std::string_view bytes, const RowHasher::Add& add) const;

  Plans m_plans;
  RowHasher m_hasher;
  std::set<std::int64_t> m_changed_children, m_changed_plans;
  std::future<std::vector<ChunkLine>> m_lines;
};

}  // namespace ics::store
