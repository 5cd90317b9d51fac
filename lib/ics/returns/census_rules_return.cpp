#include "census_rule_set.hpp"

namespace ics::returns::detail {

std::vector<std::unique_ptr<ReturnRule>> return_rules() {
  return {};
}

}  // namespace ics::returns::detail
