#pragma once
// A quick answer to db check's most frequent question (store/record_check.cpp): does an audit
// record's image, a flat JSON object, give each column of a record the value the record has?
// nlohmann's parser answers it in about 8 µs a record, too slow for millions; this reads the
// object's plain form in one pass, and says "the same" only where its reading cannot differ from
// the parser's: strings without an escape, null, true/false (read as yes/no), integers as
// written, no key twice. Anything else (an escape, an array, a fraction, a repeated key, a
// malformed text) is "not known", and the caller asks the parser. Private to store.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ics::store {

// Whether `json` plainly holds, for each of `names` that is one of its keys, the value of `values`
// at the same index (none: null). A key `json` lacks is no difference (the record keeps its value).
// False when a value differs or the answer is not plain.
bool plainly_matches(std::string_view json, const std::vector<std::string>& names,
                     const std::vector<std::optional<std::string_view>>& values);

}  // namespace ics::store
