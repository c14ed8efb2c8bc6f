// SqlTx: generic records (one `records` table keyed by organization, kind, parent and id) for the
// record kinds that need no columns of their own beyond a position and one lookup key.
#include <algorithm>

#include "store/sql/sql_tx.hpp"

namespace aims::store::sql {
namespace {

constexpr std::string_view kSelect = kRecordSelect;

}  // namespace

RecordRow record_of(Row& r) {
  RecordRow out;
  out.kind = r.take_text(0);
  out.org_id = r.take_text(1);
  out.parent_id = r.take_text(2);
  out.id = r.take_text(3);
  out.position = r.int64(4);
  out.ref = r.take_text(5);
  out.version = r.int64(6);
  out.created_at = r.take_text(7);
  out.updated_at = r.take_text(8);
  out.doc = r.take_text(9);
  for (std::size_t i = 0; i < RecordFacets::kTextSlots; ++i) out.facets.text[i] = r.take_text(static_cast<int>(10 + i));
  out.facets.number = r.int64(18);
  out.facets.search = r.take_text(19);
  out.facets.rev = r.int64(20);
  return out;
}

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

void for_each_in_list(const Params& head, const std::vector<std::string>& ids,
                      const std::function<void(const Params&, const std::string&)>& run) {
  constexpr std::size_t kRun = 500;
  for (std::size_t from = 0; from < ids.size(); from += kRun) {
    const std::size_t n = std::min(kRun, ids.size() - from);
    Params params = head;
    params.insert(params.end(), ids.begin() + static_cast<std::ptrdiff_t>(from),
                  ids.begin() + static_cast<std::ptrdiff_t>(from + n));
    run(params, placeholders(n));
  }
}

void append_facets(Params& params, const RecordFacets& f) {
  for (const auto& t : f.text) params.emplace_back(t);
  params.emplace_back(f.number);
  params.emplace_back(f.search);
  params.emplace_back(f.rev);
}

namespace {

/// The WHERE clause (without cursor) of a filter, with its parameters appended to `params`.
std::string where_of(const RecordFilter& f, Params& params) {
  std::string sql = "WHERE org_id = ? AND kind = ?";
  params.emplace_back(f.org_id);
  params.emplace_back(f.kind);
  if (f.parent_id) {
    sql += " AND parent_id = ?";
    params.emplace_back(*f.parent_id);
  }
  if (f.ref) {
    sql += " AND ref = ?";
    params.emplace_back(*f.ref);
  }
  if (f.facets_rev_not) {
    sql += " AND facet_rev <> ?";
    params.emplace_back(*f.facets_rev_not);
  }
  return sql;
}

constexpr std::string_view kKey = "org_id = ? AND kind = ? AND parent_id = ? AND id = ?";

#define AIMS_FACET_ASSIGN                                                                                         \
  "facet0 = ?, facet1 = ?, facet2 = ?, facet3 = ?, facet4 = ?, facet5 = ?, facet6 = ?, facet7 = ?, "      \
  "facet_number = ?, facet_search = ?, facet_rev = ?"

}  // namespace

std::optional<RecordRow> SqlTx::find_record(const std::string& org_id, const std::string& kind,
                                            const std::string& parent_id, const std::string& id) {
  Rows rows = c_.query(std::string(kSelect).append("WHERE ").append(kKey), {org_id, kind, parent_id, id});
  if (rows.empty()) return std::nullopt;
  return record_of(rows.front());
}

namespace {

/// The records `WHERE <head> IN (<values>)`, `head`'s parameters first, in runs of for_each_in_list.
std::vector<RecordRow> records_in(Connection& c, std::string_view head, const Params& head_params,
                                  const std::vector<std::string>& values) {
  std::vector<RecordRow> out;
  for_each_in_list(head_params, values, [&](const Params& params, const std::string& in) {
    for (Row& r : c.query(std::string(kSelect).append("WHERE ").append(head).append(" IN (").append(in).append(")"), params))
      out.push_back(record_of(r));
  });
  return out;
}

}  // namespace

std::vector<RecordRow> SqlTx::find_records(const std::string& org_id, const std::string& kind,
                                           const std::string& parent_id, const std::vector<std::string>& ids) {
  return records_in(c_, "org_id = ? AND kind = ? AND parent_id = ? AND id", {org_id, kind, parent_id}, ids);
}

std::vector<RecordRow> SqlTx::find_children(const std::string& org_id, const std::string& kind,
                                            const std::vector<std::string>& parent_ids, const std::string& ref) {
  return records_in(c_, "org_id = ? AND kind = ? AND ref = ? AND parent_id", {org_id, kind, ref}, parent_ids);
}

std::vector<RecordRow> SqlTx::list_records(const RecordFilter& f) {
  Params params;
  std::string sql = std::string(kSelect).append(where_of(f, params));
  if (f.after) {
    sql += " AND (parent_id, position, id) > (?, ?, ?)";
    params.emplace_back(f.after->parent_id);
    params.emplace_back(f.after->position);
    params.emplace_back(f.after->id);
  }
  sql += " ORDER BY parent_id, position, id";
  if (f.limit > 0) {
    sql += " LIMIT ?";
    params.emplace_back(static_cast<std::int64_t>(f.limit));
  }
  Rows rows = c_.query(sql, params);
  std::vector<RecordRow> out;
  out.reserve(rows.size());
  for (Row& r : rows) out.push_back(record_of(r));
  return out;
}

std::int64_t SqlTx::count_records(const RecordFilter& f) {
  Params params;
  std::string sql = "SELECT COUNT(*) FROM records " + where_of(f, params);
  return c_.query(sql, params).front().int64(0);
}

status SqlTx::put_record(const RecordRow& r, std::int64_t expected_version) {
  c_.claim_org(r.org_id);
  if (expected_version == 0) {
    Params values{r.kind, r.org_id, r.parent_id, r.id, r.position, r.ref, r.version, r.created_at, r.updated_at, r.doc};
    append_facets(values, r.facets);
    return insert_or_conflict(
        "INSERT INTO records (kind, org_id, parent_id, id, position, ref, version, created_at, updated_at, doc, " AIMS_FACET_COLUMNS
        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        values, "a record with this id");
  }
  const Params key{r.org_id, r.kind, r.parent_id, r.id};
  Rows current = c_.query(std::string("SELECT version FROM records WHERE ").append(kKey), key);
  if (current.empty()) return make_error(errc::not_found, "no such " + r.kind);
  if (current.front().int64(0) != expected_version)
    return make_error(errc::precondition_failed, "the " + r.kind + " was changed by someone else");
  Params values{r.position, r.ref, r.version, r.created_at, r.updated_at, r.doc};
  append_facets(values, r.facets);
  values.insert(values.end(), key.begin(), key.end());
  values.emplace_back(expected_version);
  std::string sql =
      "UPDATE records SET position = ?, ref = ?, version = ?, created_at = ?, updated_at = ?, doc = ?, " AIMS_FACET_ASSIGN
      " WHERE ";
  sql.append(kKey).append(" AND version = ?");
  if (c_.exec(sql, values) == 0)
    return make_error(errc::precondition_failed, "the " + r.kind + " was changed by someone else");
  return ok();
}

status SqlTx::set_record_facets(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                                const std::string& id, const RecordFacets& facets) {
  c_.claim_org(org_id);
  Params values;
  append_facets(values, facets);
  for (const auto& k : {org_id, kind, parent_id, id}) values.emplace_back(k);
  if (c_.exec(std::string("UPDATE records SET " AIMS_FACET_ASSIGN " WHERE ").append(kKey), values) == 0)
    return make_error(errc::not_found, "no such " + kind);
  return ok();
}

status SqlTx::set_list_view(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                            const std::string& id, const std::string& view) {
  if (c_.exec(std::string("UPDATE records SET list_view = ? WHERE ").append(kKey), {view, org_id, kind, parent_id, id}) == 0)
    return make_error(errc::not_found, "no such " + kind);
  return ok();
}

status SqlTx::delete_record(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                            const std::string& id, std::int64_t expected_version) {
  c_.claim_org(org_id);
  const Params key{org_id, kind, parent_id, id};
  Rows current = c_.query(std::string("SELECT version FROM records WHERE ").append(kKey), key);
  if (current.empty()) return make_error(errc::not_found, "no such " + kind);
  if (current.front().int64(0) != expected_version)
    return make_error(errc::precondition_failed, "the " + kind + " was changed by someone else");
  Params values = key;
  values.emplace_back(expected_version);
  c_.exec(std::string("DELETE FROM records WHERE ").append(kKey).append(" AND version = ?"), values);
  return ok();
}

}  // namespace aims::store::sql
