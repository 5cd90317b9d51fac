#include <ics/store/database.hpp>
#include <ics/store/rows.hpp>
#include <ics/store/sqlite.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

namespace ics::store {

namespace {

void bind_params(SQLite::Statement& stmt, const Params& params) {
  for (const auto& [name, value] : params) {
    int index = stmt.getIndex((":" + name).c_str());
    if (index == 0) continue;
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::monostate>)
            stmt.bind(index);
          else
            stmt.bind(index, v);
        },
        value);
  }
}

util::Value column_value(const SQLite::Column& c) {
  switch (c.getType()) {
    case SQLITE_INTEGER: return static_cast<std::int64_t>(c.getInt64());
    case SQLITE_FLOAT: return c.getDouble();
    case SQLITE_NULL: return std::monostate{};
    default: return c.getString();
  }
}

void stream(SQLite::Statement& stmt, const Params& params, util::RowSink& sink,
            std::vector<util::Column> columns) {
  bind_params(stmt, params);
  int count = stmt.getColumnCount();
  columns.resize(count);
  for (int i = 0; i < count; ++i)
    if (columns[i].name.empty()) columns[i].name = stmt.getColumnName(i);
  sink.begin(columns);
  std::vector<util::Value> values(count);
  while (stmt.executeStep()) {
    for (int i = 0; i < count; ++i) values[i] = column_value(stmt.getColumn(i));
    sink.row(values);
  }
  sink.end();
}

struct Related {
  const char* name;   // key in JSON, heading in a table
  const char* query;  // named statement taking :id
};

struct Shape {
  const char* query;
  std::vector<Related> related;
};

Shape shape_of(model::EntityKind kind) {
  switch (kind) {
    case model::EntityKind::child:
      return {"show_child", {{"episodes", "show_child_episodes"}, {"plans", "show_child_plans"}}};
    case model::EntityKind::plan:
      return {"show_plan", {{"actions", "show_plan_actions"}, {"reviews", "show_plan_reviews"}}};
    case model::EntityKind::action: return {"show_action", {}};
    case model::EntityKind::review: return {"show_review", {}};
    case model::EntityKind::batch: return {"show_batch", {{"warnings", "show_batch_warnings"}}};
    case model::EntityKind::episode:
      return {"show_episode",
              {{"assessments", "show_episode_assessments"},
               {"enquiries", "show_episode_enquiries"},
               {"conferences", "show_episode_conferences"},
               {"plans", "show_episode_plans"}}};
    case model::EntityKind::assessment: return {"show_assessment", {}};
    case model::EntityKind::enquiry: return {"show_enquiry", {}};
    case model::EntityKind::conference: return {"show_conference", {}};
  }
  return {};
}

}  // namespace

void run_report_query(Database& db, const std::string& sql, const Params& params, util::RowSink& sink,
                      const std::vector<util::Column>& columns) {
  try {
    SQLite::Statement stmt(connection(db), sql);
    stream(stmt, params, sink, columns);
  } catch (const SQLite::Exception& e) {
    throw_typed(e, "query failed");
  }
}

void run_named(Database& db, std::string_view name, const Params& params, util::RowSink& sink) {
  try {
    stream(statement(db, name), params, sink, {});
  } catch (const SQLite::Exception& e) {
    throw_typed(e, fmt::format("query '{}' failed", name));
  }
}

RecordView record_view(Database& db, const model::EntityId& id) {
  auto shape = shape_of(id.kind);
  Params params{{"id", id.number}};
  RecordView view;
  run_named(db, shape.query, params, view.record);
  if (view.record.rows().empty()) return view;
  for (const auto& r : shape.related) {
    view.related.emplace_back(r.name, util::RowBuffer{});
    run_named(db, r.query, params, view.related.back().second);
  }
  return view;
}

void audit_log(Database& db, const std::optional<std::string>& entity, std::int64_t limit,
               util::RowSink& sink) {
  Params params{{"limit", limit}, {"entity", std::monostate{}}};
  if (entity) params["entity"] = *entity;
  run_named(db, "audit_log", params, sink);
}

}  // namespace ics::store
