#include <ics/store/batch_seal.hpp>
#include <ics/store/register_seal.hpp>

#include <cstring>

namespace ics::store {

namespace {

// The kinds a register import writes, as RowHasher's indexes and batch_digest's names.
enum Kind : std::size_t { k_child, k_episode, k_conference, k_plan, k_kinds };
constexpr std::string_view k_names[k_kinds] = {"child", "episode", "conference", "plan"};

using Value = std::optional<std::string_view>;
constexpr Value k_null = std::nullopt;

// The values a row is handed over with: text as it is, numbers and dates (as days) as their 8
// bytes, framed as an image's values are.
class Framer {
 public:
  explicit Framer(RowHasher& hasher) : m_hasher(hasher) {}
  Framer& operator<<(Value v) {
    m_hasher.wrote(write_image_value(m_hasher.room(image_value_room(v)), v));
    return *this;
  }
  Framer& raw(std::int64_t n) {
    char bytes[sizeof n];
    std::memcpy(bytes, &n, sizeof n);
    return *this << std::string_view(bytes, sizeof bytes);
  }
  Framer& raw(const std::optional<util::Date>& d) {
    if (!d) return *this << k_null;
    return raw(d->days().time_since_epoch().count());
  }

 private:
  RowHasher& m_hasher;
};

std::int64_t raw_number(Value v) {
  std::int64_t n = 0;
  if (v && v->size() == sizeof n) std::memcpy(&n, v->data(), sizeof n);
  return n;
}

// An image's values as SQLite's text of them, appended to `bytes`.
class ImageWriter {
 public:
  explicit ImageWriter(std::string& bytes) : m_bytes(bytes) { m_bytes.clear(); }
  ImageWriter& operator<<(Value v) {
    append_image_value(m_bytes, v);
    return *this;
  }
  ImageWriter& id(char prefix, std::int64_t id) {
    char text[24] = {prefix};
    auto end = std::to_chars(text + 1, text + sizeof text, id).ptr;
    return *this << std::string_view(text, static_cast<std::size_t>(end - text));
  }
  ImageWriter& number(std::int64_t n) {
    char text[24];
    auto end = std::to_chars(text, text + sizeof text, n).ptr;
    return *this << std::string_view(text, static_cast<std::size_t>(end - text));
  }
  ImageWriter& date(Value raw) {  // from Framer::raw
    if (!raw) return *this << k_null;
    util::Date d{std::chrono::sys_days(std::chrono::days(raw_number(raw)))};
    char text[10];
    if (!d.write_iso(text)) return *this << std::string_view(d.iso());
    return *this << std::string_view(text, sizeof text);
  }

 private:
  std::string& m_bytes;
};

}  // namespace

RegisterSeal::RegisterSeal(Plans plans)
    : m_plans(std::move(plans)),
      m_streamed(k_kinds),
      m_hasher(
          [this](std::size_t kind, std::int64_t id, const util::Sha256Digest& hash) { keep(kind, id, hash); },
          [this](std::size_t kind, std::int64_t id, std::string_view bytes, const RowHasher::Add& add) {
            if (kind == k_plan)
              add_plan(id, bytes, add);
            else if (kind == k_child)
              add_child(id, bytes, add);
            else
              add(kind, id, bytes);
          }) {}

// A child is handed over with the values it was written with (the order of add_child's `values`),
// its image framed on the hashing thread.
void RegisterSeal::add(const RegisterChild& c) {
  Framer f(m_hasher);
  f.raw(c.date_of_birth).raw(c.expected_dob) << c.given_names << c.family_name << c.sex;
  f << c.nhs_number << c.upn;
  m_hasher.end_row(k_child, c.id);
}

void RegisterSeal::add_child(std::int64_t id, std::string_view bytes, const RowHasher::Add& add) const {
  enum { date_of_birth, expected_dob, given_names, family_name, sex, nhs_number, upn, values };
  auto v = image_values(bytes);
  if (v.size() != values) return;  // cannot be: left out, and db check would say so
  thread_local std::string image;  // the hashing thread's, reused
  // check_children: child_id, given_names, family_name, date_of_birth, expected_dob, sex,
  // nhs_number, upn, ethnicity, disabilities, upn_unknown, former_upn, mother_nhs_number,
  // date_of_death
  ImageWriter w(image);
  w.id('C', id) << v[given_names] << v[family_name];
  w.date(v[date_of_birth]).date(v[expected_dob]) << v[sex] << v[nhs_number] << v[upn];
  w << k_null << k_null << k_null << k_null << k_null << k_null;
  add(k_child, id, image);
}

// A plan is handed over with the values it was written with (the order of add_plan's `values`);
// its image, its episode's and its conference's are framed on the hashing thread.
void RegisterSeal::add(const RegisterPlan& p) {
  Framer f(m_hasher);
  f.raw(p.child_id) << p.category;
  f.raw(p.start_date).raw(p.end_date) << p.end_reason << p.lead_worker << p.team;
  f.raw(p.first_review_due).raw(p.previous_cp_plans) << p.legacy_ref;
  m_hasher.end_row(k_plan, p.id);
}

void RegisterSeal::add_plan(std::int64_t id, std::string_view bytes, const RowHasher::Add& add) const {
  enum {
    child,
    category,
    start,
    end,
    end_reason,
    lead_worker,
    team,
    first_review,
    previous,
    legacy_ref,
    values
  };
  auto v = image_values(bytes);
  if (v.size() != values) return;  // cannot be: left out, and db check would say so
  const bool protection = m_plans.kind == "child-protection";
  thread_local std::string image;
  // check_plans: plan_id, child_id, template, template_version, kind, initial_category,
  // latest_category, start_date, end_date, end_reason, lead_worker, team, contingency,
  // first_review_due, previous_cp_plans, legacy_ref, episode_id, conference_id
  {
    ImageWriter w(image);
    w.id('P', id).id('C', raw_number(v[child])) << m_plans.template_name;
    w.number(m_plans.template_version) << m_plans.kind << v[category] << v[category];
    w.date(v[start]).date(v[end]) << v[end_reason] << v[lead_worker] << v[team] << k_null;
    w.date(v[first_review]).number(raw_number(v[previous])) << v[legacy_ref];
    w.id('E', id);
    if (protection)
      w.id('I', id);
    else
      w << k_null;
    add(k_plan, id, image);
  }
  {  // check_episodes: episode_id, child_id, referral_date, referral_source, primary_need, nfa,
     // closure_date, closure_reason, made_by (register_insert_plan_episodes)
    ImageWriter w(image);
    w.id('E', id).id('C', raw_number(v[child])).date(v[start]) << k_null << k_null << "no";
    w.date(v[end]) << (v[end] ? Value("RC7") : k_null) << "register";
    add(k_episode, id, image);
  }
  if (protection) {  // check_conferences: conference_id, episode_id, enquiry_id, conference_date,
                     // outcome (register_insert_plan_conferences)
    ImageWriter w(image);
    w.id('I', id).id('E', id) << k_null;
    w.date(v[start]) << "plan";
    add(k_conference, id, image);
  }
}

void RegisterSeal::keep(std::size_t kind, std::int64_t id, const util::Sha256Digest& hash) {
  if (kind == k_child)
    m_children.set(id, hash);
  else
    m_streamed[kind].add(k_names[kind], id, hash);
}

void RegisterSeal::settle(Database& db, std::int64_t batch) {
  m_hasher.finish();
  for (auto id : m_changed_children) {
    if (auto hash = row_hash_now(db, k_names[k_child], batch, id))
      m_children.set(id, *hash);
    else
      m_children.erase(id);  // deleted, merged into another
  }
  for (auto chunk : m_changed_plan_chunks)
    for (Kind kind : {k_plan, k_episode}) {
      m_streamed[kind].drop(k_names[kind], chunk);
      add_chunk_now(db, k_names[kind], batch, chunk, m_streamed[kind]);
    }
  m_lines = std::async(std::launch::async, [this] {
    GroupDigest all;
    m_children.add_to(all, k_names[k_child]);
    for (auto& kind : m_streamed) all.merge(std::move(kind));
    return all.lines();
  });
}

std::vector<ChunkLine> RegisterSeal::lines() {
  return m_lines.get();
}

}  // namespace ics::store
