#include "domain/records/memory_page.hpp"

#include <algorithm>

namespace aims::records {

MemoryPage page_in_memory(std::vector<Positioned> rows, const ListQuery& q) {
  const bool numeric = q.sort_in_sql && store::is_numeric(q.sql.sort);
  auto less = [numeric](const store::RecordPosition& a, const store::RecordPosition& b) {
    if (numeric ? a.number != b.number : a.text != b.text) return numeric ? a.number < b.number : a.text < b.text;
    return a.id != b.id ? a.id < b.id : a.parent_id < b.parent_id;
  };
  auto before = [&](const store::RecordPosition& a, const store::RecordPosition& b) {
    return q.descending ? less(b, a) : less(a, b);
  };
  std::sort(rows.begin(), rows.end(), [&](const Positioned& a, const Positioned& b) { return before(a.pos, b.pos); });
  MemoryPage page;
  page.total = static_cast<std::int64_t>(rows.size());
  auto it = rows.begin();
  if (q.after) it = std::find_if(rows.begin(), rows.end(), [&](const Positioned& r) { return before(*q.after, r.pos); });
  for (; it != rows.end() && static_cast<int>(page.items.size()) < q.limit; ++it) page.items.push_back(std::move(it->item));
  if (it != rows.end() && !page.items.empty()) page.next = encode_cursor(q.sort_param, (it - 1)->pos);
  return page;
}

}  // namespace aims::records
