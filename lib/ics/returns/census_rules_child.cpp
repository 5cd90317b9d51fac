#include "census_rule_set.hpp"

namespace ics::returns::detail {

std::span<const ChildRule> child_rules() {
  return {};
}

}  // namespace ics::returns::detail
