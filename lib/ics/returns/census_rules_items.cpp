#include "census_rule_set.hpp"

namespace ics::returns::detail {

std::span<const ChildRule> item_rules() {
  return {};
}

}  // namespace ics::returns::detail
