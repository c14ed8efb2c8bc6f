// The list of AI objectives: its parameters (filters, sort, paging) checked, and the page picked
// from the organization's objectives as served (with their derived status, which changes with the
// date and so is filtered and sorted after it is computed). Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/catalog/catalog.hpp"

namespace aims::objectives {

/// List parameters as received (strings), checked by parse_list_query.
struct ListParams {
  std::optional<std::string> sort, q, system_id, status, derived_status, owner, annex_c_objective, overdue;
  std::optional<std::string> limit, cursor;
};

struct ListQuery {
  std::string sort = "key";  // as given, with any leading '-'
  std::string sort_key = "key";
  bool descending = false;
  std::optional<std::string> text;  // lower-cased
  std::optional<std::string> system_id;  // "none": organization-wide objectives only
  std::optional<std::string> status, derived_status, owner_key, annex_c_objective;
  std::optional<bool> overdue;
  int limit = 50;
  std::optional<std::pair<std::string, std::string>> after;  // sort value and id of the previous page's last row
};

/// Checks the parameters; errc::bad_request with field errors naming each bad one.
result<ListQuery> parse_list_query(const ListParams& p, const catalog::Catalog& cat, int max_limit = 500);

struct ListPage {
  boost::json::array items;
  std::int64_t total = 0;  // objectives matching the filters on all pages
  std::optional<std::string> next;
};

/// The page of `views` (objectives as served, each with "derived") that the query asks for.
ListPage select_page(std::vector<boost::json::object> views, const ListQuery& q);

/// True if the objective (as served) passes the query's filters.
bool matches(const boost::json::object& view, const ListQuery& q);

}  // namespace aims::objectives
