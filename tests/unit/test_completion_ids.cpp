// Ids for shell completion (store/completion.hpp): the records of a kind whose id begins with what
// was typed, read range by range.
#include "scratch_db.hpp"

#include <doctest/doctest.h>
#include <ics/record/children.hpp>
#include <ics/store/completion.hpp>
#include <ics/store/queries.hpp>
#include <ics/util/resources.hpp>

#include <map>
#include <string>

#include <vector>

using ics::model::EntityKind;
using ics::store::ids_beginning;
using Ids = std::vector<std::int64_t>;

namespace {

// 25 children, C1 to C25.
struct Fixture : ics_test::ScratchDb {
  Fixture() {
    ics::store::WriteTransaction tx(*db, context("add-child"));
    for (int i = 1; i <= 25; ++i) {
      ics::model::Child child;
      child.given_names = "Child";
      child.family_name = "Number" + std::to_string(i);
      child.date_of_birth = ics::util::Date(2019, 4, 2);
      ics::record::add_child(tx, child, ics::util::Date(2026, 11, 22));
    }
    tx.commit();
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "ids beginning with digits: the number itself, then ten times as many") {
  CHECK(ids_beginning(*db, EntityKind::child, "1", 100) == Ids{1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19});
  CHECK(ids_beginning(*db, EntityKind::child, "2", 100) == Ids{2, 20, 21, 22, 23, 24, 25});
  CHECK(ids_beginning(*db, EntityKind::child, "25", 100) == Ids{25});
  CHECK(ids_beginning(*db, EntityKind::child, "3", 100) == Ids{3});
  CHECK(ids_beginning(*db, EntityKind::child, "26", 100).empty());
}

TEST_CASE_FIXTURE(Fixture, "ids beginning with nothing: every id; at most the limit") {
  CHECK(ids_beginning(*db, EntityKind::child, "", 5) == Ids{1, 2, 3, 4, 5});
  CHECK(ids_beginning(*db, EntityKind::child, "", 100).size() == 25);
  CHECK(ids_beginning(*db, EntityKind::child, "1", 3) == Ids{1, 10, 11});
  CHECK(ids_beginning(*db, EntityKind::child, "1", 0).empty());
}

TEST_CASE_FIXTURE(Fixture, "ids beginning with what no id begins with: none, and no error") {
  CHECK(ids_beginning(*db, EntityKind::child, "0", 100).empty());
  CHECK(ids_beginning(*db, EntityKind::child, "1x", 100).empty());
  CHECK(ids_beginning(*db, EntityKind::child, "-1", 100).empty());
  CHECK(ids_beginning(*db, EntityKind::child, "99999999999999999999", 100).empty());
  CHECK(ids_beginning(*db, EntityKind::child, "922337203685477580", 100).empty());
  for (auto kind : {EntityKind::plan, EntityKind::action, EntityKind::review, EntityKind::batch,
                    EntityKind::episode, EntityKind::assessment, EntityKind::enquiry, EntityKind::conference})
    CHECK(ids_beginning(*db, kind, "1", 100).empty());
}

TEST_CASE("named statements: no name is used twice, in one file or across the files of schemas/queries") {
  std::map<std::string, std::string> seen;  // name -> file
  for (const auto& file : ics::util::resources_under("queries/"))
    for (const auto& [name, sql] : ics::store::parse_named_queries(file.text)) {
      CAPTURE(name);
      auto [at, added] = seen.emplace(name, std::string(file.path));
      CHECK_MESSAGE(added, "also in ", at->second, " and ", file.path);
    }
  CHECK(seen.count("completion_ids_child") == 1);
}
