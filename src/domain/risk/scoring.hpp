// Scoring of risks under the organization's criteria and the rules of formal acceptance
// (ISO/IEC 42001 6.1.2 d, 6.1.3, 8.2, 8.3): scores and levels of cells, the acceptance state of a
// risk as of a day, and who may accept which risk. Pure functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/accounts/roles.hpp"
#include "domain/risk/criteria.hpp"

namespace aims::risk {

/// A cell as served: {"likelihood", "impact", "score" (likelihood × impact), "level": {id, name, colour}}.
boost::json::object score_json(const Criteria& c, int likelihood, int impact);

/// Where a risk's formal acceptance stands, derived when read (never stored):
/// none — never accepted; accepted — valid; expired — its expiry date has come;
/// withdrawn — withdrawn by a person or by a change of the residual score;
/// exceeds_threshold — the criteria changed and the residual level is now above the threshold.
enum class AcceptanceState { none, accepted, expired, withdrawn, exceeds_threshold };

std::string_view state_name(AcceptanceState s);
/// The states in documentation order (for list filters).
const std::vector<std::string_view>& state_names();

/// The state of `acceptance` (null or the stored acceptance object) on `today`, for a risk whose
/// residual cell is (residual_likelihood, residual_impact) under `c`. An acceptance lapses on its
/// expires_on date.
AcceptanceState acceptance_state(const boost::json::value& acceptance, const Criteria& c, int residual_likelihood,
                                 int residual_impact, Date today);

/// Whether `role` may now formally accept a risk with this residual cell and status:
/// errc::forbidden when the criteria do not let the role accept risks, errc::validation (with the
/// field concerned) when the risk is closed or its residual level is above the acceptance threshold.
status check_acceptance(const Criteria& c, accounts::Role role, int residual_likelihood, int residual_impact,
                        std::string_view risk_status);

}  // namespace aims::risk
