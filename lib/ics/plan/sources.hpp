#pragma once
// Finding definition files (internal to libics): `<dir>/<name>.yaml` in the user's directories in
// order, then the embedded resource `<folder>/<name>.yaml`.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ics::plan {

struct SourceText {
  std::string name;    // the file name without .yaml
  std::string text;    // the file's exact bytes
  std::string source;  // the file's path, or "builtin:<folder>/<name>.yaml"
};

// The first definition called `name`; nullopt when there is none or `name` is not a code.
std::optional<SourceText> find_source(std::string_view folder, std::string_view name,
                                      const std::vector<std::filesystem::path>& dirs);

// Every definition, one per name (the first found), sorted by name. Directories that do not
// exist are skipped; files whose names start with '.' are ignored.
std::vector<SourceText> all_sources(std::string_view folder, const std::vector<std::filesystem::path>& dirs);

}  // namespace ics::plan
