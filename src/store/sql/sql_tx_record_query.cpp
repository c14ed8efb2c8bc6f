// SqlTx::query_records: generic records filtered on their facets, sorted on one facet or column
// with ties by (id, parent_id) in the same direction, keyset-paged, with a count of all matches.
#include "store/sql/sql_tx.hpp"
#include "store/sql/system_query.hpp"

namespace aims::store::sql {
namespace {

std::string column_of(FacetSlot s) {
  switch (s) {
    case FacetSlot::number: return "facet_number";
    case FacetSlot::position: return "position";
    case FacetSlot::created_at: return "created_at";
    case FacetSlot::updated_at: return "updated_at";
    default: return "facet" + std::to_string(static_cast<int>(s) - static_cast<int>(FacetSlot::text0));
  }
}

/// Below this many matching rows a filtered page is sorted from the rows its filter index finds;
/// from it on, the page walks the index of its order and stops after `limit + 1` matches
/// (docs/storage.md, "Filtered pages").
constexpr std::int64_t kFewRows = 1000;

/// The (filter slot, sort slot) pairs that have an index (org_id, kind, filter, sort, id,
/// parent_id) of their own (migration v12): a page with many matches of ONE value of the filter
/// slot, sorted on the sort slot, walks that index in order and reads only its rows.
constexpr std::pair<FacetSlot, FacetSlot> kPairIndexes[] = {{FacetSlot::text3, FacetSlot::text5}};

/// The filter (its index in q.filters) whose pair index serves a page with many matches, if any.
std::optional<std::size_t> paired_filter(const RecordQuery& q) {
  for (std::size_t i = 0; i < q.filters.size(); ++i)
    for (auto [filter, sort] : kPairIndexes)
      if (q.filters[i].slot == filter && q.sort == sort && q.filters[i].any_of.size() == 1) return i;
  return std::nullopt;
}

/// The WHERE clause of the query's filters (no cursor), with its parameters. With `indexed`, the
/// ref and the first slot filter may use their indexes and the other slot filters are written as
/// expressions (`facetN || ''`) that no index answers, so the plan does not hang on how the
/// database guesses their selectivity (a kind lists its most selective filters first); without
/// it, no filter can use an index (but the `paired` one, whose pair index is in the page's
/// order) and the page walks the index of its order.
Statement filters(const RecordQuery& q, bool indexed, std::optional<std::size_t> paired = std::nullopt) {
  Statement st{"WHERE org_id = ? AND kind = ?", {q.org_id, q.kind}};
  auto add = [&st](const std::string& clause, Param p) {
    st.sql.append(" AND ").append(clause);
    st.params.push_back(std::move(p));
  };
  if (q.parent_id) add("parent_id = ?", *q.parent_id);
  if (q.ref) add(indexed ? "ref = ?" : "(ref || '') = ?", *q.ref);
  bool first = indexed;
  for (std::size_t n = 0; n < q.filters.size(); ++n) {
    const FacetIn& f = q.filters[n];
    if (f.any_of.empty() || is_numeric(f.slot)) {
      st.sql += " AND 1 = 0";  // nothing is one of no values; numeric slots are not filtered by text
      continue;
    }
    const bool plain = first || paired == n;
    st.sql.append(" AND ").append(plain ? column_of(f.slot) : "(" + column_of(f.slot) + " || '')").append(" IN (");
    first = false;
    for (std::size_t i = 0; i < f.any_of.size(); ++i) {
      st.sql += i ? ", ?" : "?";
      st.params.emplace_back(f.any_of[i]);
    }
    st.sql += ")";
  }
  if (q.below) {
    const std::string col = indexed ? column_of(q.below->first) : "(" + column_of(q.below->first) + " || '')";
    st.sql.append(" AND ").append(col).append(" <> '' AND ").append(col).append(" < ?");
    st.params.emplace_back(q.below->second);
  }
  if (q.text) {
    st.sql += " AND (facet_search LIKE ? ESCAPE '!'";
    st.params.emplace_back("%" + escape_like(*q.text) + "%");
    if (!q.or_ref_in.empty()) {
      st.sql += " OR ref IN (";
      for (std::size_t i = 0; i < q.or_ref_in.size(); ++i) {
        st.sql += i ? ", ?" : "?";
        st.params.emplace_back(q.or_ref_in[i]);
      }
      st.sql += ")";
    }
    st.sql += ")";
  }
  return st;
}

}  // namespace

RecordPage SqlTx::query_records(const RecordQuery& q) { return query_page(q, nullptr); }

ViewedPage SqlTx::query_viewed(const RecordQuery& q) {
  ViewedPage out;
  out.page = query_page(q, &out.views);
  return out;
}

RecordPage SqlTx::query_page(const RecordQuery& q, std::vector<std::string>* views) {
  RecordPage page;
  if (q.count) {
    if (auto stored = stored_total(q)) {
      page.total = *stored;
    } else {
      Statement count = filters(q, true);
      page.total = c_.query("SELECT COUNT(*) FROM records " + count.sql, count.params).front().int64(0);
    }
  }
  // Few matches (or not counted): the rows are found by a filter's index and sorted, and the
  // sort key is written as an expression of its column so that no index walk is chosen to find a
  // few rows among many. Many matches: the page walks the index of its order and stops after
  // limit + 1 rows. The same rows in the same order either way.
  const bool few = !q.count || page.total <= kFewRows;
  Statement st = filters(q, few, few ? std::nullopt : paired_filter(q));
  const std::string col = column_of(q.sort);
  const char* dir = q.descending ? " DESC" : " ASC";
  if (q.after) {
    st.sql += " AND (" + col + ", id, parent_id) " + (q.descending ? "<" : ">") + " (?, ?, ?)";
    if (is_numeric(q.sort)) st.params.emplace_back(q.after->number);
    else st.params.emplace_back(q.after->text);
    st.params.emplace_back(q.after->id);
    st.params.emplace_back(q.after->parent_id);
  }
  // The whole record (record_of), then its list view when asked for.
  std::string sql(kRecordSelect);
  if (views) sql.insert(sql.rfind(" FROM records "), ", list_view");
  sql += st.sql;
  const bool sort_found_rows = q.count && few && (q.ref || !q.filters.empty() || q.below || q.text);
  const std::string key = !sort_found_rows ? col : "(" + col + (is_numeric(q.sort) ? " + 0)" : " || '')");
  sql += " ORDER BY " + key + dir + ", id" + dir + ", parent_id" + dir;
  if (q.limit > 0) {
    sql += " LIMIT ?";
    st.params.emplace_back(static_cast<std::int64_t>(q.limit) + 1);
  }
  Rows rows = c_.query(sql, st.params);
  page.items.reserve(rows.size());
  if (views) views->reserve(rows.size());
  for (Row& r : rows) {
    page.items.push_back(record_of(r));
    if (views) views->push_back(r.take_text(21));
  }
  if (q.limit > 0 && page.items.size() > static_cast<std::size_t>(q.limit)) {
    page.more = true;
    page.items.resize(static_cast<std::size_t>(q.limit));
    if (views) views->resize(page.items.size());
  }
  return page;
}

}  // namespace aims::store::sql
