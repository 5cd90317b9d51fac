#pragma once
// Reading a whole small file (templates, calendars, mappings) into memory.
#include <ics/api.hpp>

#include <filesystem>
#include <string>

ICS_API_BEGIN
namespace ics::util {

// The file's bytes; throws NotFound("cannot read '…'") when it cannot be opened or read, and
// InvalidInput when it is longer than 1 MiB (README "Limits"): these files are small.
std::string read_file(const std::filesystem::path& path);

}  // namespace ics::util
ICS_API_END
