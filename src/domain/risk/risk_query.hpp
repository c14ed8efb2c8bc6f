// The list parameters of the risk register: filters (AI system or organization-wide, status,
// levels, owner, treatment, overdue review, acceptance state, cells of the heat map, a control, q),
// sort keys and keyset cursors, applied to served risks. Values and pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/risk/criteria.hpp"

namespace aims::risk {

/// List parameters as received (strings), checked by parse_query.
struct ListParams {
  std::optional<std::string> sort, q, system_id, status, inherent_level, residual_level, owner, treatment, overdue,
      acceptance, control, inherent_likelihood, inherent_impact, residual_likelihood, residual_impact, limit, cursor;
};

struct Query {
  std::string sort = "number";  // the key without its sign
  bool descending = false;
  std::optional<std::string> system_id;  // "" = organization-wide risks only
  std::optional<std::string> status, inherent_level, residual_level, owner, treatment, acceptance, control, text;
  bool overdue = false;
  std::optional<int> inherent_likelihood, inherent_impact, residual_likelihood, residual_impact;
  int limit = 50;
  /// Keyset position: the sort value and number of the previous page's last risk.
  std::optional<std::pair<std::string, std::int64_t>> after;
  std::string sort_param = "number";  // as sent, for cursors
  std::vector<std::string> level_order;  // level ids of the criteria, lowest first (for sorting)
};

/// Checks the parameters (400 with a field error per bad parameter).
result<Query> parse_query(const ListParams& p, const Criteria& c);

/// Whether a served risk passes the filters (all but the system, which the store applies).
bool matches(const Query& q, const boost::json::object& risk);

/// The value a risk sorts by under the query's key (bytewise order; numbers padded).
std::string sort_value(const Query& q, const boost::json::object& risk);

/// A cursor that continues after `risk`, and its decoding (in parse_query).
std::string cursor_after(const Query& q, const boost::json::object& risk);

}  // namespace aims::risk
