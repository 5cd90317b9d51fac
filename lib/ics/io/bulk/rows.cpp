#include <ics/io/bulk/rows.hpp>
#include <ics/io/bulk/store.hpp>
#include <ics/model/identifiers.hpp>
#include <ics/plan/calendars.hpp>
#include <ics/record/episodes.hpp>
#include <ics/util/error.hpp>

#include <fmt/format.h>

namespace ics::io {

const util::Calendar& calendar_named(RowContext& ctx, const std::string& name) {
  auto it = ctx.calendars.find(name);
  if (it == ctx.calendars.end()) {
    auto calendar = ctx.options.calendars ? ctx.options.calendars(name) : plan::load_calendar(name, {});
    it = ctx.calendars.emplace(name, std::move(calendar)).first;
  }
  return it->second;
}

const util::Calendar& calendar_of(RowContext& ctx, const plan::Template& tmpl) {
  return calendar_named(ctx, tmpl.calendar);
}

const util::Calendar& enquiry_calendar(RowContext& ctx) {
  if (!ctx.enquiry_calendar) {
    if (!ctx.options.find_template) throw NotFound("no template library");
    ctx.enquiry_calendar = ctx.options.find_template(std::string(record::k_conference_template)).calendar;
  }
  return calendar_named(ctx, *ctx.enquiry_calendar);
}

BulkRow with_record(RowContext& ctx, const BulkRow& row, std::int64_t id) {
  BulkRow full = row;
  auto image = record_image(ctx.tx.db(), ctx.options.kind, id);
  if (!image) return full;
  for (size_t i = 0; i < full.values.size() && i < image->size(); ++i) {
    if (i < full.present.size() && full.present[i]) continue;
    const auto& value = (*image)[i];
    full.values[i] = util::is_null(value) ? std::nullopt : std::optional<std::string>(util::to_text(value));
  }
  return full;
}

bool record_exists(RowContext& ctx, std::int64_t id) {
  return record_image(ctx.tx.db(), ctx.options.kind, id).has_value();
}

bool skip_existing(RowContext& ctx, std::int64_t id) {
  auto kind = ctx.options.kind;
  switch (ctx.options.on_conflict) {
    case OnConflict::skip: return true;
    case OnConflict::update: return false;
    case OnConflict::error: break;
  }
  throw InvalidInput(std::string(bulk_columns(kind)[0]), model::format_id(entity_of(kind), id),
                     fmt::format("is a {} already in the database (--on-conflict skip or update accepts it)",
                                 record_name(kind)));
}

Outcome audited_insert(RowContext& ctx, const std::function<std::int64_t()>& insert) {
  auto kind = ctx.options.kind;
  auto id = insert();
  auto after = record_image(ctx.tx.db(), kind, id);
  ctx.tx.audit(model::format_id(entity_of(kind), id), std::nullopt, image_json(kind, *after));
  return Outcome::created;
}

Outcome audited_update(RowContext& ctx, std::int64_t id, const std::function<void()>& update) {
  auto kind = ctx.options.kind;
  auto before = record_image(ctx.tx.db(), kind, id);
  update();
  auto after = record_image(ctx.tx.db(), kind, id);
  if (before == after) return Outcome::unchanged;
  ctx.tx.audit(model::format_id(entity_of(kind), id), image_json(kind, *before), image_json(kind, *after));
  return Outcome::updated;
}

}  // namespace ics::io
