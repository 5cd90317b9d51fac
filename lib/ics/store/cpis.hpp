#pragma once
// The log of CP-IS extracts made (schemas/sql/0004_returns.sql, table cpis_extract): the next
// extract sends the plans ended since the latest one's as-of date.
#include <ics/api.hpp>
#include <ics/store/transaction.hpp>

#include <cstdint>
#include <optional>
#include <string>

ICS_API_BEGIN
namespace ics::store {
class Database;

// The latest as-of date an extract was made for, if any was.
std::optional<std::string> latest_cpis_extract_as_of(Database& db);
// Logs an extract as of `as_of` (YYYY-MM-DD) of `rows` rows, made now by the transaction's actor;
// returns its number. The caller audits it.
std::int64_t insert_cpis_extract(WriteTransaction& tx, const std::string& as_of, std::int64_t rows);

}  // namespace ics::store
ICS_API_END
