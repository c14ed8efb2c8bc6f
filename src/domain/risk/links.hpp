// The link from the risk register to the Statement of Applicability: which risks a control treats.
// Derived at read time from the risks' planned controls, so it is never stale. Stateless; thread-safe.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace aims::risk {

/// Annex A control id → ids of the risks that are not closed and whose planned controls select
/// the control, in risk number order (R-2 before R-12). Read in the caller's transaction.
std::map<std::string, std::vector<std::string>> risks_by_control(store::ReadTx& tx, const std::string& org_id);

}  // namespace aims::risk
