// The list parameters of the risk register: filters (AI system or organization-wide, status,
// levels, owner, treatment, overdue review, acceptance state, cells of the heat map, a control, q),
// sort keys and keyset cursors, applied to the facts derived from stored risks. Values and pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/risk/criteria.hpp"
#include "domain/risk/risk_view.hpp"

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
  std::optional<std::string> status, owner, treatment, acceptance, control, text;
  std::optional<int> inherent_level, residual_level;  // indices into the criteria's levels
  bool overdue = false;
  std::optional<int> inherent_likelihood, inherent_impact, residual_likelihood, residual_impact;
  int limit = 50;
  /// Keyset position: the sort value and number of the previous page's last risk.
  std::optional<std::pair<std::string, std::int64_t>> after;
  std::string sort_param = "number";  // as sent, for cursors
};

/// Checks the parameters (400 with a field error per bad parameter).
result<Query> parse_query(const ListParams& p, const Criteria& c);

/// Whether a risk passes the filters (all but the system, which the store applies).
bool matches(const Query& q, const Facts& risk);

/// The value a risk sorts by under the query's key (bytewise order; numbers padded).
std::string sort_value(const Query& q, const Facts& risk);

/// A cursor that continues after a risk with this sort value and number (decoded by parse_query).
std::string cursor_after(const Query& q, const std::string& sort_value, std::int64_t number);

}  // namespace aims::risk
