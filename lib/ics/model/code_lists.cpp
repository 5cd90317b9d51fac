#include <ics/model/code_lists.hpp>
#include <ics/util/error.hpp>
#include <ics/util/resources.hpp>
#include <ics/util/yaml_read.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>

namespace ics::model {

namespace yaml = util::yaml;

const Code* CodeList::find(std::string_view value) const {
  for (const auto& c : codes)
    if (c.code == value) return &c;
  return nullptr;
}

std::vector<std::string> CodeList::values() const {
  std::vector<std::string> out;
  out.reserve(codes.size());
  for (const auto& c : codes) out.push_back(c.code);
  return out;
}

CodeList parse_code_list(std::string_view text, std::string_view source) {
  yaml::Map top(yaml::load_map(text, source, "code list"), "code list", source,
                {"name", "version", "census_year", "codes"});
  CodeList list;
  list.name = top.code("name");
  list.version = top.positive_int("version");
  list.census_year = top.text("census_year");
  for (const auto& node : top.list("codes")) {
    yaml::Map entry(node, "code", source, {"code", "meaning", "deprecated"});
    Code code;
    code.code = entry.text("code");
    code.meaning = entry.text("meaning");
    if (entry.has("deprecated")) {
      auto flag = entry.text("deprecated");
      if (flag != "true" && flag != "false") entry.refuse("deprecated", "must be true or false");
      code.deprecated = flag == "true";
    }
    if (list.find(code.code)) entry.refuse("code", "is listed twice");
    list.codes.push_back(std::move(code));
  }
  if (list.codes.empty()) top.refuse("codes", "must list at least one code");
  return list;
}

const CodeList& code_list(std::string_view name) {
  static const auto k_lists = [] {
    std::map<std::string, CodeList, std::less<>> lists;
    for (const auto& r : util::resources_under("codes/")) {
      if (!r.path.ends_with(".yaml")) continue;
      auto list = parse_code_list(r.text, fmt::format("schemas/{}", r.path));
      auto file = r.path.substr(6, r.path.size() - 6 - 5);
      if (list.name != file)
        throw InvalidInput(fmt::format("schemas/{}: name '{}' must match the file name", r.path, list.name));
      lists.emplace(list.name, std::move(list));
    }
    return lists;
  }();
  auto it = k_lists.find(name);
  if (it == k_lists.end()) throw NotFound(fmt::format("no code list '{}'", name));
  return it->second;
}

std::string require_listed(std::string_view value, std::string_view list, std::string_view field) {
  const auto& codes = code_list(list);
  if (const auto* code = codes.find(value)) return code->code;
  throw InvalidInput(
      std::string(field), std::string(value),
      fmt::format("is not in the {} list: must be one of {}", list, fmt::join(codes.values(), ", ")));
}

}  // namespace ics::model
