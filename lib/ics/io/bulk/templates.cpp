#include <ics/io/bulk/templates.hpp>
#include <ics/store/bulk.hpp>
#include <ics/store/records.hpp>
#include <ics/util/error.hpp>
#include <ics/util/sha256.hpp>

#include <fmt/format.h>

namespace ics::io {

const TemplateResolver::Found& TemplateResolver::current(const std::string& name) {
  auto it = m_current.find(name);
  if (it != m_current.end()) return it->second;
  Found found;
  try {
    if (!m_find) throw NotFound("no template library");
    found.tmpl = m_find(name);
  } catch (const NotFound&) {
    found.why_not = "is not a known template";
  } catch (const InvalidInput& e) {
    found.why_not = fmt::format("is a broken template: {}", e.what());
  }
  return m_current.emplace(name, std::move(found)).first->second;
}

TemplateResolver::Resolved TemplateResolver::resolve(store::WriteTransaction& tx, const std::string& name,
                                                     std::optional<int> version) {
  const auto& found = current(name);
  if (found.tmpl && (!version || *version == found.tmpl->version)) {
    const auto& t = *found.tmpl;
    return {store::template_snapshot(tx, t.name, t.version, t.hash, t.text), &t};
  }
  if (version) {
    if (auto stored = store::snapshot_of_version(tx.db(), name, *version)) {
      auto hash = util::sha256_hex(stored->second);
      auto it = m_by_hash.find(hash);
      if (it == m_by_hash.end())
        it = m_by_hash.emplace(hash, plan::parse_template(stored->second, name)).first;
      return {stored->first, &it->second};
    }
  }
  if (!found.tmpl) throw InvalidInput("template", name, found.why_not);
  throw InvalidInput(
      "template_version", std::to_string(*version),
      fmt::format("is not the version of template '{}' in use ({}) and no plan in the database "
                  "was opened from it",
                  name, found.tmpl->version));
}

const plan::Template& TemplateResolver::of_plan(store::Database& db, const model::Plan& plan) {
  auto it = m_by_hash.find(plan.template_hash);
  if (it == m_by_hash.end())
    it = m_by_hash
             .emplace(plan.template_hash,
                      plan::parse_template(store::template_body_of_plan(db, plan.id), plan.template_name))
             .first;
  return it->second;
}

}  // namespace ics::io
