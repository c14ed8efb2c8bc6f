// SqlTx::stored_total: the total of a generic record query read from the stored counts (table
// record_counts, migration v11, kept by triggers on records in every write's own transaction):
// per organization and kind the number of records (slot -1), of records under each parent (slot
// -2) and with each ref (slot -3), and per text facet slot of records with each value, so that the
// total of a list page is a lookup instead of a count of every match (docs/storage.md, "Stored
// counts"). Used by the one thread of its transaction.
#include "store/sql/sql_tx.hpp"

namespace aims::store::sql {
namespace {

constexpr std::int64_t kAll = -1;     // the slot of a kind's total (value '')
constexpr std::int64_t kParent = -2;  // the slot of the records under each parent (value: the parent id)
constexpr std::int64_t kRef = -3;     // the slot of the records with each ref (value: the ref)

/// The rows outside a filter are counted from the table only when they are this few.
constexpr std::int64_t kFewOutside = 1000;

}  // namespace

std::optional<std::int64_t> SqlTx::stored_total(const RecordQuery& q) {
  if (q.below || q.text) return std::nullopt;
  // The conditions as (stored slot, column, values): the parent and the ref are pseudo-slots.
  struct Cond {
    std::int64_t slot;
    std::string column;
    std::vector<std::string> values;
  };
  std::vector<Cond> conds;
  if (q.parent_id) conds.push_back({kParent, "parent_id", {*q.parent_id}});
  if (q.ref) conds.push_back({kRef, "ref", {*q.ref}});
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
