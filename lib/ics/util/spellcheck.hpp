#pragma once
// Did you mean …? The nearest word to one misspelt, as ninja's SpellcheckString finds it: the
// candidate fewest edits away, if it is near enough, else none.
#include <ics/api.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

ICS_API_BEGIN
namespace ics::util {

// The edits that turn `from` into `to`: a character inserted, deleted or replaced, or two
// neighbouring characters swapped ("chlid" is one edit from "child"). Counting stops past `limit`:
// a larger distance is returned as `limit + 1`.
std::size_t edit_distance(std::string_view from, std::string_view to, std::size_t limit);

// How many edits a word of `length` characters may be from a suggestion: a third of its length,
// at least 1 and at most 3 (ninja's limit), so that a short word is not "corrected" into another.
std::size_t max_suggestion_edits(std::size_t length);

// The candidate nearest to `text` within max_suggestion_edits, the first of those equally near; none
// when every candidate is further.
std::optional<std::string> closest_match(std::string_view text, const std::vector<std::string>& candidates);

// " (did you mean 'WORD'?)" with the closest match, to end a message with; "" when there is none.
std::string did_you_mean(std::string_view text, const std::vector<std::string>& candidates);

}  // namespace ics::util
ICS_API_END
