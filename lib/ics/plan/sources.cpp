#include <ics/plan/sources.hpp>
#include <ics/util/error.hpp>
#include <ics/util/file.hpp>
#include <ics/util/resources.hpp>
#include <ics/util/yaml_read.hpp>

#include <fmt/format.h>
#include <map>

namespace ics::plan {

namespace yaml = util::yaml;

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_extension = ".yaml";

std::string builtin_source(std::string_view path) {
  return fmt::format("builtin:{}", path);
}

}  // namespace

std::optional<SourceText> find_source(std::string_view folder, std::string_view name,
                                      const std::vector<fs::path>& dirs) {
  if (!yaml::is_code(name)) return std::nullopt;
  std::string file = std::string(name) + std::string(k_extension);
  for (const auto& dir : dirs) {
    fs::path path = dir / file;
    std::error_code error;
    if (fs::is_regular_file(path, error))
      return SourceText{std::string(name), util::read_file(path), path.string()};
  }
  std::string path = fmt::format("{}/{}", folder, file);
  if (auto text = util::resource(path))
    return SourceText{std::string(name), std::string(*text), builtin_source(path)};
  return std::nullopt;
}

std::vector<SourceText> all_sources(std::string_view folder, const std::vector<fs::path>& dirs) {
  std::map<std::string, SourceText> found;
  for (const auto& dir : dirs) {
    std::error_code error;
    if (!fs::is_directory(dir, error)) continue;
    std::map<std::string, fs::path> here;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
      const fs::path& path = it->path();
      std::string filename = path.filename().string();
      std::error_code type_error;
      if (path.extension() != k_extension || filename.starts_with(".") ||
          !fs::is_regular_file(path, type_error))
        continue;
      here.emplace(path.stem().string(), path);
    }
    if (error) throw Error(fmt::format("cannot list '{}': {}", dir.string(), error.message()));
    for (const auto& [name, path] : here)
      if (!found.contains(name)) found.emplace(name, SourceText{name, util::read_file(path), path.string()});
  }
  std::string prefix = fmt::format("{}/", folder);
  for (const auto& r : util::resources_under(prefix)) {
    std::string_view file = r.path.substr(prefix.size());
    if (file.find('/') != std::string_view::npos || !file.ends_with(k_extension)) continue;
    std::string name(file.substr(0, file.size() - k_extension.size()));
    if (!found.contains(name))
      found.emplace(name, SourceText{name, std::string(r.text), builtin_source(r.path)});
  }
  std::vector<SourceText> out;
  for (auto& [name, source] : found) out.push_back(std::move(source));
  return out;
}

}  // namespace ics::plan
