#pragma once
// Private to store: appending a chained audit record and chaining the records of a database made
// before the chain (migration 0008).
#include <ics/store/audit_chain.hpp>
#include <ics/store/transaction.hpp>  // not a forward declaration: that would hide the class

namespace ics::store {

// The schema version from which audit records are chained (schemas/sql/0008_audit_chain.sql).
inline constexpr int k_chain_schema_version = 8;

// Appends `record` (its seq and prev_hash are set here) after the chain's head; returns its hash.
std::string append_audit_record(Database& db, AuditRecord record);

// Chains every record that has no hash yet, in order, after the last chained one.
void seal_audit_chain(Database& db);

// What the migration to the chain finds (record_check.cpp): chains the audit records, then seals
// each import batch and the records with neither audit record nor batch (group 0) with a digest,
// group 0's in the migration's own audit record, whose image is `migration_image`.
void seal_what_came_before(WriteTransaction& tx, const std::string& migration_image);

}  // namespace ics::store
