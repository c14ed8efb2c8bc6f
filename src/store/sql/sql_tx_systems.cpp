// SqlTx: AI systems and record history.
#include <algorithm>

#include "store/sql/sql_tx.hpp"
#include "store/sql/system_query.hpp"

namespace aims::store::sql {
namespace {

SystemRow to_system_row(Row& r) {
  SystemRow s;
  s.id = r.take_text(0);
  s.org_id = r.take_text(1);
  s.version = r.int64(2);
  s.archived = r.boolean(3);
  s.name_key = r.take_text(4);
  s.owner_key = r.take_text(5);
  s.status = r.take_text(6);
  s.lifecycle_stage = r.take_text(7);
  s.stage_rank = r.take_text(8);
  s.eu_ai_act_class = r.take_text(9);
  s.class_rank = r.take_text(10);
  s.organization_role = r.take_text(11);
  s.search_text = r.take_text(12);
  s.created_at = r.take_text(13);
  s.updated_at = r.take_text(14);
  s.doc = r.take_text(15);
  return s;
}

std::optional<SystemRow> first_system(Rows rows) {
  if (rows.empty()) return std::nullopt;
  return to_system_row(rows.front());
}

std::string select_systems(std::string_view where) {
  return "SELECT " + std::string(kSystemColumns) + " FROM systems " + std::string(where);
}

}  // namespace

std::optional<SystemRow> SqlTx::find_system(const std::string& org_id, const std::string& id) {
  return first_system(c_.query(select_systems("WHERE org_id = ? AND id = ?"), {org_id, id}));
}

std::optional<SystemRow> SqlTx::find_system_by_name_key(const std::string& org_id, const std::string& name_key) {
  return first_system(c_.query(select_systems("WHERE org_id = ? AND name_key = ?"), {org_id, name_key}));
}

std::vector<SystemRow> SqlTx::find_systems(const std::string& org_id, const std::vector<std::string>& ids) {
  std::vector<SystemRow> out;
  for_each_in_list({org_id}, ids, [&](const Params& params, const std::string& in) {
    // By the primary key (id): `org_id` is written so that no index of (org_id, …) answers it,
    // which would read every system of the organization.
    for (Row& r : c_.query(select_systems("WHERE (org_id || '') = ? AND id IN (" + in + ")"), params))
      out.push_back(to_system_row(r));
  });
  return out;
}

SystemPage SqlTx::list_systems(const SystemQuery& q) {
  SystemPage page;
  bool only_archived_filter = !q.status && !q.lifecycle_stage && !q.eu_ai_act_class && !q.organization_role &&
                              (!q.text || q.text->empty());
  if (only_archived_filter) {
    Rows counts = c_.query("SELECT live, archived FROM system_counts WHERE org_id = ?", {q.org_id});
    std::int64_t live = counts.empty() ? 0 : counts.front().int64(0);
    std::int64_t archived = counts.empty() ? 0 : counts.front().int64(1);
    page.total = q.archived == ArchivedFilter::active_only     ? live
                 : q.archived == ArchivedFilter::archived_only ? archived
                                                               : live + archived;
  } else {
    Statement count = count_statement(q);
    Rows counted = c_.query(count.sql, count.params);
    page.total = counted.empty() ? 0 : counted.front().int64(0);
  }

  std::int64_t limit = std::max(0, q.limit);
  Statement st = page_statement(q, limit + 1);
  Rows rows = c_.query(st.sql, st.params);
  page.more = static_cast<std::int64_t>(rows.size()) > limit;
  if (page.more) rows.erase(rows.begin() + limit, rows.end());
  page.items.reserve(rows.size());
  for (Row& r : rows) {
    SystemRow& s = page.items.emplace_back();
    s.id = r.take_text(0);
    s.org_id = r.take_text(1);
    s.version = r.int64(2);
    s.archived = r.boolean(3);
    s.created_at = r.take_text(4);
    s.updated_at = r.take_text(5);
    std::string sort_value = r.take_text(6);
    switch (q.sort) {
      case SystemSort::name: s.name_key = std::move(sort_value); break;
      case SystemSort::owner: s.owner_key = std::move(sort_value); break;
      case SystemSort::status: s.status = std::move(sort_value); break;
      case SystemSort::lifecycle_stage: s.stage_rank = std::move(sort_value); break;
      case SystemSort::eu_ai_act_class: s.class_rank = std::move(sort_value); break;
      case SystemSort::created_at:
      case SystemSort::updated_at: break;  // already read
    }
    s.doc = r.take_text(7);
  }
  return page;
}

std::int64_t SqlTx::systems_generation(const std::string& org_id) {
  Rows rows = c_.query("SELECT generation FROM system_counts WHERE org_id = ?", {org_id});
  return rows.empty() ? 0 : rows.front().int64(0);
}

std::int64_t SqlTx::count_systems(const std::string& org_id) {
  Rows rows = c_.query("SELECT COUNT(*) FROM systems WHERE org_id = ?", {org_id});
  return rows.empty() ? 0 : rows.front().int64(0);
}

void SqlTx::adjust_system_counts(const std::string& org_id, std::int64_t live, std::int64_t archived) {
  c_.exec(
      "INSERT INTO system_counts (org_id, live, archived, generation) VALUES (?, ?, ?, 1) ON CONFLICT (org_id) "
      "DO UPDATE SET live = system_counts.live + excluded.live, archived = system_counts.archived + excluded.archived, "
      "generation = system_counts.generation + 1",
      {org_id, live, archived});
}

status SqlTx::insert_system(const SystemRow& s) {
  c_.claim_org(s.org_id);
  auto st = insert_or_conflict(
      "INSERT INTO systems (" + std::string(kSystemColumns) +
          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      {s.id, s.org_id, s.version, s.archived, s.name_key, s.owner_key, s.status, s.lifecycle_stage, s.stage_rank,
       s.eu_ai_act_class, s.class_rank, s.organization_role, s.search_text, s.created_at, s.updated_at, s.doc},
      "a system with this id or name");
  if (st) adjust_system_counts(s.org_id, s.archived ? 0 : 1, s.archived ? 1 : 0);
  return st;
}

status SqlTx::update_system(const SystemRow& s, std::int64_t expected_version) {
  c_.claim_org(s.org_id);
  Rows current = c_.query("SELECT version, archived FROM systems WHERE org_id = ? AND id = ?", {s.org_id, s.id});
  if (current.empty()) return make_error(errc::not_found, "no such system");
  bool was_archived = current.front().boolean(1);
  if (current.front().int64(0) != expected_version)
    return make_error(errc::precondition_failed, "the system was changed by someone else");
  // Checked first so that a clash is an answer, not a failed statement (which would end a
  // PostgreSQL transaction). A concurrent clash still surfaces as a unique violation → conflict.
  Rows clash = c_.query("SELECT 1 FROM systems WHERE org_id = ? AND name_key = ? AND id <> ?",
                        {s.org_id, s.name_key, s.id});
  if (!clash.empty()) return make_error(errc::conflict, "a system with this name already exists");
  std::int64_t changed = c_.exec(
      "UPDATE systems SET version = ?, archived = ?, name_key = ?, owner_key = ?, status = ?, lifecycle_stage = ?, "
      "stage_rank = ?, eu_ai_act_class = ?, class_rank = ?, organization_role = ?, search_text = ?, created_at = ?, "
      "updated_at = ?, doc = ? WHERE org_id = ? AND id = ? AND version = ?",
      {s.version, s.archived, s.name_key, s.owner_key, s.status, s.lifecycle_stage, s.stage_rank, s.eu_ai_act_class,
       s.class_rank, s.organization_role, s.search_text, s.created_at, s.updated_at, s.doc, s.org_id, s.id,
       expected_version});
  if (changed == 0) return make_error(errc::precondition_failed, "the system was changed by someone else");
  if (was_archived != s.archived) adjust_system_counts(s.org_id, s.archived ? -1 : 1, s.archived ? 1 : -1);
  else adjust_system_counts(s.org_id, 0, 0);  // bumps the generation
  return ok();
}

status SqlTx::insert_history(const HistoryRow& h) {
  return insert_or_conflict(
      "INSERT INTO history (org_id, record_type, record_id, version, at, actor, operation, changes, audit_seq) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      {h.org_id, h.record_type, h.record_id, h.version, h.at, h.actor, h.operation, h.changes,
       h.audit_seq ? Param(*h.audit_seq) : Param(nullptr)},
      "a history entry for this record version");
}

std::vector<HistoryRow> SqlTx::list_history(const std::string& org_id, const std::string& record_type,
                                            const std::string& record_id, int limit,
                                            std::optional<std::int64_t> before_version) {
  std::string sql =
      "SELECT org_id, record_type, record_id, version, at, actor, operation, changes, audit_seq FROM history "
      "WHERE org_id = ? AND record_type = ? AND record_id = ?";
  Params params{org_id, record_type, record_id};
  if (before_version) {
    sql += " AND version < ?";
    params.emplace_back(*before_version);
  }
  sql += " ORDER BY version DESC LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(std::max(0, limit)));
  std::vector<HistoryRow> out;
  for (Row& r : c_.query(sql, params)) {
    HistoryRow h;
    h.org_id = r.take_text(0);
    h.record_type = r.take_text(1);
    h.record_id = r.take_text(2);
    h.version = r.int64(3);
    h.at = r.take_text(4);
    h.actor = r.take_text(5);
    h.operation = r.take_text(6);
    h.changes = r.take_text(7);
    if (!r.is_null(8)) h.audit_seq = r.int64(8);
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace aims::store::sql
