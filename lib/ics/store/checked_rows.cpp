#include <ics/store/checked_rows.hpp>
#include <ics/store/queries.hpp>
#include <ics/store/sqlite.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

#include <charconv>
#include <tuple>

namespace ics::store {

namespace {

constexpr Kind k_kinds[] = {
    {"child", "check_children", model::EntityKind::child},
    {"episode", "check_episodes", model::EntityKind::episode},
    {"assessment", "check_assessments", model::EntityKind::assessment},
    {"enquiry", "check_enquiries", model::EntityKind::enquiry},
    {"conference", "check_conferences", model::EntityKind::conference},
    {"plan", "check_plans", model::EntityKind::plan},
    {"action", "check_actions", model::EntityKind::action},
    {"review", "check_reviews", model::EntityKind::review},
};

}  // namespace

std::span<const Kind> record_kinds() {
  return k_kinds;
}

const Kind& kind_named(std::string_view name) {
  for (const auto& k : k_kinds)
    if (k.name == name) return k;
  throw StorageError(fmt::format("no record kind '{}'", name));
}

void bind_rows(SQLite::Statement& q, std::optional<std::int64_t> batch, std::int64_t from, std::int64_t to) {
  if (batch) q.bind(":batch", *batch);
  q.bind(":from", from);
  q.bind(":to", to);
}

void AuditSeqs::add(std::int64_t id, std::int64_t seq) {
  auto size = std::ssize(m_first);
  if (id >= size && id <= 2 * size + (1 << 20)) {
    m_first.resize(static_cast<std::size_t>(std::max(id + 1, size * 3 / 2)));
    m_latest.resize(m_first.size());
  }
  auto [first, latest] = id < std::ssize(m_first) ? std::tie(m_first[id], m_latest[id])
                                                  : std::tie(m_far[id].first, m_far[id].second);
  if (!first || seq < first) first = seq;
  latest = std::max(latest, seq);
}

std::pair<std::int64_t, std::int64_t> AuditSeqs::first_latest(std::int64_t id) const {
  if (id >= 0 && id < std::ssize(m_first)) return {m_first[id], m_latest[id]};
  auto far = m_far.find(id);
  return far == m_far.end() ? std::pair<std::int64_t, std::int64_t>{0, 0} : far->second;
}

void AuditSeqs::each(const std::function<void(std::int64_t, std::int64_t)>& each) const {
  for (std::int64_t id = 0; id < std::ssize(m_latest); ++id)
    if (m_latest[id]) each(id, m_latest[id]);
  for (const auto& [id, seqs] : m_far) each(id, seqs.second);
}

AuditSeqs audit_seqs(Database& db, const Kind& kind) {
  // A kind's entities are its prefix and a number ("C12"): the entity index holds them between
  // the prefix and the next letter, with each record's seq.
  const char prefix = model::format_id(kind.entity, 1)[0];
  AuditSeqs seqs;
  auto& q = statement(db, "audit_entities_between");
  q.bind(1, std::string(1, prefix));
  q.bind(2, std::string(1, static_cast<char>(prefix + 1)));
  while (step(q)) {
    auto entity = q.getColumn(0);
    std::string_view text(entity.getText(), static_cast<std::size_t>(entity.getBytes()));
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data() + 1, text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0 || text.size() < 2) continue;
    seqs.add(id, q.getColumn(1).getInt64());
  }
  q.tryReset();
  return seqs;
}

void scan(Database& db, const Kind& kind, const AuditSeqs* seqs, std::vector<std::string>& names,
          const std::function<void(const CheckedRow&)>& each) {
  SQLite::Statement q(connection(db), named_query(kind.query));
  bind_rows(q, std::nullopt, 0, k_last_id);
  names.clear();
  for (int i = k_image; i < q.getColumnCount(); ++i) names.emplace_back(q.getColumnName(i));
  CheckedRow row;
  row.image.resize(names.size());
  while (step(q)) {
    row.id = q.getColumn(k_id).getInt64();
    row.group = q.getColumn(k_group).getInt64();
    if (seqs) std::tie(row.first_seq, row.latest_seq) = seqs->first_latest(row.id);
    for (size_t i = 0; i < names.size(); ++i) {  // into the strings of the row before: no allocation
      auto column = q.getColumn(int(k_image + i));
      if (column.isNull()) {
        row.image[i].reset();
        continue;
      }
      std::string_view text(column.getText(), static_cast<std::size_t>(column.getBytes()));
      if (row.image[i])
        row.image[i]->assign(text);
      else
        row.image[i].emplace(text);
    }
    each(row);
  }
}

util::Sha256Digest image_hash(const std::vector<Text>& image, std::string& bytes) {
  bytes.clear();
  for (const auto& v : image)
    append_image_value(bytes, v ? std::optional<std::string_view>(*v) : std::nullopt);
  return util::sha256_bytes(bytes);
}

util::Sha256Digest row_hash(SQLite::Statement& q, std::string& bytes) {
  bytes.clear();
  const int columns = q.getColumnCount();
  for (int i = k_image; i < columns; ++i) {
    auto column = q.getColumn(i);
    if (column.isNull())
      append_image_value(bytes, std::nullopt);
    else
      append_image_value(bytes,
                         std::string_view(column.getText(), static_cast<std::size_t>(column.getBytes())));
  }
  return util::sha256_bytes(bytes);
}

}  // namespace ics::store
