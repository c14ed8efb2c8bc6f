// The list parameters of the risk register that the store cannot apply (levels and cells under
// the organization's criteria, acceptance state, a planned control, sorting by level): checked
// here and applied to the facts derived from stored risks, with their keyset cursors. Values and pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/records/list_query.hpp"
#include "domain/risk/criteria.hpp"
#include "domain/risk/risk_view.hpp"

namespace aims::risk {

/// The list parameters the register applies in memory (see risk_kind(): they depend on the
/// organization's criteria or today's date), and the sort and page when the sort is one of those.
struct Query {
  std::string sort = "number";  // the key without its sign
  bool descending = false;
  std::optional<std::string> acceptance, control;
  std::optional<int> inherent_level, residual_level;  // indices into the criteria's levels
  bool overdue = false;
  std::optional<int> inherent_likelihood, inherent_impact, residual_likelihood, residual_impact;
  int limit = 50;
  /// Keyset position: the sort value and number of the previous page's last risk.
  std::optional<std::pair<std::string, std::int64_t>> after;
  std::string sort_param = "number";  // as sent, for cursors
  bool in_memory = false;  // a filter or the sort needs the whole list in memory
};

/// Checks the values of the parameters that the generic parser leaves to the register (400 with
/// a field error per bad parameter).
result<Query> parse_query(const records::ListQuery& lq, const Criteria& c);

/// Whether a risk passes the in-memory filters (the store applied the others).
bool matches(const Query& q, const Facts& risk);

/// The value a risk sorts by under the query's key (bytewise order; numbers padded).
std::string sort_value(const Query& q, const Facts& risk);

/// A cursor that continues after a risk with this sort value and number (decoded by parse_query).
std::string cursor_after(const Query& q, const std::string& sort_value, std::int64_t number);

}  // namespace aims::risk
