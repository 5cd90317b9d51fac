#pragma once
// A child's record: adding a child, with its audit record.
#include <ics/api.hpp>
#include <ics/model/types.hpp>
#include <ics/store/transaction.hpp>
#include <ics/util/date.hpp>

#include <cstdint>

ICS_API_BEGIN
namespace ics::record {

// Validates and adds a child; a child whose NHS number, UPN or legacy reference is already held is
// refused (Conflict).
std::int64_t add_child(store::WriteTransaction& tx, model::Child child, util::Date today);

}  // namespace ics::record
ICS_API_END
