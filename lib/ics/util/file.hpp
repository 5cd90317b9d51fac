#pragma once
// Reading a whole small file (templates, calendars, mappings) into memory.
#include <filesystem>
#include <string>

namespace ics::util {

// The file's bytes; throws NotFound("cannot read '…'") when it cannot be opened or read.
std::string read_file(const std::filesystem::path& path);

}  // namespace ics::util
