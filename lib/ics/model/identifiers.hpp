#pragma once
// Identifier validation: NHS numbers, Unique Pupil Numbers and icsctl's public ids.
#include <ics/api.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

ICS_API_BEGIN
namespace ics::model {

// The NHS number's 10 digits when `text` (spaces allowed) passes the modulus 11 check.
std::optional<std::string> normalise_nhs_number(std::string_view text);
bool is_valid_nhs_number(std::string_view text);

// A UPN: 13 characters, a check letter then 12 characters (digits; the last may be a letter in a
// temporary UPN). The check letter is sum(digit x position, positions 2-13) mod 23 into
// ABCDEFGHJKLMNPQRTUVWXYZ. Returns the upper-cased UPN when valid.
std::optional<std::string> normalise_upn(std::string_view text);
// The check letter that characters 2-13 of `upn` call for (the DfE's algorithm: each character times
// its position, 2 to 13, a final letter counting as its place in ABCDEFGHJKLMNPQRTUVWXYZ, the sum
// mod 23 into that alphabet), or nullopt unless `upn` is 13 characters with 11 digits from the second
// and a digit or one of those letters last.
std::optional<char> upn_check_letter(std::string_view upn);

// Public ids: a kind letter and a positive number, e.g. C1042, P7, A33, R5, B2; E episode, N assessment
// (of need), S section 47 enquiry, I initial child protection conference.
enum class EntityKind { child, plan, action, review, batch, episode, assessment, enquiry, conference };

struct EntityId {
  EntityKind kind;
  std::int64_t number;
};

char prefix_of(EntityKind kind);
std::string_view name_of(EntityKind kind);  // "child", "plan", ...
std::string format_id(EntityKind kind, std::int64_t number);
std::optional<EntityId> parse_id(std::string_view text);
// The number of an id of the expected kind; throws InvalidInput naming `field` otherwise.
std::int64_t parse_id_of(EntityKind kind, std::string_view text, std::string_view field);

}  // namespace ics::model
ICS_API_END
