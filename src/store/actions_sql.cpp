// SqlTx's action index (store/actions.hpp; tables of migration v15, docs/storage.md "The action
// index"): the rows of a record replaced in the caller's transaction, and pages filtered, sorted on
// an indexed column with ties by the row's key, keyset-paged, with a count of all matches.
#include "store/actions.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sql/system_query.hpp"

namespace aims::store::sql {
namespace {

/// Below this many matching rows a page is sorted from the rows its filter's index finds.
constexpr std::int64_t kFewActionRows = 1000;

constexpr std::string_view kColumns =
    "org_id, kind, parent_id, record_id, sub_id, title, owner, due, status, search, source_version, updated_at, doc, rev";

ActionRow action_of(Row& r) {
  ActionRow a;
  a.org_id = r.text(0);
  a.kind = r.text(1);
  a.parent_id = r.text(2);
  a.record_id = r.text(3);
  a.sub_id = r.text(4);
  a.title = r.take_text(5);
  a.owner = r.text(6);
  a.due = r.text(7);
  a.status = r.text(8);
  a.search = r.take_text(9);
  a.source_version = r.int64(10);
  a.updated_at = r.text(11);
  a.doc = r.take_text(12);
  a.rev = r.int64(13);
  return a;
}

const char* sort_column(ActionSort s) {
  switch (s) {
    case ActionSort::updated: return "updated_at";
    case ActionSort::title: return "title_key";
    default: return "due_sort";
  }
}

void add_in(Statement& st, const char* column, const std::vector<std::string>& values) {
  if (values.empty()) return;
  st.sql.append(" AND ").append(column).append(" IN (").append(placeholders(values.size())).append(")");
  for (const auto& v : values) st.params.emplace_back(v);
}

Statement action_filters(const ActionQuery& q) {
  Statement st{"WHERE org_id = ?", {q.org_id}};
  add_in(st, "owner", q.owners);
  add_in(st, "status", q.statuses);
  add_in(st, "kind", q.kinds);
  // Dates compare on due_sort, the due date or '~' (after every date) when there is none, so that
  // "due before a date" is a range of the due-date index.
  if (q.overdue_on) {
    st.sql += " AND due_sort < ? AND status IN ('open', 'in_progress')";
    st.params.emplace_back(*q.overdue_on);
  }
  if (q.not_overdue_on) {
    st.sql += " AND (due_sort >= ? OR status NOT IN ('open', 'in_progress'))";
    st.params.emplace_back(*q.not_overdue_on);
  }
  if (q.due_before) {
    st.sql += " AND due_sort < ?";
    st.params.emplace_back(*q.due_before);
  }
  if (q.text && !q.text->empty()) {
    st.sql += " AND search LIKE ? ESCAPE '!'";
    st.params.emplace_back("%" + escape_like(*q.text) + "%");
  }
  return st;
}

}  // namespace

ActionPage SqlTx::query_actions(const ActionQuery& q) {
  ActionPage page;
  Statement st = action_filters(q);
  if (q.count) page.total = c_.query("SELECT COUNT(*) FROM actions " + st.sql, st.params).front().int64(0);
  const std::string col = sort_column(q.sort);
  if (q.after) {
    st.sql += " AND (" + col + ", row_key) " + (q.descending ? "<" : ">") + " (?, ?)";
    st.params.emplace_back(q.after->value);
    st.params.emplace_back(q.after->key);
  }
  // Few matches: the rows are found by a filter's index and sorted (the sort key written as an
  // expression, so that no walk of the sort's index is chosen to find a few rows among many); many:
  // the page walks the index of its order and stops after limit + 1 rows. The same rows either way.
  const bool few = q.count && page.total <= kFewActionRows;
  const char* dir = q.descending ? " DESC" : " ASC";
  st.sql += " ORDER BY " + (few ? "(" + col + " || '')" : col) + dir + ", row_key" + dir;
  const std::int64_t fetch = q.limit > 0 ? q.limit + 1 : 0;
  if (fetch > 0) {
    st.sql += " LIMIT ?";
    st.params.emplace_back(fetch);
  }
  Rows rows = c_.query("SELECT " + std::string(kColumns) + " FROM actions " + st.sql, st.params);
  for (auto& r : rows) page.items.push_back(action_of(r));
  if (fetch > 0 && static_cast<std::int64_t>(page.items.size()) > q.limit) {
    page.items.resize(static_cast<std::size_t>(q.limit));
    page.more = true;
  }
  if (!q.count) page.total = static_cast<std::int64_t>(page.items.size());
  return page;
}

status SqlTx::replace_actions(const std::string& org_id, const std::string& kind, const std::string& parent_id,
                              const std::string& record_id, const std::vector<ActionRow>& rows) {
  if (record_id.empty())
    c_.exec("DELETE FROM actions WHERE org_id = ? AND kind = ? AND parent_id = ?", {org_id, kind, parent_id});
  else
    c_.exec("DELETE FROM actions WHERE org_id = ? AND kind = ? AND parent_id = ? AND record_id = ?",
            {org_id, kind, parent_id, record_id});
  for (const auto& a : rows) {
    if (a.org_id != org_id || a.kind != kind || a.parent_id != parent_id || (!record_id.empty() && a.record_id != record_id))
      return make_error(errc::internal, "an action row does not belong to the record whose actions it replaces");
    auto s = insert_or_conflict(
        "INSERT INTO actions (org_id, kind, parent_id, record_id, sub_id, title, owner, due, status, search, "
        "source_version, updated_at, doc, rev, row_key, due_sort, title_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        {a.org_id, a.kind, a.parent_id, a.record_id, a.sub_id, a.title, a.owner, a.due, a.status, a.search,
         a.source_version, a.updated_at, a.doc, a.rev, action_key(a), action_sort_value(a, ActionSort::due),
         action_title_key(a.title)},
        "an action with this key");
    if (!s) return s;
  }
  return ok();
}

std::int64_t SqlTx::actions_backfilled(const std::string& org_id, const std::string& kind) {
  auto rows = c_.query("SELECT rev FROM actions_backfill WHERE org_id = ? AND kind = ?", {org_id, kind});
  return rows.empty() ? 0 : rows.front().int64(0);
}

status SqlTx::set_actions_backfilled(const std::string& org_id, const std::string& kind, std::int64_t rev) {
  c_.exec("DELETE FROM actions_backfill WHERE org_id = ? AND kind = ?", {org_id, kind});
  c_.exec("INSERT INTO actions_backfill (org_id, kind, rev) VALUES (?, ?, ?)", {org_id, kind, rev});
  return ok();
}

}  // namespace aims::store::sql
