#include <ics/util/error.hpp>
#include <ics/util/file.hpp>

#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace ics::util {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in) throw NotFound(fmt::format("cannot read '{}'", path.string()));
  return text.str();
}

}  // namespace ics::util
