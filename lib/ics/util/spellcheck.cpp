#include <ics/util/spellcheck.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace ics::util {

// The optimal string alignment distance (Levenshtein's with a swap of two neighbours as one edit),
// one row per character of `from`, given up once a whole row is past the limit.
std::size_t edit_distance(std::string_view from, std::string_view to, std::size_t limit) {
  const std::size_t n = to.size();
  if ((from.size() > n ? from.size() - n : n - from.size()) > limit) return limit + 1;
  std::vector<std::size_t> before(n + 1), previous(n + 1), current(n + 1);
  for (std::size_t j = 0; j <= n; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= from.size(); ++i) {
    current[0] = i;
    std::size_t row_best = current[0];
    for (std::size_t j = 1; j <= n; ++j) {
      std::size_t replace = previous[j - 1] + (from[i - 1] == to[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, replace});
      if (i > 1 && j > 1 && from[i - 1] == to[j - 2] && from[i - 2] == to[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[n], limit + 1);
}

std::size_t max_suggestion_edits(std::size_t length) {
  return std::clamp<std::size_t>(length / 3, 1, 3);
}

std::optional<std::string> closest_match(std::string_view text, const std::vector<std::string>& candidates) {
  const std::size_t limit = max_suggestion_edits(text.size());
  std::size_t best = limit + 1;
  std::optional<std::string> found;
  for (const auto& candidate : candidates) {
    std::size_t distance = edit_distance(text, candidate, limit);
    if (distance < best) {
      best = distance;
      found = candidate;
    }
  }
  return found;
}

std::string did_you_mean(std::string_view text, const std::vector<std::string>& candidates) {
  auto match = closest_match(text, candidates);
  return match ? fmt::format(" (did you mean '{}'?)", *match) : std::string();
}

}  // namespace ics::util
