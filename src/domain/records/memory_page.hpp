// The page of a list that a kind's service filters in memory (a memory filter or sort, see
// ListQuery::in_sql): the rows kept, each with its keyset position (the store's position for a
// SQL sort, the kind's sort value for a memory one), sorted, paged after the cursor and given the
// one cursor codec's `next`. Pure function; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "domain/records/list_query.hpp"

namespace aims::records {

/// A row kept by the memory filters: its position under the list's sort and its item as served.
struct Positioned {
  store::RecordPosition pos;
  boost::json::object item;
};

struct MemoryPage {
  boost::json::array items;
  std::int64_t total = 0;  // rows kept, on all pages
  std::optional<std::string> next;
};

/// Orders `rows` by (sort value, id, parent_id) in the query's direction — numerically when the
/// sort is a SQL one on a numeric slot, else bytewise as the store does — and returns the page
/// after the query's cursor.
MemoryPage page_in_memory(std::vector<Positioned> rows, const ListQuery& q);

}  // namespace aims::records
