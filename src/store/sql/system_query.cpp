// list_systems SQL: one WHERE clause shared by the count and the page, row-value keyset paging.
#include "store/sql/system_query.hpp"

namespace aims::store::sql {

const std::string_view kSystemColumns =
    "id, org_id, version, archived, name_key, owner_key, status, lifecycle_stage, stage_rank, "
    "eu_ai_act_class, class_rank, organization_role, search_text, created_at, updated_at, doc";

std::string_view sort_column(SystemSort s) {
  switch (s) {
    case SystemSort::name: return "name_key";
    case SystemSort::created_at: return "created_at";
    case SystemSort::updated_at: return "updated_at";
    case SystemSort::lifecycle_stage: return "stage_rank";
    case SystemSort::eu_ai_act_class: return "class_rank";
    case SystemSort::status: return "status";
    case SystemSort::owner: return "owner_key";
  }
  return "name_key";
}

std::string escape_like(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size() + 2);
  for (char ch : pattern) {
    if (ch == '%' || ch == '_' || ch == '!') out.push_back('!');
    out.push_back(ch);
  }
  return out;
}

namespace {

Statement system_filters(const SystemQuery& q) {
  Statement st{"WHERE org_id = ?", {q.org_id}};
  auto add = [&st](std::string_view clause, Param p) {
    st.sql.append(" AND ").append(clause);
    st.params.push_back(std::move(p));
  };
  if (q.archived == ArchivedFilter::active_only) add("archived = ?", false);
  if (q.archived == ArchivedFilter::archived_only) add("archived = ?", true);
  if (q.status) add("status = ?", *q.status);
  if (q.lifecycle_stage) add("lifecycle_stage = ?", *q.lifecycle_stage);
  if (q.eu_ai_act_class) add("eu_ai_act_class = ?", *q.eu_ai_act_class);
  if (q.organization_role) add("organization_role = ?", *q.organization_role);
  if (q.text && !q.text->empty()) add("search_text LIKE ? ESCAPE '!'", "%" + escape_like(*q.text) + "%");
  return st;
}

}  // namespace

Statement count_statement(const SystemQuery& q) {
  Statement st = system_filters(q);
  st.sql.insert(0, "SELECT COUNT(*) FROM systems ");
  return st;
}

Statement page_statement(const SystemQuery& q, std::int64_t fetch) {
  Statement st = system_filters(q);
  std::string col(sort_column(q.sort));
  const char* dir = q.descending ? " DESC" : " ASC";
  if (q.after) {
    st.sql += " AND (" + col + ", id) " + (q.descending ? "<" : ">") + " (?, ?)";
    st.params.emplace_back(q.after->sort_value);
    st.params.emplace_back(q.after->id);
  }
  // A list page carries only what a list shows and pages by (see store.hpp): fewer columns to copy.
  st.sql.insert(0, "SELECT id, org_id, version, archived, created_at, updated_at, " + col + ", doc FROM systems ");
  st.sql += " ORDER BY " + col + dir + ", id" + dir + " LIMIT ?";
  st.params.emplace_back(fetch);
  return st;
}

}  // namespace aims::store::sql
