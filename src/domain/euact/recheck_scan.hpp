// The organization's AI systems whose saved classification needs a re-check (recheck_needed of
// recheck.hpp, the one test), read inside the caller's transaction, for the obligations register
// and the list served to the dashboard and the board. Stateless functions; thread-safe.
#pragma once
#include <boost/json.hpp>

#include <map>
#include <string>

#include "domain/euact/questionnaire.hpp"
#include "store/store.hpp"

namespace aims::euact {

/// System id → its saved classification's recheck object, for every classification of the
/// organization that needs a re-check (archived systems included).
std::map<std::string, boost::json::object> systems_needing_recheck(const Questionnaire& q, store::ReadTx& tx,
                                                                   const std::string& org_id);

}  // namespace aims::euact
