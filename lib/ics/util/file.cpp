#include <ics/util/error.hpp>
#include <ics/util/file.hpp>
#include <ics/util/limits.hpp>

#include <fmt/format.h>
#include <fstream>

namespace ics::util {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw NotFound(fmt::format("cannot read '{}'", path.string()));
  // Read up to one byte past the limit, so that a file at the limit passes and /dev/zero stops.
  std::string text;
  char block[1 << 14];
  while (in && text.size() <= k_max_small_file_bytes) {
    in.read(block, sizeof block);
    text.append(block, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw NotFound(fmt::format("cannot read '{}'", path.string()));
  if (text.size() > k_max_small_file_bytes)
    throw InvalidInput(fmt::format("'{}' is longer than {} bytes: not a template, calendar or mapping file",
                                   path.string(), k_max_small_file_bytes));
  return text;
}

}  // namespace ics::util
