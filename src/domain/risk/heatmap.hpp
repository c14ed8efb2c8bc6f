// The heat map of the risk register: the criteria's matrix with the number of risks in each cell,
// by inherent and by residual score, and the counts a dashboard needs. Pure function; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <vector>

#include "domain/risk/criteria.hpp"
#include "domain/risk/risk_view.hpp"

namespace aims::risk {

/// From the facts of risks (closed ones are left out): {"likelihood", "impact", "levels", "matrix",
/// "inherent": [[n]], "residual": [[n]] (indexed [likelihood - 1][impact - 1]), "total",
/// "by_level": {"inherent": {id: n}, "residual": {id: n}}, "overdue_reviews", "expired_acceptances"}.
boost::json::object heatmap(const Criteria& c, const std::vector<Facts>& risks);

}  // namespace aims::risk
