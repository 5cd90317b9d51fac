#pragma once
// The limits every reader of user input keeps, so that a hostile or broken file ends with a clear
// error instead of unbounded memory, disk or stack (README.md, "Limits").
#include <ics/api.hpp>

#include <cstddef>

ICS_API_BEGIN
namespace ics::util {

// One record of a csv or tsv file (with the line breaks inside its quoted fields), or one line of an
// ndjson file: far above any real row (every text field is capped at 2000 bytes).
inline constexpr std::size_t k_max_record_bytes = 1 << 20;
// Arrays and objects inside one another on an ndjson line (a row is one flat object).
inline constexpr int k_max_json_depth = 64;
// The bytes read from one input file or stream (a bulk file, a register export, standard input):
// 16 times a million-row register export.
inline constexpr long long k_max_input_bytes = 4LL << 30;
// A template, calendar or mapping file (YAML), read whole.
inline constexpr std::size_t k_max_small_file_bytes = 1 << 20;

}  // namespace ics::util
ICS_API_END
