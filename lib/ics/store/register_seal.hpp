#pragma once
// The seal of a register import's batch (store/batch_digest.hpp), made as the import writes its
// rows rather than by reading them back at the end, which would cost the import a sixth more: each
// child, plan, episode and conference image is framed from the values written (the columns of
// the check_* statements, schemas/queries/audit.sql, in their order and as SQLite's text gives
// them) and hashed beside the import (store::RowHasher). Plans, episodes and conferences are
// digested as they come, in id order, so that their hashes are not held (a 1M-row import has 3M);
// the few chunks holding a plan the import changes after writing it (moved to another child or
// recounted, with its episode) are read again whole at the end. A later row changes many children
// (1,326 of 893k, in 642 of 872 chunks, on the 1M-row benchmark): their hashes are kept by id
// (store::RowHashes, 32 bytes each), and those changed (merged or deleted) read again alone.
// Private to store.
#include <ics/store/batch_digest.hpp>
#include <ics/store/register_writes.hpp>
#include <ics/store/row_hasher.hpp>
#include <ics/store/row_hashes.hpp>

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
  void changed_plan(std::int64_t id) { m_changed_plan_chunks.insert(id / k_chunk_ids); }  // its episode too

  // Once the import has written every row: hashes again those changed, then works out the chunks
  // on a thread of its own (while the import builds its indexes).
  void settle(Database& db, std::int64_t batch);
  // The chunks of the batch (settle() first).
  std::vector<ChunkLine> lines();

 private:
  // On the hashing thread: a child's image, from what add() gave.
  void add_child(std::int64_t id, std::string_view bytes, const RowHasher::Add& add) const;
  // On the hashing thread: a plan's image, its episode's and its conference's, from what add() gave.
  void add_plan(std::int64_t id, std::string_view bytes, const RowHasher::Add& add) const;
  // On the hashing thread: a row's hash, kept until settle() (or digested at once).
  void keep(std::size_t kind, std::int64_t id, const util::Sha256Digest& hash);

  Plans m_plans;
  // Filled by m_hasher's thread, so before it: the children's hashes, and (by kind, the .cpp's)
  // the other rows digested as they come.
  RowHashes m_children;
  std::vector<GroupDigest> m_streamed;
  RowHasher m_hasher;
  std::set<std::int64_t> m_changed_children, m_changed_plan_chunks;
  std::future<std::vector<ChunkLine>> m_lines;
};

}  // namespace ics::store
