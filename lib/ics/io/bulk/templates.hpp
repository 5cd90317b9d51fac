#pragma once
// The plan templates a bulk plan file names, found once each, and the templates of stored plans.
#include <ics/model/types.hpp>
#include <ics/plan/template.hpp>
#include <ics/store/transaction.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace ics::io {

class TemplateResolver {
 public:
  using Finder = std::function<plan::Template(const std::string& name)>;
  explicit TemplateResolver(Finder find) : m_find(std::move(find)) {}

  struct Resolved {
    std::int64_t snapshot_id = 0;
    const plan::Template* tmpl = nullptr;
  };
  // The template snapshot of `name` at `version` (blank: the current one), stored now if new. The
  // current template of that name is used when its version matches, else a snapshot of that version
  // already stored. Throws InvalidInput naming template or template_version.
  Resolved resolve(store::WriteTransaction& tx, const std::string& name, std::optional<int> version);
  // The template a stored plan was opened from (its snapshot).
  const plan::Template& of_plan(store::Database& db, const model::Plan& plan);

 private:
  struct Found {
    std::optional<plan::Template> tmpl;
    std::string why_not;  // when not found or broken
  };
  const Found& current(const std::string& name);

  Finder m_find;
  std::map<std::string, Found> m_current;
  std::map<std::string, plan::Template> m_by_hash;
};

}  // namespace ics::io
