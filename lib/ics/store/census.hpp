#pragma once
// Reads the census year's records (SQL: schemas/queries/census.sql) the way returns-spec §5.5 says:
// episodes referred on or before the reference date and not closed before the period; inside each,
// what ended before the period left out, what started after it left out, end, authorisation,
// conference and closure dates after the reference date left blank (the item shown open). Children
// stream one at a time in id order, so memory stays bounded however large the authority.
#include <ics/api.hpp>
#include <ics/returns/census.hpp>

#include <functional>

ICS_API_BEGIN
namespace ics::store {
class Database;

// Calls `each` once per child with at least one episode in the census, in child id order. Reads in one
// snapshot (the caller's read transaction).
void read_census(Database& db, const returns::CensusPeriod& period,
                 const std::function<void(const returns::CensusChild&)>& each);

}  // namespace ics::store
ICS_API_END
