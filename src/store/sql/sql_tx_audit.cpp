// SqlTx: the audit log's entries, subtree hashes, tail and checkpoints (migration v6).
#include <algorithm>

#include "core/canonical_json.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sql/system_query.hpp"

namespace aims::store::sql {
namespace {

constexpr std::string_view kCheckpointColumns = "SELECT org_id, size, root_hash, note, created_at FROM audit_checkpoints ";

AuditCheckpointRow to_checkpoint(Row& r) {
  AuditCheckpointRow c;
  c.org_id = r.take_text(0);
  c.size = r.int64(1);
  c.root_hash = r.take_text(2);
  c.note = r.take_text(3);
  c.created_at = r.take_text(4);
  return c;
}

/// A string member's value as it stands in the canonical entry bytes (quoted, escaped).
std::string canonical_text(const std::string& v) {
  auto c = canonical_json(boost::json::string(v));
  return c ? *c : std::string();
}

bool all_of_from(const std::string& s, std::size_t i, char digit) {
  for (; i < s.size(); ++i)
    if (s[i] != '-' && s[i] != digit) return false;
  return true;
}

std::string fill_from(std::string s, std::size_t i, char digit) {
  for (; i < s.size(); ++i)
    if (s[i] != '-') s[i] = digit;
  return s;
}

/// Prefixes of YYYY-MM-DD texts that together match exactly the texts from lo to hi (equal
/// lengths, lo <= hi, the dashes in the same places): a day range as a few LIKE patterns.
void day_prefixes(const std::string& lo, const std::string& hi, std::size_t i, std::vector<std::string>& out) {
  if (i == lo.size() || (all_of_from(lo, i, '0') && all_of_from(hi, i, '9'))) {
    out.push_back(lo.substr(0, i));
    return;
  }
  if (lo[i] == hi[i]) return day_prefixes(lo, hi, i + 1, out);
  day_prefixes(lo, fill_from(lo, i + 1, '9'), i + 1, out);
  for (char c = static_cast<char>(lo[i] + 1); c < hi[i]; ++c) out.push_back(lo.substr(0, i) + c);
  day_prefixes(fill_from(hi, i + 1, '0'), hi, i + 1, out);
}

}  // namespace

std::int64_t SqlTx::audit_size(const std::string& org_id) {
  Rows rows = c_.query("SELECT size FROM audit_heads WHERE org_id = ?", {org_id});
  return rows.empty() ? 0 : rows.front().int64(0);
}

std::vector<AuditEntryRow> SqlTx::list_audit_entries(const std::string& org_id, std::int64_t from, int limit) {
  std::vector<AuditEntryRow> out;
  if (limit <= 0) return out;
  Rows rows = c_.query(
      "SELECT seq, entry, leaf_hash FROM audit_entries WHERE org_id = ? AND seq >= ? ORDER BY seq LIMIT ?",
      {org_id, from, static_cast<std::int64_t>(limit)});
  out.reserve(rows.size());
  for (Row& r : rows) out.push_back(AuditEntryRow{org_id, r.int64(0), r.take_text(1), r.take_text(2)});
  return out;
}

// The filters compare the exact bytes of the canonical entry ({"actor":…,"at":…,…,"op":…,"org":…,
// "record_id":…,"record_type":…,"seq":N}): a quote inside a value is escaped there, so `,"op":"`
// and the like occur only where the member stands.
std::vector<AuditEntryRow> SqlTx::query_audit_entries(const AuditEntryQuery& q) {
  std::vector<AuditEntryRow> out;
  if (q.limit <= 0) return out;
  std::string sql = "SELECT seq, entry, leaf_hash FROM audit_entries WHERE org_id = ?";
  Params params{q.org_id};
  if (q.from) {
    sql += q.newest_first ? " AND seq <= ?" : " AND seq >= ?";
    params.emplace_back(*q.from);
  }
  if (q.actor) {
    auto prefix = "{\"actor\":" + canonical_text(*q.actor) + ",\"at\":\"";
    sql += " AND substr(entry, 1, length(CAST(? AS TEXT))) = CAST(? AS TEXT)";
    params.emplace_back(prefix);
    params.emplace_back(prefix);
  }
  if (q.op) {
    sql += " AND entry LIKE ? ESCAPE '!'";
    params.emplace_back("%,\"op\":" + escape_like(canonical_text(*q.op)) + ",\"org\":%");
  }
  if (q.record_type) {
    auto part = ",\"record_type\":" + canonical_text(*q.record_type) + ",\"seq\":";
    sql += " AND substr(entry, length(entry) - length(CAST(? AS TEXT)) - length(CAST(seq AS TEXT))) = "
           "CAST(? AS TEXT) || CAST(seq AS TEXT) || '}'";
    params.emplace_back(part);
    params.emplace_back(part);
  }
  if (q.from_day || q.to_day) {
    std::vector<std::string> prefixes;
    day_prefixes(q.from_day.value_or("0000-00-00"), q.to_day.value_or("9999-99-99"), 0, prefixes);
    sql += " AND (";
    for (std::size_t i = 0; i < prefixes.size(); ++i) {
      sql += i ? " OR entry LIKE ?" : "entry LIKE ?";
      params.emplace_back("%,\"at\":\"" + prefixes[i] + "%");
    }
    sql += ")";
  }
  sql += q.newest_first ? " ORDER BY seq DESC LIMIT ?" : " ORDER BY seq LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(q.limit));
  Rows rows = c_.query(sql, params);
  out.reserve(rows.size());
  for (Row& r : rows) out.push_back(AuditEntryRow{q.org_id, r.int64(0), r.take_text(1), r.take_text(2)});
  return out;
}

std::vector<std::pair<std::string, std::string>> SqlTx::find_audit_actor_names(const std::vector<std::string>& emails) {
  std::vector<std::pair<std::string, std::string>> out;
  if (emails.empty()) return out;
  Params params(emails.begin(), emails.end());
  for (Row& r : c_.query("SELECT email, name FROM users WHERE email IN (" + placeholders(emails.size()) + ")", params))
    out.emplace_back(r.take_text(0), r.take_text(1));
  return out;
}

std::vector<std::pair<std::string, std::string>> SqlTx::find_audit_record_docs(const std::string& org_id,
                                                                               const std::string& record_type,
                                                                               const std::vector<std::string>& ids) {
  std::vector<std::pair<std::string, std::string>> out;
  if (ids.empty()) return out;
  Params params{org_id};
  std::string sql;
  if (record_type == "system") {
    sql = "SELECT id, doc FROM systems WHERE org_id = ? AND id IN (";
  } else {
    sql = "SELECT id, doc FROM records WHERE org_id = ? AND kind = ? AND parent_id = '' AND id IN (";
    params.emplace_back(record_type);
  }
  params.insert(params.end(), ids.begin(), ids.end());
  for (Row& r : c_.query(sql + placeholders(ids.size()) + ")", params)) out.emplace_back(r.take_text(0), r.take_text(1));
  return out;
}

std::optional<std::string> SqlTx::find_audit_node(const std::string& org_id, int level, std::int64_t index) {
  Rows rows = level == 0
                  ? c_.query("SELECT leaf_hash FROM audit_entries WHERE org_id = ? AND seq = ?", {org_id, index})
                  : c_.query("SELECT hash FROM audit_nodes WHERE org_id = ? AND level = ? AND idx = ?",
                             {org_id, static_cast<std::int64_t>(level), index});
  if (rows.empty()) return std::nullopt;
  return rows.front().take_text(0);
}

std::optional<AuditCheckpointRow> SqlTx::find_audit_checkpoint(const std::string& org_id, std::int64_t size) {
  Rows rows = c_.query(std::string(kCheckpointColumns).append("WHERE org_id = ? AND size = ?"), {org_id, size});
  if (rows.empty()) return std::nullopt;
  return to_checkpoint(rows.front());
}

std::vector<AuditCheckpointRow> SqlTx::list_audit_checkpoints(const std::string& org_id, int limit,
                                                              std::optional<std::int64_t> below_size) {
  std::string sql = std::string(kCheckpointColumns).append("WHERE org_id = ?");
  Params params{org_id};
  if (below_size) {
    sql += " AND size < ?";
    params.emplace_back(*below_size);
  }
  sql += " ORDER BY size DESC LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(std::max(0, limit)));
  std::vector<AuditCheckpointRow> out;
  for (Row& r : c_.query(sql, params)) out.push_back(to_checkpoint(r));
  return out;
}

status SqlTx::append_audit_entry(const AuditEntryRow& e, const std::vector<AuditNodeRow>& nodes) {
  c_.claim_org(e.org_id);
  Rows head = c_.query("SELECT size FROM audit_heads WHERE org_id = ?", {e.org_id});
  std::int64_t size = head.empty() ? 0 : head.front().int64(0);
  if (e.seq != size)
    return make_error(errc::internal, "audit entry " + std::to_string(e.seq) + " does not follow the log's size " +
                                          std::to_string(size));
  // The tail: a concurrent appender to the same organization conflicts here (PostgreSQL aborts
  // one with 40001; on SQLite writers never overlap).
  std::int64_t moved =
      head.empty()
          ? c_.exec("INSERT INTO audit_heads (org_id, size) VALUES (?, ?) ON CONFLICT DO NOTHING", {e.org_id, size + 1})
          : c_.exec("UPDATE audit_heads SET size = ? WHERE org_id = ? AND size = ?", {size + 1, e.org_id, size});
  if (moved != 1) throw SqlError(ErrorKind::serialization, "the audit log's tail moved during the transaction");
  c_.exec("INSERT INTO audit_entries (org_id, seq, entry, leaf_hash) VALUES (?, ?, ?, ?)",
          {e.org_id, e.seq, e.entry, e.leaf_hash});
  for (const AuditNodeRow& n : nodes)
    c_.exec("INSERT INTO audit_nodes (org_id, level, idx, hash) VALUES (?, ?, ?, ?)",
            {e.org_id, static_cast<std::int64_t>(n.level), n.index, n.hash});
  return ok();
}

status SqlTx::insert_audit_checkpoint(const AuditCheckpointRow& c) {
  if (c_.exec("INSERT INTO audit_checkpoints (org_id, size, root_hash, note, created_at) VALUES (?, ?, ?, ?, ?) "
              "ON CONFLICT DO NOTHING",
              {c.org_id, c.size, c.root_hash, c.note, c.created_at}) == 1)
    return ok();
  auto existing = find_audit_checkpoint(c.org_id, c.size);
  if (existing && existing->root_hash == c.root_hash && existing->note == c.note) return ok();
  return make_error(errc::conflict, "a different checkpoint of this size exists");
}

}  // namespace aims::store::sql
