// SqlTx: the stored counts of generic records (table record_counts, migration v11): per
// organization and kind the number of records (slot -1), of records under each parent (slot -2)
// and, per text facet slot, of records with each value; kept by every record write in its own
// transaction, so that the total of a list page is a lookup instead of a count of every match
// (docs/storage.md, "Stored counts"). Used by the one thread of its transaction.
#include "store/sql/sql_tx.hpp"

namespace aims::store::sql {
namespace {

constexpr std::int64_t kAll = -1;     // the slot of a kind's total (value '')
constexpr std::int64_t kParent = -2;  // the slot of the records under each parent (value: the parent id)

/// The rows outside a filter are counted from the table only when they are this few.
constexpr std::int64_t kFewOutside = 1000;

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

}  // namespace

void SqlTx::adjust_record_counts(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                                 const RecordFacets& f, std::int64_t delta) {
  auto add = [&](std::int64_t slot, const std::string& value) {
    c_.exec("INSERT INTO record_counts (org_id, kind, slot, value, n) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (org_id, kind, slot, value) DO UPDATE SET n = record_counts.n + excluded.n",
            {org_id, kind, slot, value, delta});
    if (delta < 0)
      c_.exec("DELETE FROM record_counts WHERE org_id = ? AND kind = ? AND slot = ? AND value = ? AND n <= 0",
              {org_id, kind, slot, value});
  };
  add(kAll, "");
  add(kParent, parent_id);
  for (std::size_t i = 0; i < RecordFacets::kTextSlots; ++i) add(static_cast<std::int64_t>(i), f.text[i]);
}

void SqlTx::move_record_counts(const std::string& org_id, const std::string& kind,
                               const std::array<std::string, RecordFacets::kTextSlots>& before, const RecordFacets& after) {
  for (std::size_t i = 0; i < RecordFacets::kTextSlots; ++i) {
    if (before[i] == after.text[i]) continue;
    const auto slot = static_cast<std::int64_t>(i);
    c_.exec("INSERT INTO record_counts (org_id, kind, slot, value, n) VALUES (?, ?, ?, ?, 1) "
            "ON CONFLICT (org_id, kind, slot, value) DO UPDATE SET n = record_counts.n + 1",
            {org_id, kind, slot, after.text[i]});
    c_.exec("UPDATE record_counts SET n = n - 1 WHERE org_id = ? AND kind = ? AND slot = ? AND value = ?",
            {org_id, kind, slot, before[i]});
    c_.exec("DELETE FROM record_counts WHERE org_id = ? AND kind = ? AND slot = ? AND value = ? AND n <= 0",
            {org_id, kind, slot, before[i]});
  }
}

std::optional<std::int64_t> SqlTx::stored_total(const RecordQuery& q) {
  if (q.ref || q.below || q.text) return std::nullopt;
  // The conditions as (stored slot, column, values): the parent is the pseudo-slot -2.
  struct Cond {
    std::int64_t slot;
    std::string column;
    std::vector<std::string> values;
  };
  std::vector<Cond> conds;
  if (q.parent_id) conds.push_back({kParent, "parent_id", {*q.parent_id}});
  for (const FacetIn& f : q.filters) {
    if (f.any_of.empty() || is_numeric(f.slot)) return 0;  // nothing is one of no values (as the query says)
    const auto slot = static_cast<std::int64_t>(f.slot) - static_cast<std::int64_t>(FacetSlot::text0);
    conds.push_back({slot, "facet" + std::to_string(slot), f.any_of});
  }
  auto stored = [&](std::int64_t slot, const std::vector<std::string>& values) {
    Params p{q.org_id, q.kind, slot};
    p.insert(p.end(), values.begin(), values.end());
    return c_.query("SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM record_counts WHERE org_id = ? AND kind = ? AND "
                    "slot = ? AND value IN (" + placeholders(values.size()) + ")",
                    p)
        .front()
        .int64(0);
  };
  const std::int64_t total = stored(kAll, {""});
  // A condition every record meets (e.g. "top-level" of a kind without children) is dropped; the
  // count of each other is the stored count of its values (each value once).
  std::vector<std::pair<Cond, std::int64_t>> left;
  for (auto& c : conds)
    if (auto n = stored(c.slot, c.values); n < total) left.emplace_back(std::move(c), n);
  if (left.empty()) return total;
  if (left.size() == 1) return left.front().second;
  if (left.size() > 2) return std::nullopt;
  // Two conditions A and B: |A and B| = |A| - |A and not B|, where "not B" is B's column holding
  // one of its other stored values; answered so when fewer than kFewOutside records lie outside
  // B (a default filter such as "not deleted"), by reading them through B's index.
  const bool b_first = left[0].second > left[1].second;
  const auto& [b, in_b] = left[b_first ? 0 : 1];
  const auto& [a, in_a] = left[b_first ? 1 : 0];
  if (total - in_b > kFewOutside) return std::nullopt;
  Params p{q.org_id, q.kind, b.slot};
  p.insert(p.end(), b.values.begin(), b.values.end());
  Rows others = c_.query("SELECT value FROM record_counts WHERE org_id = ? AND kind = ? AND slot = ? AND value NOT IN (" +
                             placeholders(b.values.size()) + ")",
                         p);
  if (others.empty()) return in_a;
  Params cp{q.org_id, q.kind};
  cp.insert(cp.end(), a.values.begin(), a.values.end());
  for (Row& r : others) cp.emplace_back(r.take_text(0));
  // A is written as an expression so that the count walks B's index over the few rows outside B.
  const std::int64_t a_outside_b =
      c_.query("SELECT COUNT(*) FROM records WHERE org_id = ? AND kind = ? AND (" + a.column + " || '') IN (" +
                   placeholders(a.values.size()) + ") AND " + b.column + " IN (" + placeholders(others.size()) + ")",
               cp)
          .front()
          .int64(0);
  return in_a - a_outside_b;
}

}  // namespace aims::store::sql
