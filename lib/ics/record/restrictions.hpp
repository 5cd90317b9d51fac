#pragma once
// Information sharing (README "Information sharing"): restricting a child's records and lifting the
// restriction, and the audit records of the reads that show restricted children and of the
// disclosures to an agency.
#include <ics/api.hpp>
#include <ics/store/transaction.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::record {

// The audit entities: a child's restriction ("restriction:C12"), a read that could show restricted
// children, a disclosure to an agency ("disclosure:health").
std::string restriction_entity(std::int64_t child);
inline constexpr const char* k_restricted_read_entity = "restricted-read";
std::string disclosure_entity(std::string_view agency);

// Restricts the child for `reason` (required text), by the transaction's actor, now; audited with
// the restriction as its image. Refused: a child that does not exist (NotFound), one already
// restricted (Conflict, saying since when and by whom).
void restrict_child(store::WriteTransaction& tx, std::int64_t child, std::string_view reason);
// Lifts the child's restriction; `reason` (text, when given) goes into the audit record with the
// restriction lifted as its image before. Refused (Conflict) when the child is not restricted.
void unrestrict_child(store::WriteTransaction& tx, std::int64_t child,
                      std::optional<std::string_view> reason);

// Why a read shows restricted children: asked for (--include-restricted), or a statutory return,
// which holds every child.
enum class RestrictedReach { asked, statutory };
// Audits a read that can show the restricted `children` (their numbers): who and when are the
// transaction's, and its command is the read's (the context's command).
void audit_restricted_read(store::WriteTransaction& tx, const std::vector<std::int64_t>& children,
                           RestrictedReach reach);

// Audits a disclosure of `rows` rows about `children` (public ids, in order) to `agency` (a code).
void audit_disclosure(store::WriteTransaction& tx, std::string_view agency, std::int64_t rows,
                      const std::vector<std::string>& children);

}  // namespace ics::record
ICS_API_END
