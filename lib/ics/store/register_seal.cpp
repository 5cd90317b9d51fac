#include <ics/store/batch_seal.hpp>
#include <ics/store/register_seal.hpp>

#include <algorithm>

namespace ics::store {

namespace {

// The kinds a register import writes, as RowHasher's indexes and batch_digest's names.
enum Kind : std::size_t { k_child, k_episode, k_conference, k_plan, k_kinds };
constexpr std::string_view k_names[k_kinds] = {"child", "episode", "conference", "plan"};

using Value = std::optional<std::string_view>;
constexpr Value k_null = std::nullopt;

// The image values as SQLite's text of them: an id as its prefix and number, a date as ISO.
class Framer {
 public:
  explicit Framer(RowHasher& hasher) : m_hasher(hasher) {}
  Framer& operator<<(Value v) {
    m_hasher.wrote(write_image_value(m_hasher.room(image_value_room(v)), v));
    return *this;
  }
  Framer& id(char prefix, std::int64_t id) {
    char text[24] = {prefix};
    auto end = std::to_chars(text + 1, text + sizeof text, id).ptr;
    return *this << std::string_view(text, static_cast<std::size_t>(end - text));
  }
  Framer& number(std::int64_t n) {
    char text[24];
    auto end = std::to_chars(text, text + sizeof text, n).ptr;
    return *this << std::string_view(text, static_cast<std::size_t>(end - text));
  }
  Framer& date(const std::optional<util::Date>& d) {
    if (!d) return *this << k_null;
    char text[10];
    if (!d->write_iso(text)) return *this << std::string_view(d->iso());
    return *this << std::string_view(text, sizeof text);
  }

 private:
  RowHasher& m_hasher;
};

// Replaces or (gone) removes a row's hash in `rows`, which are in id order.
void rehash(std::vector<RowHash>& rows, std::int64_t id, const std::optional<util::Sha256Digest>& hash) {
  auto at = std::lower_bound(rows.begin(), rows.end(), id,
                             [](const RowHash& r, std::int64_t i) { return r.id < i; });
  bool found = at != rows.end() && at->id == id;
  if (hash && found)
    at->hash = *hash;
  else if (hash)
    rows.insert(at, RowHash{id, *hash});
  else if (found)
    rows.erase(at);
}

// A plan's episode and (a child protection plan's) conference, from the plan's image (above), as
// register_insert_plan_episodes and register_insert_plan_conferences write them.
void derive_from_plan(std::size_t kind, std::int64_t id, std::string_view bytes, const RowHasher::Add& add) {
  if (kind != k_plan) return;
  enum { child = 1, start = 7, end = 8, conference = 17, values = 18 };
  auto v = image_values(bytes);
  if (v.size() != values) return;   // not a plan's image: left out, and db check will say so
  thread_local std::string framed;  // the hashing thread's, reused
  framed.clear();
  auto frame = [&](Value value) {
    auto size = framed.size();
    framed.resize(size + image_value_room(value));
    framed.resize(static_cast<std::size_t>(write_image_value(framed.data() + size, value) - framed.data()));
  };
  std::string episode_id = "E" + std::to_string(id);
  // check_episodes: episode_id, child_id, referral_date, referral_source, primary_need, nfa,
  // closure_date, closure_reason, made_by
  for (Value value : {Value(episode_id), v[child], v[start], k_null, k_null, Value("no"), v[end],
                      v[end] ? Value("RC7") : k_null, Value("register")})
    frame(value);
  add(k_episode, id, framed);
  if (!v[conference]) return;
  framed.clear();
  // check_conferences: conference_id, episode_id, enquiry_id, conference_date, outcome
  for (Value value : {v[conference], Value(episode_id), k_null, v[start], Value("plan")}) frame(value);
  add(k_conference, id, framed);
}

}  // namespace

RegisterSeal::RegisterSeal(Plans plans) : m_plans(std::move(plans)), m_hasher(k_kinds, derive_from_plan) {}

// check_children: child_id, given_names, family_name, date_of_birth, expected_dob, sex, nhs_number,
// upn, ethnicity, disabilities, upn_unknown, former_upn, mother_nhs_number, date_of_death.
void RegisterSeal::add(const RegisterChild& c) {
  Framer f(m_hasher);
  f.id('C', c.id) << c.given_names << c.family_name;
  f.date(c.date_of_birth).date(c.expected_dob) << c.sex << c.nhs_number << c.upn;
  f << k_null << k_null << k_null << k_null << k_null << k_null;
  m_hasher.end_row(k_child, c.id);
}

// check_plans: plan_id, child_id, template, template_version, kind, initial_category,
// latest_category, start_date, end_date, end_reason, lead_worker, team, contingency,
// first_review_due, previous_cp_plans, legacy_ref, episode_id, conference_id. Its episode and
// conference are framed from these values on the hashing thread (derive_from_plan).
void RegisterSeal::add(const RegisterPlan& p) {
  Framer f(m_hasher);
  f.id('P', p.id).id('C', p.child_id) << m_plans.template_name;
  f.number(m_plans.template_version) << m_plans.kind << p.category << p.category;
  f.date(p.start_date).date(p.end_date) << p.end_reason << p.lead_worker << p.team << k_null;
  f.date(p.first_review_due).number(p.previous_cp_plans) << p.legacy_ref;
  f.id('E', p.id);
  if (m_plans.kind == "child-protection")
    f.id('I', p.id);
  else
    f << k_null;
  m_hasher.end_row(k_plan, p.id);
}

void RegisterSeal::settle(Database& db, std::int64_t batch) {
  auto& hashes = m_hasher.finish();
  auto by_id = [](const RowHash& a, const RowHash& b) { return a.id < b.id; };
  for (auto& rows : hashes)
    if (!std::is_sorted(rows.begin(), rows.end(), by_id)) std::sort(rows.begin(), rows.end(), by_id);
  for (auto id : m_changed_children)
    rehash(hashes[k_child], id, row_hash_now(db, k_names[k_child], batch, id));
  for (auto id : m_changed_plans)
    for (Kind kind : {k_plan, k_episode})
      rehash(hashes[kind], id, row_hash_now(db, k_names[kind], batch, id));
  m_lines = std::async(std::launch::async, [&hashes] {
    GroupDigest digest;
    for (std::size_t kind = 0; kind < k_kinds; ++kind)
      for (const auto& row : hashes[kind]) digest.add(k_names[kind], row.id, row.hash);
    return digest.lines();
  });
}

std::vector<ChunkLine> RegisterSeal::lines() {
  return m_lines.get();
}

}  // namespace ics::store
