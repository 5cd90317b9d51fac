#include <ics/store/completion.hpp>

#include "sqlite.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <limits>

namespace ics::store {

namespace {

const char* statement_of(model::EntityKind kind) {
  using model::EntityKind;
  switch (kind) {
    case EntityKind::child: return "completion_ids_child";
    case EntityKind::plan: return "completion_ids_plan";
    case EntityKind::action: return "completion_ids_action";
    case EntityKind::review: return "completion_ids_review";
    case EntityKind::batch: return "completion_ids_batch";
    case EntityKind::episode: return "completion_ids_episode";
    case EntityKind::assessment: return "completion_ids_assessment";
    case EntityKind::enquiry: return "completion_ids_enquiry";
    case EntityKind::conference: return "completion_ids_conference";
  }
  return "completion_ids_child";
}

// Appends the numbers from `low` to `high` to `out`, until it holds `limit`.
void read_range(Database& db, model::EntityKind kind, std::int64_t low, std::int64_t high, std::size_t limit,
                std::vector<std::int64_t>& out) {
  auto& q = statement(db, statement_of(kind));
  q.bind(1, static_cast<int64_t>(low));
  q.bind(2, static_cast<int64_t>(high));
  q.bind(3, static_cast<int64_t>(limit - out.size()));
  while (step(q)) out.push_back(q.getColumn(0).getInt64());
}

}  // namespace

std::vector<std::int64_t> ids_beginning(Database& db, model::EntityKind kind, std::string_view digits,
                                        std::size_t limit) {
  std::vector<std::int64_t> out;
  constexpr auto k_max = std::numeric_limits<std::int64_t>::max();
  if (limit == 0) return out;
  if (digits.empty()) {
    read_range(db, kind, 1, k_max, limit, out);
    return out;
  }
  if (digits.size() > 18 || digits.front() == '0' ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return out;
  std::int64_t low = std::stoll(std::string(digits)), high = low;
  // low..high is every number of one more digit each time: 12, 120-129, 1200-1299, ...
  while (out.size() < limit) {
    read_range(db, kind, low, high, limit, out);
    if (low > k_max / 10 || high > (k_max - 9) / 10) break;
    low *= 10;
    high = high * 10 + 9;
  }
  return out;
}

}  // namespace ics::store
