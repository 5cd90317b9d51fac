#include <ics/store/checked_rows.hpp>
#include <ics/store/fast_rows.hpp>
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
  const char bounds[] = {prefix, static_cast<char>(prefix + 1)};
  AuditSeqs seqs;
  FastRows q(db, "audit_entities_between");
  q.bind(1, std::string_view(bounds, 1));
  q.bind(2, std::string_view(bounds + 1, 1));
  while (q.step()) {
    auto text = q.text(0).value_or("");
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data() + 1, text.data() + text.size(), id);
    if (text.size() < 2 || ec != std::errc() || end != text.data() + text.size() || id <= 0) continue;
    seqs.add(id, q.integer(1));
  }
  return seqs;
}

void scan(Database& db, const Kind& kind, const AuditSeqs* seqs, std::vector<std::string>& names,
          const std::function<void(const CheckedRow&)>& each) {
  FastRows q(db, kind.query);  // every row: :batch stays null
  q.bind(":from", 0);
  q.bind(":to", k_last_id);
  names.clear();
  for (int i = k_image; i < q.columns(); ++i) names.emplace_back(q.column_name(i));
  CheckedRow row;
  row.image.resize(names.size());
  while (q.step()) {
    row.id = q.integer(k_id);
    row.group = q.integer(k_group);
    if (seqs) std::tie(row.first_seq, row.latest_seq) = seqs->first_latest(row.id);
    // SQLite's text where it is: nothing copied
    for (size_t i = 0; i < names.size(); ++i) row.image[i] = q.text(int(k_image + i));
    each(row);
  }
}

util::Sha256Digest image_hash(std::span<const TextView> image, std::string& bytes) {
  bytes.clear();
  for (const auto& v : image) append_image_value(bytes, v);
  return util::sha256_bytes(bytes);
}

std::vector<TextView> views_of(const std::vector<Text>& image) {
  std::vector<TextView> views;
  views.reserve(image.size());
  for (const auto& v : image) views.push_back(v ? TextView(*v) : std::nullopt);
  return views;
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
