#pragma once
// Ids for shell completion: the records of a kind whose id begins with what was typed.
#include <ics/api.hpp>
#include <ics/model/identifiers.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::store {
class Database;

// The numbers of the records of `kind` whose number, written out, begins with `digits` (every
// record when it is empty): 1, then 10-19, then 100-199 and so on, at most `limit`. Each range is
// read by the primary key, so that a million children cost no more than ten. Digits that are not
// a number (or begin with 0) match nothing.
std::vector<std::int64_t> ids_beginning(Database& db, model::EntityKind kind, std::string_view digits,
                                        std::size_t limit);

}  // namespace ics::store
ICS_API_END
